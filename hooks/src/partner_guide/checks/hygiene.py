"""Markdown hygiene (pure module).

Places where Python-Markdown renders differently from the pull-request preview.
`check_hygiene(text, path, registry)` reports, outside code:

- HYG-LIST      a list directly under a paragraph, without a blank line
                (Python-Markdown renders it as one line with literal "- ")
- HYG-ID        a heading of level 2 or more without an explicit `{#id}`
                (Chinese headings get ids like `_1`, which break links);
                the h1 page title is exempt
- HYG-ID-ASCII  an id that is not ASCII letters, digits, `-` and `_`, or
                starts with a digit
- HYG-ID-DUP    an id used twice on the page
- HYG-ID-TENCENT  Tencent's `## [标题](id:x)` / `[](id:x)` anchor (hint: the
                exact `{#x}` to write instead)
- HYG-NESTING   quotes, lists or admonitions nested deeper than the checks
                read (scan.py's MAX_DEPTH): split the content

Headings are the ones the build renders, also inside quotes, admonitions,
list items and tabs (`scan.py`).
"""

from __future__ import annotations

import re

from ..registry import Registry
from ..markdown.syntax import BARE_ID_LINE_RE, HEADING_ID_LINK_RE, ID_LINK_RE, ascii_id
from .findings import Finding
from .scan import MAX_DEPTH, prose_lines, scan

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


def _id_problem(ident: str) -> tuple[str, str] | None:
    """(message, hint) when an id is not one the site accepts."""
    if ASCII_ID_RE.match(ident):
        return None
    if ident[:1].isdigit():
        return f"id {ident!r} starts with a digit", f"start it with a letter: {{#{ascii_id(ident)}}}"
    if ident.isascii():
        return (f"id {ident!r} has characters other than letters, digits, - and _",
                f"write {{#{ascii_id(ident)}}}")
    return f"id {ident!r} is not ASCII", "use ASCII letters, digits and -, e.g. {#refund-destination}"


def _tencent_anchors(text: str, path: str) -> list[Finding]:
    """HYG-ID-TENCENT: each `(id:x)` anchor, with what to write instead."""
    result = scan(text)
    lines = list(result.prose)
    headings = {heading.line: heading for heading in result.headings}
    findings = []
    for index, line in enumerate(lines):
        if "(id:" not in line:
            continue
        for match in ID_LINK_RE.finditer(line):
            ident = match.group("id")
            fixed = ascii_id(ident)
            links = f" (and change links to #{ident} into #{fixed})" if fixed != ident else ""
            heading = headings.get(index)
            stripped = heading and HEADING_ID_LINK_RE.match(line[line.find("#", 0):].rstrip())
            if heading is not None and stripped:
                title = match.group("text").strip() or fixed
                hint = f"write {stripped.group('hashes')} {title} {{#{fixed}}}{links}"
                message = f"Tencent heading anchor (id:{ident})"
            elif BARE_ID_LINE_RE.match(line.lstrip(" >")):
                following = next((h for h in result.headings if h.line > index), None)
                between = following is not None and all(not lines[i].strip(" >") for i in range(index + 1, following.line))
                hint = (f"delete this line and end the heading on line {following.line + 1} with {{#{fixed}}}{links}"
                        if between else f'write <a id="{fixed}"></a>{links}')
                message = f"Tencent anchor [](id:{ident})"
            else:
                hint = f'write <a id="{fixed}"></a>{match.group("text")}{links}'
                message = f"Tencent anchor (id:{ident})"
            findings.append(Finding(path, index + 1, match.start() + 1, "HYG-ID-TENCENT", message, hint))
    return findings


def check_hygiene(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    """Hygiene findings of one Markdown source, in line order."""
    lines = prose_lines(text)
    result = scan(text)
    findings: list[Finding] = []
    ids: dict[str, tuple[int, int]] = {}

    def add(line: int, col: int, rule: str, message: str, hint: str) -> None:
        findings.append(Finding(path, line, col, rule, message, hint))

    def record_id(ident: str, line: int, col: int) -> None:
        if problem := _id_problem(ident):
            add(line, col, "HYG-ID-ASCII", *problem)
        if ident in ids:
            first = ids[ident][0]
            add(line, col, "HYG-ID-DUP", f"id {ident!r} is already used on line {first}", "give each id once per page")
        else:
            ids[ident] = (line, col)

    for heading in result.headings:
        has_id = any(ATTR_ID_RE.search(m.group("attrs")) for m in ATTR_LIST_RE.finditer(heading.text))
        if heading.level >= 2 and not has_id and "(id:" not in heading.text:
            add(heading.line + 1, 1, "HYG-ID", "heading without an explicit id",
                "end the heading with {#ascii-id}, e.g. ## 合作伙伴返佣流程？ {#rebate-process}")
    for line in result.too_deep:
        add(line + 1, 1, "HYG-NESTING", f"quotes, lists or admonitions nested deeper than {MAX_DEPTH} levels",
            "split the content: the checks read what is deeper as plain text")
    findings.extend(_tencent_anchors(text, path))

    block = None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            block = None
            continue
        if "{" in line:
            for match in ATTR_LIST_RE.finditer(line):
                for ident in ATTR_ID_RE.finditer(match.group("attrs")):
                    record_id(ident.group("id"), number, match.start("attrs") + ident.start("id"))
        if "id" in line:
            for match in HTML_ID_RE.finditer(line):
                record_id(match.group("id"), number, match.start("id") + 1)
        if ATX_RE.match(line) or SETEXT_RE.match(line):
            block = None
            continue
        kind = _block_kind(line)
        if block is None:
            block = kind
        elif block == "para" and kind == "list":
            indent = len(LIST_ITEM_RE.match(line).group("indent"))
            add(number, indent + 1, "HYG-LIST", "list directly under a paragraph renders as one line",
                "leave a blank line before the list")
            block = "list"
    return sorted(set(findings))
