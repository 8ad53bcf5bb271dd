"""The two editions' built pages (mkdocs-static-i18n builds one per language).

- `on_config` (after the plugin's, which sets the build language): the toc
  permalink's title in the build's language (ui.py).
- `on_post_page`: English pages get Material's `config.base` pointed at
  `/en/`, so search and its result links stay in the edition.
- `on_template_context`, `on_post_template`: the 404 page switches between
  the home pages, and each edition keeps its own 404 (`en/404.html`).
- `on_post_build`: a scoped sitemap in every page folder (site/sitemaps.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from partner_guide import ui
from partner_guide.compat import i18n_plugin
from partner_guide.compat.material import rebase_config
from partner_guide.languages import DEFAULT_LANG, build_language
from partner_guide.site.editions import edition_base, place_404
from partner_guide.site.sitemaps import write_scoped_sitemaps

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui.strings(build_language(config))["permalink_title"]
    return config


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    lang = build_language(config)
    return output if lang == DEFAULT_LANG else rebase_config(output, edition_base(page.url, lang))


def on_template_context(context: dict, /, *, template_name: str, config: MkDocsConfig) -> dict | None:
    if template_name == "404.html":
        i18n_plugin.reset_switcher_to_home_pages(config)
    return context


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
    if template_name != "404.html":
        return output
    return place_404(output, Path(config.site_dir), build_language(config))


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if i18n_plugin.languages(config) and not i18n_plugin.in_language_rebuild(config):
        write_scoped_sitemaps(Path(config.site_dir), urlsplit(config.site_url or "/").path or "/")
