"""What the page's Markdown needs before rendering (event: `on_page_markdown`).

- Admonitions in every syntax (`>?`, `>!`, `> [!NOTE]`, `!!! note`) and the
  rest of Tencent's docs syntax are rendered by the Markdown extension
  `partner_guide.markdown.tencent` (mkdocs.yml); it gets the page's language
  here, for the admonition titles (partner_guide/compat/mkdocs_markdown.py).
- Writers link with `[渠道小助手][assistant]` or `[通知公告][announce]`
  instead of pasting URLs: the reference definitions of every short name in
  hooks/registry.yml are appended after the writer's last line, so line
  numbers in findings stay those of the source file.

The appending is partner_guide/site/rewrites.py, which `make check` applies too,
with the extension in the page's language (checks/rendered.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partner_guide import adapter
from partner_guide.compat.mkdocs_markdown import set_extension_language
from partner_guide.languages import build_language
from partner_guide.site.rewrites import rewrite_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    set_extension_language(config, build_language(config))
    return rewrite_markdown(markdown, adapter.registry(config))
