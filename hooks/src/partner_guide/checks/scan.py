"""Line-level scanning helpers shared by the checks (pure module, no MkDocs event).

The checks look at Markdown *prose*: what Python-Markdown renders as HTML.
`prose_lines()` returns the source lines with everything that is not prose
blanked out by spaces, so that line and column numbers stay those of the
source file:

- the YAML front matter (only at the very top of a source file),
- fenced code blocks (``` and ~~~, including the mermaid fences, which
  `diagrams.py` checks on its own), also inside quotes (`> ````),
- indented code blocks (four spaces after a blank line, outside lists),
- inline code spans on one line,
- HTML comments (they never reach the reader).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

FENCE_OPEN_RE = re.compile(
    r"^(?P<indent>[ \t]*)"  # fences may be indented (inside lists and admonitions)
    r"(?P<fence>`{3,}|~{3,})"  # three or more backticks or tildes
    r"[ \t]*(?P<info>[^`\s]*)"  # optional info string: the language, e.g. mermaid
    r"[^`]*$"  # rest of the info line (attributes), no backtick allowed
)
FRONT_MATTER_END_RE = re.compile(r"^(---|\.\.\.)[ \t]*$")  # closing --- or ... line
BACKTICKS_RE = re.compile(r"`+")  # a run of backticks: code spans open and close with runs of one length
QUOTE_PREFIX_RE = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")  # the `>` markers of a quoted line
LIST_ITEM_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")  # `- item`, `1. item`


@dataclass(frozen=True)
class Fence:
    start: int  # 0-based index of the opening line
    end: int  # 0-based index of the closing line (== len(lines) when unclosed)
    info: str  # the language word, lower-cased
    indent: int
    closed: bool


def split_lines(text: str) -> list[str]:
    """Lines without their endings; a trailing newline adds no line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def front_matter_end(lines: list[str]) -> int:
    """Number of lines taken by a leading YAML front matter block (0 if none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if FRONT_MATTER_END_RE.match(lines[index]):
            return index + 1
    return 0


def find_fences(lines: list[str], start: int = 0) -> list[Fence]:
    """Every fenced code block; an unclosed fence runs to the end of the text."""
    fences: list[Fence] = []
    index = start
    while index < len(lines):
        match = FENCE_OPEN_RE.match(lines[index])
        if not match:
            index += 1
            continue
        marker = match.group("fence")
        close_re = re.compile(r"^[ \t]*" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ \t]*$")
        end = index + 1
        while end < len(lines) and not close_re.match(lines[end]):
            end += 1
        closed = end < len(lines)
        fences.append(Fence(index, end, match.group("info").lower(), len(match.group("indent")), closed))
        index = end + 1
    return fences


def _blank(text: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in text)


def prose_lines(text: str, front_matter: bool = True) -> list[str]:
    """Source lines with front matter, fences, code spans and comments blanked."""
    return list(_prose_lines(text, front_matter))


# Every check of a page asks for its prose (a dozen calls per page): compute
# it once per text. The texts of the last few pages are kept, not more.
@functools.lru_cache(maxsize=16)
def _prose_lines(text: str, front_matter: bool) -> tuple[str, ...]:
    lines = split_lines(text)
    skip = front_matter_end(lines) if front_matter else 0
    out = ["" for _ in lines[:skip]] + lines[skip:]
    for fence in find_fences(lines, skip):
        for index in range(fence.start, min(fence.end + 1, len(lines))):
            out[index] = ""
    for index in _quoted_fence_lines(out) | _indented_code_lines(out):
        out[index] = ""
    out = [_blank_code_spans(line) if "`" in line else line for line in out]
    joined = "\n".join(out)
    if "<!--" in joined:
        out = _blank_comments(joined).split("\n")
    return tuple(out)


def _quoted_fence_lines(lines: list[str]) -> set[int]:
    """Lines of the fenced code blocks inside quotes: `> ```html` … `> ```` (Python-Markdown renders code)."""
    code: set[int] = set()
    index = 0
    while index < len(lines):
        if not QUOTE_PREFIX_RE.match(lines[index]):
            index += 1
            continue
        end = index
        while end < len(lines) and QUOTE_PREFIX_RE.match(lines[end]):
            end += 1
        inner = [QUOTE_PREFIX_RE.sub("", line, count=1) for line in lines[index:end]]
        for fence in find_fences(inner):
            if fence.closed:
                code.update(range(index + fence.start, index + fence.end + 1))
        index = end
    return code


def _indented_code_lines(lines: list[str]) -> set[int]:
    """Lines of indented code blocks: indented four columns after a blank line, outside a list."""
    code: set[int] = set()
    in_list = in_code = False
    blank_before = True
    for index, line in enumerate(lines):
        if not line.strip():
            blank_before = True
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if LIST_ITEM_RE.match(line):
            in_list = True
        elif indent == 0 and blank_before:
            in_list = False
        in_code = indent >= 4 and not in_list and (blank_before or in_code)
        if in_code:
            code.add(index)
        blank_before = False
    return code


def code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each code span of a line: a run of backticks, text, and the next run of the same length.

    As the regex `(`+)(?!`)(.+?)(?<!`)\\1(?!`)` finds them, without its time: that regex rescans the
    rest of the line from every backtick of a long run (minutes for a few thousand backticks). Here each
    run is looked up once per length, by bisection.
    """
    runs = [(m.start(), m.end()) for m in BACKTICKS_RE.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        closing = None
        for opening in range(start, end):  # the regex may open on any suffix of the run
            candidates = by_length.get(end - opening, [])
            after = bisect_right(candidates, index)
            if after < len(candidates):
                closing = candidates[after]
                spans.append((opening, runs[closing][1]))
                break
        index = closing + 1 if closing is not None else index + 1
    return spans


def _blank_code_spans(line: str) -> str:
    parts, position = [], 0
    for start, end in code_spans(line):
        parts += [line[position:start], " " * (end - start)]
        position = end
    return "".join(parts) + line[position:]


def _blank_comments(text: str) -> str:
    """Every closed HTML comment blanked, in one pass. An unclosed `<!--` is not blanked: what follows it
    may still reach the page once the template closes the comment. (The regex `<!--.*?-->` rescanned
    the rest of the page for every unclosed `<!--`: 7 s for 20,000 of them.)"""
    parts = []
    position = 0
    while True:
        start = text.find("<!--", position)
        end = text.find("-->", start + 4) if start >= 0 else -1
        if start < 0 or end < 0:
            parts.append(text[position:])
            return "".join(parts)
        parts.append(text[position:start])
        parts.append(_blank(text[start : end + 3]))
        position = end + 3


class Positions:
    """Maps an offset in `"\\n".join(lines)` to a 1-based (line, column)."""

    def __init__(self, lines: list[str]):
        self.starts = [0]
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1
