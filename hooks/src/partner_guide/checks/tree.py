"""The page as the rules read it: the HTML Python-Markdown built for it, parsed as browsers parse it (pure module).

`PageTree` is what every page rule (links, hygiene, admonitions, diagrams, copy) and the HTML boundary judge: the
page's rendered content (raw HTML included: it joins Python-Markdown's element tree only as placeholders until
the end, so the rules read the tree once the renderer has put it back), with what the renderer knew and the
HTML no longer says (which heading ids the writer gave, Tencent's markers). A rule returns `Issue`s; the
page extension (markdown/page.py) places them at source lines. `PageModel` is what the rules across pages
(anchors, parity) compare: facts of one page, already placed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..registry import Registry

CODE = frozenset({"pre", "code", "script", "style", "template", "kbd", "samp"})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass
class Notes:
    """What the renderer knew about a page that its HTML does not say (filled while Python-Markdown runs)."""

    explicit_ids: list[tuple[str, int, str]] = field(default_factory=list)  # (id, level, text) of {#id} headings
    generated_ids: set[str] = field(default_factory=set)  # ids the toc extension gave the other headings
    heading_texts: list[tuple[str, int, str]] = field(default_factory=list)  # (id, level, text) of generated ones
    tencent_ids: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, text, rule message, hint)
    quote_markers: list[tuple[str, bool, bool, int]] = field(default_factory=list)  # written, known, empty, col
    admonitions: list[tuple[str, str, bool, bool]] = field(default_factory=list)  # !!!/???, type, empty, open fence
    links: list[str] = field(default_factory=list)  # href of each Markdown link, as written, in order
    definitions: dict[str, str] = field(default_factory=dict)  # the page's own reference definitions


@dataclass
class PageTree:
    body: Any  # selectolax LexborNode: the <body> of the rendered content
    path: str  # as findings name it, e.g. docs/hot/rebate.md
    url: str  # the page's path in docs/, e.g. hot/rebate.md (relative links start from it)
    lang: str
    registry: Registry
    notes: Notes
    markdown: str  # the Markdown the page was rendered from
    source: str = ""  # the page's source file, where findings are placed
    body_line: int = 1  # the line of `source` the Markdown starts at
    links_from: str = ""  # where the page's relative links start from, if not `url` (MkDocs: the page's URL)
    _texts: dict[bool, list[tuple[Any, str]]] = field(default_factory=dict, repr=False, compare=False)

    def elements(self) -> Iterator[Any]:
        """Every element, in document order."""
        for node in self.body.traverse():
            if not node.tag.startswith("-"):
                yield node

    def texts(self, *, in_code: bool = False) -> list[tuple[Any, str]]:
        """(parent element, text) of every text node a reader sees as prose, in document order
        (with `in_code`, inline code too). Read once per page: five rules ask."""
        found = self._texts.get(in_code)
        if found is None:
            found = self._texts[in_code] = list(self._read_texts(in_code))
        return found

    def _read_texts(self, in_code: bool) -> Iterator[tuple[Any, str]]:
        skip = CODE - {"code", "kbd", "samp"} if in_code else CODE
        hidden: dict[int, bool] = {}  # by element: whether a reader does not see its text as prose
        for node in self.body.traverse(include_text=True):
            if node.tag != "-text":
                continue
            parent = node.parent
            key = parent.mem_id if parent is not None else 0
            if key not in hidden:
                hidden[key] = any(ancestor.tag in skip for ancestor in ancestors(parent)) or (
                    in_code
                    and parent is not None
                    and parent.tag in ("code", "kbd", "samp")
                    and any(ancestor.tag == "pre" for ancestor in ancestors(parent))
                )
            if not hidden[key]:
                yield parent, node.text_content or ""


def ancestors(node: Any) -> Iterator[Any]:
    while node is not None and node.tag not in ("body", "html"):
        yield node
        node = node.parent


def classes(node: Any) -> list[str]:
    return (node.attributes.get("class") or "").split()


@dataclass
class PageModel:
    """Facts of one rendered page that rules across pages compare, each at its (line, column) in the source."""

    path: str
    ids: set[str] = field(default_factory=set)  # every id and <a name> of the page
    anchor_links: list[tuple[str, int, int]] = field(default_factory=list)  # (url with #, line, col)
    question_ids: dict[str, tuple[int, int]] = field(default_factory=dict)  # explicit heading ids
    link_targets: dict[str, tuple[int, int]] = field(default_factory=dict)  # [name] and URLs
    contacts: dict[str, tuple[int, int]] = field(default_factory=dict)  # registry facts written verbatim
    diagrams: list[tuple[int, Any]] = field(default_factory=list)  # (line, Diagram)
