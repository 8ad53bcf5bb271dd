"""Markdown rewrites before rendering (event: `on_page_markdown`).

- Admonitions in the Tencent-docs (`>?`, `>!`) and GitHub (`> [!NOTE]`)
  syntaxes become Material blocks, titled in the build's language
  (partner_guide/site/admonitions.py).
- Writers link with `[渠道小助手][assistant]` or `[通知公告][announce]`
  instead of pasting URLs: the reference definitions of every short name in
  hooks/registry.yml are appended after the writer's last line, so line
  numbers in findings stay those of the source file.

Both in partner_guide/site/rewrites.py, which `make check` applies too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partner_guide import adapter
from partner_guide.languages import build_language
from partner_guide.site.rewrites import rewrite_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return rewrite_markdown(markdown, build_language(config), adapter.registry(config))
