"""Line-level scanning helpers shared by the checks (pure module, no MkDocs event).

The checks look at Markdown *prose*: what Python-Markdown renders as HTML.
`prose_lines()` returns the source lines with everything that is not prose
blanked out by spaces, so that line and column numbers stay those of the
source file:

- the YAML front matter (only at the very top of a source file),
- fenced code blocks (``` and ~~~, including the mermaid fences, which
  `diagrams.py` checks on its own),
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
CODE_SPAN_RE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")  # `code` or ``co`de`` on one line
# A closed HTML comment. An unclosed `<!--` is not blanked: what follows it
# may still reach the page once the template closes the comment.
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


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
    out = [CODE_SPAN_RE.sub(lambda m: _blank(m.group(0)), line) for line in out]
    joined = "\n".join(out)
    if "<!--" in joined:
        joined = COMMENT_RE.sub(lambda m: _blank(m.group(0)), joined)
        out = joined.split("\n")
    return tuple(out)


class Positions:
    """Maps an offset in `"\\n".join(lines)` to a 1-based (line, column)."""

    def __init__(self, lines: list[str]):
        self.starts = [0]
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1
