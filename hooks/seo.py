"""What search engines read (events: config, page content and context, post page, post build).

- `on_config`: SOURCE_DATE_EPOCH, unless set, is the last commit's time (site/reproducible.py).
- `on_page_content`: the page's questions as FAQPage JSON-LD in `page.meta["faq_jsonld"]` (site/seo.py).
- `on_page_context`: a pull request's preview (SITE_PREVIEW) has no canonical link.
- `on_post_page`: the head's hreflang links made absolute (compat/material.py).
- `on_post_build`: in a preview, after every edition is built, no sitemap and no robots.txt (the site
  step, site/step.py, writes robots.txt only outside a preview).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from mkdocs.plugins import event_priority
from partner_guide.compat import i18n_plugin
from partner_guide.compat.material import absolute_hreflang
from partner_guide.languages import build_language
from partner_guide.site.reproducible import use_last_commit_date
from partner_guide.site.seo import drop_search_engine_files, faq_jsonld, is_preview

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    use_last_commit_date(Path(config.config_file_path).parent)
    return config


# The page's content is already what readers get (the page extension sanitized it).
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    data = faq_jsonld(html, build_language(config))
    if data:
        page.meta["faq_jsonld"] = data
    return html


def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: object
) -> dict[str, Any] | None:
    if is_preview(config.extra):
        page.canonical_url = None  # Material's <link rel="canonical"> is left out
    return context


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    return absolute_hreflang(output, urljoin(config.site_url, page.url)) if config.site_url else output


@event_priority(-120)  # after mkdocs-static-i18n (-100) has built every edition and its sitemap
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_preview(config.extra) and not i18n_plugin.in_language_rebuild(config):
        drop_search_engine_files(Path(config.site_dir))
