"""The Markdown rewrites before rendering, in one place (pure module).

hooks/rendering.py applies them to every page in `on_page_markdown`, and
`make check` before it renders a page the same way (checks/rendered.py), so
that both judge the same HTML.

- Admonitions in the Tencent-docs (`>?`, `>!`) and GitHub (`> [!NOTE]`)
  syntaxes become Material blocks, titled in the language (site/admonitions.py).
- The reference definitions of every short name in hooks/registry.yml are
  appended after the writer's last line (`[渠道小助手][assistant]`), so line
  numbers in findings stay those of the source file.
"""

from __future__ import annotations

from ..registry import Registry
from .admonitions import transform_admonitions


def rewrite_markdown(markdown: str, lang: str, registry: Registry) -> str:
    return f"{transform_admonitions(markdown, lang)}\n\n{registry.reference_definitions()}\n"
