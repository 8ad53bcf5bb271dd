"""The two editions' built pages (mkdocs-static-i18n builds one per language).

- `on_post_page`: English pages get Material's `config.base` at `/en/` (search).
- `on_template_context`, `on_post_template`: each edition's 404 (`en/404.html`).
- `on_build_error`: a failed per-language build leaves the plugin as it was (compat/i18n_plugin.py).
- `on_post_build` of the edition built last: the site step over the built folder
  (site/step.py: the single 404, every page's Content-Security-Policy,
  robots.txt and the sitemap; hooks/search.py runs its search index); the
  bundle is checked for what lang-switch.js relies on (compat/material.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger
from partner_guide import adapter
from partner_guide.compat import i18n_plugin
from partner_guide.compat.material import alternate_script_problems, rebase_config
from partner_guide.languages import DEFAULT_LANG, build_language
from partner_guide.site.editions import edition_base, place_404

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    lang = build_language(config)
    return output if lang == DEFAULT_LANG else rebase_config(output, edition_base(page.url, lang))


def on_template_context(
    context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
) -> TemplateContext | None:
    if template_name == "404.html":
        i18n_plugin.reset_switcher_to_home_pages(config)
    return context


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
    return place_404(output, Path(config.site_dir), build_language(config)) if template_name == "404.html" else output


def on_post_build(*, config: MkDocsConfig) -> None:
    # The edition built last (every page of every edition written, config.site_dir the root): a strict build
    # that fails stops right after it, so its pages get their policy too.
    if build_language(config) == i18n_plugin.last_edition(config):
        adapter.finish_site(config)
        for problem in alternate_script_problems(config.site_dir):
            log.warning(f"{problem}: lang-switch.js may not stop Material's sitemap fetches (compat/material.py)")


def on_build_error(*, error: Exception) -> None:
    i18n_plugin.recover()
