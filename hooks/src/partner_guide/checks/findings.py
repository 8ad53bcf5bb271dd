"""Findings: the one type every check returns, and the one way to report them.

Pure module, no MkDocs event. A check is a function
`check_x(text, path, registry) -> list[Finding]`; the hook adapters and
`make check` print findings with `format_finding`, one line each:

    docs/hot/rebate.md:12:5: LINK-HOST unknown host evil.example (hint: …)
"""

from __future__ import annotations

import bisect
import html as htmllib
import os
import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the repository root, with "/" separators
    line: int  # 1-based, in the source file, front matter counted
    col: int  # 1-based
    rule: str  # e.g. "LINK-HOST"
    message: str
    hint: str = ""


def format_finding(finding: Finding) -> str:
    hint = f" (hint: {finding.hint})" if finding.hint else ""
    return f"{finding.path}:{finding.line}:{finding.col}: {finding.rule} {finding.message}{hint}"


def github_annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command that annotates the line in the diff."""

    def escape(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def escape_prop(value: str) -> str:
        return escape(value).replace(":", "%3A").replace(",", "%2C")

    text = f"{finding.rule} {finding.message}" + (f" (hint: {finding.hint})" if finding.hint else "")
    return (
        f"::error file={escape_prop(finding.path)},line={finding.line},col={finding.col},"
        f"title={escape_prop(finding.rule)}::{escape(text)}"
    )


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


LINE_START = -(10**6)
NEWLINE_RE = re.compile("\n")
CHARREF_RE = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});?")  # in lower-cased text
AT = "\x00"  # in a needle: the finding's column is here


@dataclass(frozen=True)
class Issue:
    """A finding before it has a place: what a rule saw on the rendered page, and how it may be written in the
    source (`needles`, most specific first; `shift` is added to the column where the first one is found)."""

    rule: str
    message: str
    needles: tuple[str, ...] = ()
    hint: str = ""
    shift: int = 0  # LINE_START: the finding is at column 1 of the line found
    at: tuple[int, int] | None = None  # (line, col) when the rule knows it (diagrams count their fence's lines)
    skip: int = 0  # earlier occurrences of the first needle to pass over (an id given twice: the second)


class Locator:
    """Traces an issue back to the nearest source line: Python-Markdown keeps no positions.

    The first of an issue's needles (its value, its name, the tag…) found in
    the source at or after the previous issue's position gives the line and
    column; nothing found: the first line of the page's body.
    """

    def __init__(self, text: str, body_line: int = 1):
        self.text = text
        self.lower = text.lower()
        self.starts = [0] + [match.end() for match in NEWLINE_RE.finditer(text)]
        self.body = self.starts[min(body_line, len(self.starts)) - 1]
        self.cursor = self.body
        self.origin: list[int] | None
        # The source with its character references decoded (`&#106;` is `j`), and where each character was.
        self.decoded, self.origin = "", None
        if "&" in text:
            self.decoded, self.origin = _decoded(self.lower)

    def find(self, needles: tuple[str, ...]) -> tuple[int, int]:
        """Where the first of `needles` is written at or after the previous issue: as written, else with the
        source's character references decoded, else in any case; else anywhere in the page's body."""
        passes = [
            (self.text, None, False),
            (self.decoded, self.origin, False),
            (self.lower, None, False),
            (self.lower, None, True),
            (self.decoded, self.origin, True),
        ]
        for text, origin, anywhere in passes:
            if origin is None and text is self.decoded:
                continue
            for needle in needles:
                mark = max(needle.find(AT), 0)  # a needle may say where in it the finding is: "(\x00url)"
                needle = needle.replace(AT, "")
                exact = text is self.text
                for variant in dict.fromkeys((needle, htmllib.escape(needle, quote=False))):
                    variant = variant if exact else variant.lower()
                    found = self._search(text, variant, origin, anywhere) if variant.strip() else -1
                    if found >= 0:
                        at = found + (mark if variant.lower() == needle.lower() else 0)
                        self.cursor = found if origin is None else origin[found]
                        return self._position(at if origin is None else origin[min(at, len(origin) - 1)])
        return self._position(self.body)

    def _search(self, text: str, variant: str, origin: list[int] | None, anywhere: bool) -> int:
        start = self.body if anywhere else self.cursor
        return text.find(variant, start if origin is None else bisect.bisect_left(origin, start))

    def _position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def place(self, issue: Issue, path: str) -> Finding:
        if issue.at is not None:
            return Finding(path, *issue.at, issue.rule, issue.message, issue.hint)
        if issue.skip and issue.needles:  # the n-th place where any of the needles is written
            offsets: list[int] = []
            for needle in issue.needles:
                mark = max(needle.find(AT), 0)
                variant = needle.replace(AT, "").lower()
                found = self.lower.find(variant, self.body)
                while found >= 0:
                    offsets.append(found + mark)
                    found = self.lower.find(variant, found + 1)
            if len(offsets) > issue.skip:
                offsets.sort()
                message = issue.message.replace("{first}", str(self._position(offsets[0])[0]))
                return Finding(path, *self._position(offsets[issue.skip]), issue.rule, message, issue.hint)
        line, col = self.find(issue.needles)
        found = any(n.strip() for n in issue.needles) and (line, col) != self._position(self.body)
        return Finding(path, line, max(1, col + (issue.shift if found else 0)), issue.rule, issue.message, issue.hint)


def _decoded(text: str) -> tuple[str, list[int]]:
    """`text` with its character references decoded, and the offset in `text` of each decoded character."""
    out: list[str] = []
    origin: list[int] = []
    position = 0
    for match in CHARREF_RE.finditer(text):
        out.append(text[position : match.start()])
        origin.extend(range(position, match.start()))
        value = htmllib.unescape(match.group(0))
        out.append(value)
        origin.extend([match.start()] * len(value))
        position = match.end()
    out.append(text[position:])
    origin.extend(range(position, len(text)))
    return "".join(out), origin


def located(issues: list[Issue], text: str, path: str, body_line: int = 1) -> list[Finding]:
    """Each issue at its place in the page's source `text` (one locator: the issues in document order)."""
    locator = Locator(text, body_line)
    return [locator.place(issue, path) for issue in issues]
