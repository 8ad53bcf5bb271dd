"""What the page's Markdown needs before rendering (event: `on_page_markdown`).

Everything per page is Python-Markdown extensions (mkdocs.yml): Tencent's docs syntax and the admonitions
(`partner_guide.markdown.tencent`), then the page pipeline (`partner_guide.markdown.page`: registry short
links, the page rules, diagram frames, the boundary and the sanitizer). They get the page's language here,
for the admonition titles (partner_guide/compat/mkdocs_markdown.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partner_guide.compat.mkdocs_markdown import set_extension_language
from partner_guide.languages import build_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    set_extension_language(config, build_language(config))
    return None
