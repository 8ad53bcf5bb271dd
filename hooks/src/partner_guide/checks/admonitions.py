"""Admonitions in three syntaxes: the ADM-* checks (pure module).

Writers may use any of:

- the Tencent-docs markers `>?` (说明, note) and `>!` (注意, warning), with the
  text on the marker line or on the `>` lines after it; `>>?` one quote
  level deeper; as in the source FAQ, a bare marker followed by a list;
  Tencent's bold labels `>**说明：**`;
- GitHub alerts `> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`,
  `> [!CAUTION]`, which render in the pull-request preview;
- Material's `!!! type` and `??? type` (collapsible).

`partner_guide.markdown.tencent` renders them; where a quote-based block
starts and ends is the scanner's (`scan.py`), which follows the block rule of
`markdown/syntax.py`. `check_admonitions(text, path, registry)` reports:

- ADM-TYPE          an unknown or missing type
- ADM-EMPTY         a block without body
- ADM-UNTERMINATED  an unclosed title quote, or a code fence opened in the
                    body and not closed before the block ends
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markdown.syntax import TYPES
from ..registry import Registry
from .findings import Finding
from .scan import Scan, find_fences, scan

MATERIAL_RE = re.compile(
    r"^(?P<indent>[ \t]*)"  # any indentation (admonitions nest)
    r"(?P<marker>!!!|\?\?\?\+?)"  # !!! or ??? or ???+
    r"(?P<rest>.*)$"  # type, classes and title, parsed by MATERIAL_HEAD_RE
)
MATERIAL_HEAD_RE = re.compile(
    r"^[ \t]*(?P<type>[\w\-]+)"  # the type
    r"(?P<classes>(?:[ \t]+[\w\-]+)*)"  # extra classes, e.g. `inline end`
    r"(?:[ \t]+(?P<title>\"(?:[^\"]*)(?:\"|$)))?"  # optional title in quotes (maybe unclosed)
    r"[ \t]*$"
)


@dataclass(frozen=True)
class Block:
    syntax: str  # "tencent", "github", "label" or "material"
    start: int  # 0-based line of the marker
    end: int  # 0-based line after the last line of the block
    type: str  # as written, lower-cased ("" if missing)
    col: int  # 1-based column of the type or marker
    problem: str = ""  # rule id of a structural problem, if any
    message: str = ""


def _material_body_end(lines: list[str], start: int, indent: int) -> int:
    end = start + 1
    last = start
    while end < len(lines):
        line = lines[end]
        if line.strip():
            width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
            if width < indent + 4:
                break
            last = end
        end += 1
    return last + 1


def _fence_problem(lines: list[str], start: int, end: int) -> str:
    """Message if a fence opened inside lines[start:end] is not closed there."""
    for fence in find_fences(lines[start:end]):
        if not fence.closed:
            return f"code fence opened on line {start + fence.start + 1} is not closed inside the admonition"
    return ""


def _quote_block(block) -> Block:
    """A Block (with its problem) from the scanner's quote-based admonition."""
    col = block.col + 1
    if not block.known:
        return Block(block.syntax, block.line, block.end, block.kind, col, "ADM-TYPE",
                     f"unknown alert type {block.written}")
    if block.empty:
        what = f"{block.written} alert" if block.syntax == "github" else f"{block.written} marker"
        return Block(block.syntax, block.line, block.end, block.kind, col, "ADM-EMPTY", f"{what} has no text")
    return Block(block.syntax, block.line, block.end, block.kind, col)


def parse_blocks(text: str, result: Scan | None = None) -> list[Block]:
    """Every admonition of a page, outside code, in line order."""
    result = result or scan(text)
    lines = result.lines
    blocks = [_quote_block(block) for block in result.quote_blocks]
    for index in range(result.front, len(lines)):
        line = lines[index]
        match = MATERIAL_RE.match(line) if "!!!" in line or "???" in line else None
        if not match or result.is_code(index, match.start("marker")) or index in result.raw_html:
            continue
        indent = len(match.group("indent").expandtabs(4))
        end = _material_body_end(lines, index, indent)
        head = MATERIAL_HEAD_RE.match(match.group("rest"))
        col = match.end("marker") + 1
        if not match.group("rest").strip() or (head is None and not re.match(r"^[ \t]*[\w\-]", match.group("rest"))):
            block = Block("material", index, end, "", col, "ADM-TYPE", f"{match.group('marker')} without a type")
        elif head is None:
            block = Block("material", index, end, "", col, "ADM-UNTERMINATED",
                          f"cannot read the admonition header {match.group('rest').strip()!r}")
        else:
            kind = head.group("type").lower()
            col = match.start("rest") + head.start("type") + 1
            title = head.group("title") or ""
            if kind not in TYPES:
                block = Block("material", index, end, kind, col, "ADM-TYPE", f"unknown admonition type {kind!r}")
            elif title and (len(title) < 2 or not title.endswith('"')):
                block = Block("material", index, end, kind, col, "ADM-UNTERMINATED", "title quote is not closed")
            elif end == index + 1:
                block = Block("material", index, end, kind, col, "ADM-EMPTY",
                              f"{kind} admonition has no indented body")
            elif problem := _fence_problem(lines, index + 1, end):
                block = Block("material", index, end, kind, col, "ADM-UNTERMINATED", problem)
            else:
                block = Block("material", index, end, kind, col)
        blocks.append(block)
    return sorted(blocks, key=lambda block: (block.start, block.col))


HINTS = {
    "ADM-TYPE": "use one of note, tip, warning, caution (or >? / >! / > [!NOTE])",
    "ADM-EMPTY": "put the text on the following lines, indented by 4 spaces (or after >)",
    "ADM-UNTERMINATED": "close the quote or code fence inside the admonition",
}


def check_admonitions(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    """Structural problems of every admonition, in line order."""
    return [Finding(path, block.start + 1, block.col, block.problem, block.message, HINTS[block.problem])
            for block in parse_blocks(text) if block.problem]
