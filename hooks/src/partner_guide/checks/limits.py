"""Bounds that keep rendering a page linear in time and free of recursion errors (pure module).

Python-Markdown recurses once per nesting level and, for an opening bracket,
parenthesis or tag that is never closed, scans the rest of the paragraph:
a few thousand of them make a page take minutes, and a few hundred nesting
levels end in RecursionError. `guard(markdown)` finds these before the page
is rendered and returns the problems with a version of the Markdown that
renders quickly (the build fails on the findings anyway; what it renders in
the meantime must only be fast and harmless). `check_limits(text, path,
registry)` (in `ruleset.CHECKS`) reports the same problems on a source file:

- LIMIT-SIZE     a page over MAX_PAGE_CHARS characters: split it (the page
                 renders as a one-line notice);
- LIMIT-NESTING  a line nested deeper than MAX_DEPTH lists, quotes or
                 indented blocks (the line renders flattened);
- LIMIT-RUN      a run of more than MAX_RUN `*`, `_` or `~` (removed);
- LIMIT-PARAGRAPH a paragraph over MAX_UNIT characters: Python-Markdown
                 copies the paragraph once per link, emphasis or entity in
                 it, so its time grows with the square of its length (the
                 paragraph renders as a notice);
- LIMIT-OPEN     a paragraph with more than MAX_OPEN `[` or `(` that are
                 never closed, each of which is a scan to its end (the
                 paragraph renders as a notice); or a page with more than
                 MAX_OPEN_TAGS `<` that start a tag never closed, each of
                 which is a scan to the end of the page (every `<` of the
                 page renders as text).

A paragraph here is a run of lines up to a blank line, a list item, a table
row or a heading (what Python-Markdown processes inline at once), outside
closed code fences. Every scan is a single pass without backtracking.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..registry import Registry
from .findings import Finding
from .frontmatter import read_front_matter

MAX_PAGE_CHARS = 256 * 1024
MAX_DEPTH = 20
MAX_RUN = 32
MAX_UNIT = 8 * 1024
MAX_OPEN = 8
MAX_OPEN_TAGS = 16
TAB = 4
NOTICE = "(not rendered: see the finding for this line)"

RUN_RE = re.compile("|".join(rf"{re.escape(c)}{{{MAX_RUN + 1},}}" for c in "*_~"))  # over MAX_RUN of one character
BRACKET_RE = re.compile(r"\\.|[\[\]()]", re.S)  # an escaped character, or a bracket or parenthesis
TAG_EDGE_RE = re.compile(r"<[A-Za-z/!?]|>")  # where a tag may start, or any `>`
FENCE_RE = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})[ \t]*[\w+#.-]*[ \t]*$")  # a plain fence line
UNIT_START_RE = re.compile(r"^[ \t>]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|\||#)")  # list item, table row, heading
LIST_MARKERS = frozenset("-*+")


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based, within the Markdown given
    col: int
    rule: str
    message: str
    hint: str = ""


def depth(line: str) -> tuple[int, int]:
    """(nesting depth, length of the leading markers and indentation) of one line."""
    level = column = index = 0
    length = len(line)
    while index < length:
        char = line[index]
        if char == " ":
            column += 1
        elif char == "\t":
            column += TAB - column % TAB
        elif char == ">" or (char in LIST_MARKERS and index + 1 < length and line[index + 1] in " \t"):
            level += 1 + column // TAB
            column = 0
        else:
            break
        index += 1
    return level + column // TAB, index


def unclosed_brackets(text: str) -> tuple[int, int]:
    """(unclosed `[`, unclosed `(`) of a paragraph, in one pass."""
    brackets = parens = 0
    for match in BRACKET_RE.finditer(text):
        char = match.group()
        if char == "[":
            brackets += 1
        elif char == "]":
            brackets = max(0, brackets - 1)
        elif char == "(":
            parens += 1
        elif char == ")":
            parens = max(0, parens - 1)
    return brackets, parens


def unclosed_tags(text: str) -> tuple[int, int]:
    """(number of `<` that start a tag with no `>` before the next such `<`, offset of the first), in one pass."""
    count, first, open_at = 0, -1, -1
    for match in TAG_EDGE_RE.finditer(text):
        if match.group() == ">":
            open_at = -1
            continue
        if open_at >= 0:
            count += 1
            first = open_at if first < 0 else first
        open_at = match.start()
    if open_at >= 0:
        count += 1
        first = open_at if first < 0 else first
    return count, first


def _code_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of closed, plainly opened code fences (not processed inline), in one pass.

    An unclosed fence is not code for Python-Markdown: its lines, and all
    after it, count as text here (over-counting is the safe side).
    """
    code: set[int] = set()
    opened = -1
    fence = ""
    for index, line in enumerate(lines):
        match = FENCE_RE.match(line)
        if not match:
            continue
        marker = match.group("fence")
        if opened < 0:
            opened, fence = index, marker
        elif marker[0] == fence[0] and len(marker) >= len(fence) and line.strip().strip(fence[0]) == "":
            code.update(range(opened, index + 1))
            opened = -1
    return code


