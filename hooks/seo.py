"""What search engines read (events: `on_config`, `on_page_content`, `on_post_page`; robots.txt: site/step.py).

- `on_config`: SOURCE_DATE_EPOCH, unless set, is the last commit's time: the
  sitemap's dates, and so the whole build, are the same for one commit
  whenever it is built (partner_guide/site/reproducible.py).
- `on_page_content`: schema.org FAQPage JSON-LD of the page's questions, in
  the build's language, as `page.meta["faq_jsonld"]` (overrides/main.html
  puts it in `<head>`); partner_guide/site/seo.py.
- `on_post_page`: the head's hreflang links made absolute (compat/material.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin


from partner_guide.compat.material import absolute_hreflang
from partner_guide.languages import build_language
from partner_guide.site.reproducible import use_last_commit_date
from partner_guide.site.seo import faq_jsonld

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


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    return absolute_hreflang(output, urljoin(config.site_url, page.url)) if config.site_url else output
