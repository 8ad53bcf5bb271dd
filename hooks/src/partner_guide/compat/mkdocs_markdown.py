"""The page's language for the Markdown extension (MkDocs internals).

Written for MkDocs 1.6.1 (`WRITTEN_FOR`). MkDocs renders every page with a
new `markdown.Markdown(extensions=config['markdown_extensions'],
extension_configs=config['mdx_configs'])` in `Page.render`
(https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py),
after the `on_page_markdown` event. So the `lang` (and the page extension's
`context`) set here, in that event, reach `partner_guide.markdown.tencent` (and
`partner_guide.markdown.page`) for that page: its admonition
titles are in the page's language (mkdocs-static-i18n builds each edition
with its own `theme.language`).
"""

from __future__ import annotations

from typing import Any

WRITTEN_FOR = {"mkdocs": ("1.6.1",)}
EXTENSION = "partner_guide.markdown.tencent"
PAGE_EXTENSION = "partner_guide.markdown.page"


def set_extension_language(config: Any, lang: str) -> None:
    """The language the extensions render the next page in."""
    config.mdx_configs.setdefault(EXTENSION, {})["lang"] = lang
    config.mdx_configs.setdefault(PAGE_EXTENSION, {})["lang"] = lang


def set_page_context(config: Any, context: Any) -> None:
    """Which page the page extension renders next (partner_guide/markdown/page.py `PageContext`)."""
    config.mdx_configs.setdefault(PAGE_EXTENSION, {})["context"] = context
