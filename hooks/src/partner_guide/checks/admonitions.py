"""Admonitions in three syntaxes: the ADM-* checks (pure module).

Writers may use any of:

- the Tencent-docs markers `>?` (说明, note) and `>!` (注意, warning), with the
  text on the marker line or on the `>` lines after it; `>>?` one quote
  level deeper; as in the source FAQ, a bare marker followed by a list;
  Tencent's bold labels `>**说明：**`;
- GitHub alerts `> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`,
  `> [!CAUTION]`, which render in the pull-request preview;
- Material's `!!! type` and `??? type` (collapsible).

`partner_guide.markdown.tencent` renders the first two and notes each
marker it reads; the admonition extension renders the third, and the page
extension notes each one in the tree Python-Markdown builds.
`admonition_issues(tree)` reports:

- ADM-TYPE          an unknown or missing type
- ADM-EMPTY         a block without body
- ADM-UNTERMINATED  an unclosed title quote, or a code fence opened in the
                    body and not closed before the block ends
"""

from __future__ import annotations

import re

from ..markdown.syntax import TYPES
from .findings import Issue
from .tree import PageTree, classes

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


HINTS = {
    "ADM-TYPE": "use one of note, tip, warning, caution (or >? / >! / > [!NOTE])",
    "ADM-EMPTY": "put the text on the following lines, indented by 4 spaces (or after >)",
    "ADM-UNTERMINATED": "close the quote or code fence inside the admonition",
}


def admonition_issues(tree: PageTree) -> list[Issue]:
    """Problems of every admonition of the rendered page, in document order."""
    issues: list[Issue] = []

    def add(rule: str, message: str, needles: tuple[str, ...], shift: int) -> None:
        issues.append(Issue(rule, message, needles, HINTS[rule], shift=shift))

    for written, known, empty, _col in tree.notes.quote_markers:
        shift = 2 if written.startswith("[!") else 1
        if not known:
            add("ADM-TYPE", f"unknown alert type {written}", (written,), shift)
        elif empty:
            what = f"{written} alert" if written.startswith("[!") else f"{written} marker"
            add("ADM-EMPTY", f"{what} has no text", (written,), shift)
    for marker, kind, empty, open_fence in tree.notes.admonitions:
        needles = tuple(f"{m} {kind}" for m in (marker, marker + "+", marker + " ")) + (f"{marker}{kind}",)
        if kind.lower() not in TYPES:
            add("ADM-TYPE", f"unknown admonition type {kind!r}", needles, len(marker) + 1)
        elif empty:
            add("ADM-EMPTY", f"{kind} admonition has no indented body", needles, len(marker) + 1)
        elif open_fence:
            add(
                "ADM-UNTERMINATED",
                "a code fence opened in the admonition is not closed inside it",
                needles,
                len(marker) + 1,
            )
    for parent, text in tree.texts():
        if "!!!" not in text and "???" not in text:
            continue
        for line in text.split("\n"):
            match = MATERIAL_RE.match(line)
            if not match or (parent is not None and parent.tag != "p"):
                continue
            rest = match.group("rest")
            head = MATERIAL_HEAD_RE.match(rest)
            marker = match.group("marker")
            if not rest.strip() or (head is None and not re.match(r"^[ \t]*[\w\-]", rest)):
                add("ADM-TYPE", f"{marker} without a type", (line.rstrip() + "\n", line.strip()), len(marker))
            elif (
                head is None
                or (head.group("title") or '"').endswith('"') is False
                or len(head.group("title") or '""') < 2
            ):
                add(
                    "ADM-UNTERMINATED",
                    "title quote is not closed" if head else f"cannot read the admonition header {rest.strip()!r}",
                    (line.strip(),),
                    len(marker) + 1,
                )
    return issues


def unknown_type_boxes(tree: PageTree) -> frozenset[tuple[int, str]]:
    """(element, "class") of each admonition of an unknown type: ADM-TYPE says it, the boundary need not."""
    found = set()
    for node in tree.elements():
        kinds = classes(node)
        kind = (
            kinds[1]
            if node.tag == "div" and "admonition" in kinds[:1] and len(kinds) > 1
            else kinds[0]
            if node.tag == "details" and kinds
            else None
        )
        if kind is not None and kind.lower() not in TYPES:
            found.add((node.mem_id, "class"))
    return frozenset(found)