@functools.lru_cache(maxsize=4)  # the build's source check and the page extension guard the same page's text
def guard(markdown: str) -> tuple[str, tuple[Problem, ...]]:
    """(Markdown that renders in linear time without recursion errors, the problems found)."""
    guarded, problems = _guard(markdown)
    return guarded, tuple(problems)


def _guard(markdown: str) -> tuple[str, list[Problem]]:
    if len(markdown) > MAX_PAGE_CHARS:
        return NOTICE + "\n", [
            Problem(
                1,
                1,
                "LIMIT-SIZE",
                f"the page is {len(markdown)} characters, over {MAX_PAGE_CHARS}",
                "split it into several pages",
            )
        ]
    problems: list[Problem] = []
    lines = markdown.split("\n")
    deep_reported = False
    for number, line in enumerate(lines):
        level, prefix = depth(line)
        if level > MAX_DEPTH:
            if not deep_reported:
                problems.append(
                    Problem(
                        number + 1,
                        1,
                        "LIMIT-NESTING",
                        f"nested {level} levels deep, over {MAX_DEPTH}",
                        "flatten the lists and quotes",
                    )
                )
                deep_reported = True
            lines[number] = line = line[prefix:]
        run = RUN_RE.search(line)
        if run:
            problems.append(
                Problem(
                    number + 1,
                    run.start() + 1,
                    "LIMIT-RUN",
                    f"a run of {len(run.group())} {run.group()[0]!r}",
                    "remove it",
                )
            )
            lines[number] = RUN_RE.sub("", line)
    code = _code_lines(lines)
    start = 0
    for end in range(len(lines) + 1):
        boundary = end == len(lines) or end in code or not lines[end].strip() or UNIT_START_RE.match(lines[end])
        if not boundary:
            continue
        if end > start:
            problem = _unit_problem(lines, start, end)
            if problem:
                problems.append(problem)
                lines[start:end] = [NOTICE] + [""] * (end - start - 1)
        start = end if end < len(lines) and UNIT_START_RE.match(lines[end]) and end not in code else end + 1
    prose = "\n".join("" if index in code else line for index, line in enumerate(lines))  # fences: code, no tags
    tags, first = unclosed_tags(prose)
    if tags > MAX_OPEN_TAGS:
        before = prose[:first]
        problems.append(
            Problem(
                before.count("\n") + 1,
                first - before.rfind("\n"),
                "LIMIT-OPEN",
                f"{tags} tags opened with < and never closed with > (over {MAX_OPEN_TAGS})",
                "close each tag, or write &lt; for a literal <",
            )
        )
        lines = [line if index in code else line.replace("<", "&lt;") for index, line in enumerate(lines)]
    text = "\n".join(lines)
    return text, sorted(problems, key=lambda p: (p.line, p.col))


def _unit_problem(lines: list[str], start: int, end: int) -> Problem | None:
    unit = "\n".join(lines[start:end])
    if len(unit) > MAX_UNIT:
        return Problem(
            start + 1,
            1,
            "LIMIT-PARAGRAPH",
            f"a paragraph of {len(unit)} characters, over {MAX_UNIT}",
            "break it into shorter paragraphs",
        )
    brackets, parens = unclosed_brackets(unit)
    if max(brackets, parens) > MAX_OPEN:
        which = "[" if brackets >= parens else "("
        return Problem(
            start + 1,
            1,
            "LIMIT-OPEN",
            f"{max(brackets, parens)} {which!r} never closed in one paragraph (over {MAX_OPEN})",
            f"close them, or write \\{which} for a literal {which}",
        )
    return None


def check_limits(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    """The guard's problems on a source file, at the file's lines (front matter counted)."""
    offset = read_front_matter(text).lines
    body = "\n".join(text.removeprefix("\ufeff").split("\n")[offset:]) if offset else text.removeprefix("\ufeff")
    if len(text) > MAX_PAGE_CHARS:
        body = text  # the size is the file's
    _, problems = guard(body)
    return [Finding(path, p.line + offset, p.col, p.rule, p.message, p.hint) for p in problems]
