"""Admonitions rewritten for Material, titled in the page's language (pure module).

`transform_admonitions(markdown, lang)` rewrites the Tencent-docs markers
(`>?`, `>!`) and GitHub alerts (`> [!NOTE]`…) that `checks/admonitions.py`
parses into Material `!!! type "title"` blocks, and gives untitled Material
blocks the localized title (`ui.py`). It keeps the line count, except that a
marker with text on its own line becomes two lines, and a list right after
text in the body gets the blank line Python-Markdown needs (GitHub and
Tencent docs render it as a list). Blocks with a problem are left as
written; the ADM-* checks report them.
"""

from __future__ import annotations

import re

from ..checks.admonitions import (
    GITHUB_RE,
    MATERIAL_HEAD_RE,
    MATERIAL_RE,
    MATERIAL_TYPE,
    QUOTE_LINE_RE,
    TENCENT_RE,
    parse_blocks,
)
from ..checks.scan import split_lines
from ..ui import admonition_title


def localized(kind: str, lang: str) -> tuple[str, str]:
    """Material type and the title in `lang` for a known type."""
    return MATERIAL_TYPE.get(kind, kind), admonition_title(kind, lang)


def _strip_quote(line: str) -> str:
    match = QUOTE_LINE_RE.match(line)
    return match.group("body") if match else line


def _indent(line: str) -> str:
    return "    " + line if line.strip() else ""


LIST_START_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")  # a list item: `- x`, `1. x`


def _body(lines: list[str]) -> list[str]:
    """Body lines, with a blank line added before a list that follows text.

    GitHub and Tencent docs render such a list as a list; Python-Markdown
    would run it into the paragraph as one line.
    """
    out: list[str] = []
    in_list = False
    for line in lines:
        if not line.strip():
            in_list = False
        elif LIST_START_RE.match(line):
            if out and out[-1].strip() and not in_list:
                out.append("")
            in_list = True
        out.append(line)
    return out


def transform_admonitions(markdown: str, lang: str = "zh") -> str:
    """Markdown with every admonition as a Material block with a localized title."""
    lines = split_lines(markdown)
    out = list(lines)
    replacements: dict[int, list[str]] = {}
    for block in parse_blocks(lines):
        if block.problem:
            continue
        if block.syntax == "material":
            match = MATERIAL_RE.match(lines[block.start])
            head = MATERIAL_HEAD_RE.match(match.group("rest")) if match else None
            if head and head.group("title") is None:
                material, title = localized(block.type, lang)
                rest = match.group("rest").rstrip()
                out[block.start] = f'{match.group("indent")}{match.group("marker")}{rest} "{title}"'
            continue
        material, title = localized(block.type, lang)
        head = f'!!! {material} "{title}"'
        first = (GITHUB_RE if block.syntax == "github" else TENCENT_RE).match(lines[block.start]).group("text")
        body = _body(([first] if first.strip() else []) + [_strip_quote(line) for line in lines[block.start + 1:block.end]])
        replacements[block.start] = [head] + [_indent(line) for line in body]
        for index in range(block.start + 1, block.end):
            replacements[index] = []
    if not replacements:
        return "\n".join(out)
    result: list[str] = []
    for index, line in enumerate(out):
        result.extend(replacements.get(index, [line]))
    return "\n".join(result)
