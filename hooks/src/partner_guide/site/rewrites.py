"""The Markdown rewrite before rendering, in one place (pure module).

hooks/rendering.py applies it to every page in `on_page_markdown`, and
`make check` before it renders a page the same way (checks/rendered.py), so
that both judge the same HTML.

The reference definitions of every short name in hooks/registry.yml are
appended after the writer's last line (`[渠道小助手][assistant]`), so line
numbers in findings stay those of the source file. (Admonitions and the rest
of Tencent's docs syntax are the Markdown extension's business:
partner_guide.markdown.tencent, in the page's language.)
"""

from __future__ import annotations

from ..registry import Registry


def rewrite_markdown(markdown: str, registry: Registry) -> str:
    return f"{markdown}\n\n{registry.reference_definitions()}\n"
