"""The two editions' built pages (mkdocs-static-i18n builds one per language).

- `on_config` (after the plugin's): the toc permalink's title in the build's language.
- `on_post_page`: English pages get Material's `config.base` at `/en/` (search).
- `on_template_context`, `on_post_template`: each edition's 404 (`en/404.html`).
- `on_post_build`, all editions built: the root 404.html becomes the error
  document of all of them (site/editions.py); the bundle is checked for what
  lang-switch.js relies on (compat/material.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority, get_plugin_logger

from partner_guide import ui
from partner_guide.compat import i18n_plugin
from partner_guide.compat.material import alternate_script_problems, rebase_config
from partner_guide.languages import DEFAULT_LANG, build_language
from partner_guide.site.editions import edition_base, place_404, write_single_404

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


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
    return place_404(output, Path(config.site_dir), build_language(config)) if template_name == "404.html" else output


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    languages = i18n_plugin.languages(config)
    if languages and not i18n_plugin.in_language_rebuild(config):
        write_single_404(Path(config.site_dir), urlsplit(config.site_url or "/").path, *languages)
        for problem in alternate_script_problems(config.site_dir):
            log.warning(f"{problem}: lang-switch.js may not stop Material's sitemap fetches (compat/material.py)")
