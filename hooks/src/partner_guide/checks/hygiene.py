"""Markdown hygiene, on the rendered page (pure module).

Places where the page renders differently from what the writer meant, or ids that break links.
`hygiene_issues(tree)` reports:

- HYG-LIST      a list directly under a paragraph, without a blank line
                (Python-Markdown renders it as one line with literal "- ")
- HYG-ID        a heading of level 2 or more without an explicit `{#id}`
                (the toc extension makes one up, which links cannot rely on);
                the h1 page title is exempt
- HYG-ID-ASCII  an id that is not ASCII letters, digits, `-` and `_`, or
                starts with a digit
- HYG-ID-DUP    an id used twice on the page
- HYG-ID-TENCENT  Tencent's `## [标题](id:x)` / `[](id:x)` anchor (hint: the
                exact `{#x}` to write instead; noted by the Tencent extension)
"""

from __future__ import annotations

import re

from ..markdown.syntax import ascii_id
from .findings import AT, LINE_START, Issue
from .tree import PageTree

LIST_LINE_RE = re.compile(
    r"(?:\n|<br\s*/?>\n?)"  # a line break inside the paragraph
    r"(?P<item>[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+[^\n<]{0,30})"  # a bullet or number, then content
)
ASCII_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]*$")  # a portable, link-friendly id
GENERATED_ID_RE = re.compile(r"^__tabbed_\d+_\d+$")  # the tabs' radio buttons (pymdownx.tabbed)


def _id_problem(ident: str) -> tuple[str, str] | None:
    """(message, hint) when an id is not one the site accepts."""
    if ASCII_ID_RE.match(ident):
        return None
    if ident[:1].isdigit():
        return f"id {ident!r} starts with a digit", f"start it with a letter: {{#{ascii_id(ident)}}}"
    if ident.isascii():
        return (f"id {ident!r} has characters other than letters, digits, - and _", f"write {{#{ascii_id(ident)}}}")
    return f"id {ident!r} is not ASCII", "use ASCII letters, digits and -, e.g. {#refund-destination}"


def hygiene_issues(tree: PageTree) -> list[Issue]:
    """Hygiene issues of one rendered page, in document order."""
    issues: list[Issue] = []
    notes = tree.notes
    generated = notes.generated_ids | {ident for ident, *_ in notes.tencent_ids}
    for _ident, level, text in notes.heading_texts:
        if level >= 2:
            issues.append(
                Issue(
                    "HYG-ID",
                    "heading without an explicit id",
                    (text[:40],),
                    "end the heading with {#ascii-id}, e.g. ## 合作伙伴返佣流程？ {#rebate-process}",
                    shift=LINE_START,
                )
            )
    for ident, text, message, hint in notes.tencent_ids:
        issues.append(Issue("HYG-ID-TENCENT", message, (f"[{text}](id:{ident})", f"(id:{ident})"), hint, shift=0))
    seen: dict[str, int] = {}
    for node in tree.elements():
        ident = node.attributes.get("id")
        if (
            ident is not None
            and ident not in generated
            and not GENERATED_ID_RE.match(ident)
            and not ident.startswith("__tabbed_")
        ):
            needles = ("#" + ident, f'id="{AT}{ident}"', f"id='{AT}{ident}'")
            if problem := _id_problem(ident):
                issues.append(Issue("HYG-ID-ASCII", problem[0], needles, problem[1]))
            if ident in seen:
                issues.append(
                    Issue(
                        "HYG-ID-DUP",
                        f"id {ident!r} is already used on line {{first}}",
                        needles,
                        "give each id once per page",
                        skip=seen[ident],
                    )
                )
            seen[ident] = seen.get(ident, 0) + 1
        if node.tag == "p" and ("\n" in (node.text(deep=True) or "") or "<br" in (node.html or "")):
            match = LIST_LINE_RE.search(node.html or "")
            if match:
                issues.append(
                    Issue(
                        "HYG-LIST",
                        "list directly under a paragraph renders as one line",
                        (match.group("item").strip(),),
                        "leave a blank line before the list",
                    )
                )
    return issues
