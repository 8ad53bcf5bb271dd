"""Markdown hygiene (pure module).

Places where Python-Markdown renders differently from the pull-request preview.
`check_hygiene(text, path, registry)` reports, outside code:

- HYG-LIST      a list directly under a paragraph, without a blank line
                (Python-Markdown renders it as one line with literal "- ")
- HYG-ID        a heading of level 2 or more without an explicit `{#id}`
                (Chinese headings get ids like `_1`, which break links);
                the h1 page title is exempt
- HYG-ID-ASCII  an id that is not ASCII letters, digits, `-` and `_`
- HYG-ID-DUP    an id used twice on the page
"""

from __future__ import annotations

import re

from ..registry import Registry
from .findings import Finding
from .scan import prose_lines

LIST_ITEM_RE = re.compile(
    r"^(?P<indent>[ \t]*)"  # any indentation
    r"(?:[-*+]|\d{1,9}[.)])"  # a bullet or an ordered-list number
    r"[ \t]+\S"  # then whitespace and content
)
ATX_RE = re.compile(r"^ {0,3}(?P<level>#{1,6})(?:[ \t]+|$)")  # `## ` heading opener
SETEXT_RE = re.compile(r"^ {0,3}(?P<under>=+|-+)[ \t]*$")  # the underline of a setext heading
ATTR_LIST_RE = re.compile(r"\{:?[ \t]*+(?P<attrs>[^{}\n]*+)\}")  # `{#id .class}` or `{: #id}` (possessive: linear)
ATTR_ID_RE = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")  # the `#id` inside an attribute list
HTML_ID_RE = re.compile(r"<[A-Za-z][^<>]*?\sid\s*=\s*[\"'](?P<id>[^\"']*)[\"']", re.I)  # id="…" in a tag
ASCII_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]*$")  # a portable, link-friendly id
REF_DEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:")  # a reference definition line


def _block_kind(line: str) -> str:
    stripped = line.lstrip()
    if LIST_ITEM_RE.match(line):
        return "list"
    if stripped.startswith(("<", ">", "|", "!!!", "???", "*[")) or REF_DEF_RE.match(line):
        return "other"
    return "para"


def check_hygiene(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    """Hygiene findings of one Markdown source, in line order."""
    lines = prose_lines(text)
    findings: list[Finding] = []
    ids: dict[str, tuple[int, int]] = {}

    def add(line: int, col: int, rule: str, message: str, hint: str) -> None:
        findings.append(Finding(path, line, col, rule, message, hint))

    def record_id(ident: str, line: int, col: int) -> None:
        if not ASCII_ID_RE.match(ident):
            add(line, col, "HYG-ID-ASCII", f"id {ident!r} is not ASCII",
                "use ASCII letters, digits and -, e.g. {#refund-destination}")
        if ident in ids:
            first = ids[ident][0]
            add(line, col, "HYG-ID-DUP", f"id {ident!r} is already used on line {first}", "give each id once per page")
        else:
            ids[ident] = (line, col)

    def heading(number: int, line: str, level: int) -> None:
        attrs = [m for m in ATTR_LIST_RE.finditer(line) if ATTR_ID_RE.search(m.group("attrs"))]
        if not attrs and level >= 2:
            add(number, 1, "HYG-ID", "heading without an explicit id",
                "end the heading with {#ascii-id}, e.g. ## 合作伙伴返佣流程？ {#rebate-process}")

    block = None
    para_lines = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            block, para_lines = None, 0
            continue
        for match in ATTR_LIST_RE.finditer(line):
            for ident in ATTR_ID_RE.finditer(match.group("attrs")):
                record_id(ident.group("id"), number, match.start("attrs") + ident.start("id"))
        if "id" in line:
            for match in HTML_ID_RE.finditer(line):
                record_id(match.group("id"), number, match.start("id") + 1)
        if atx := ATX_RE.match(line):
            heading(number, line, len(atx.group("level")))
            block, para_lines = None, 0
            continue
        if block == "para" and (setext := SETEXT_RE.match(line)) and para_lines:
            heading(number - 1, lines[number - 2], 1 if setext.group("under")[0] == "=" else 2)
            block, para_lines = None, 0
            continue
        kind = _block_kind(line)
        if block is None:
            block = kind
        elif block == "para" and kind == "list":
            indent = len(LIST_ITEM_RE.match(line).group("indent"))
            add(number, indent + 1, "HYG-LIST", "list directly under a paragraph renders as one line",
                "leave a blank line before the list")
            block = "list"
        para_lines = para_lines + 1 if block == "para" else 0
    return sorted(set(findings))
