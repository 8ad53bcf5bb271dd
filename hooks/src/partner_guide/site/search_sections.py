"""A page's rendered content as search sections (pure module; the site step, site/search_index.py).

`page_sections(html, page_title)` splits the HTML of a page's content (a
built page's `<article>`: what Markdown made of it, in the theme's frame)
into the page's own section (its h1 and the text before the first question)
and one section per heading with an id (the questions), each with its plain
text.

- A diagram counts by its text alternative: an element with `role="img"` and
  an `aria-label` (the frame site/diagram_frames.py puts around each Mermaid
  diagram) contributes its label and none of its children, so no Mermaid
  source reaches the index or a result's snippet.
- Permalink anchors (`.headerlink`), scripts, styles, templates and SVG are
  left out, and so is any element marked `data-search-exclude`.

The HTML is parsed as browsers do (selectolax's lexbor, as site/csp.py): the
site step reads every built page's article (site/search_index.py
`built_sections`), and this is about four times as fast as the standard
library's HTMLParser, which it replaced with the same sections on the
guide's pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED = frozenset({"script", "style", "template", "svg", "noscript"})
# Elements whose text is separated from the next one's (a space in the index).
BLOCKS = (
    frozenset(
        {
            "p",
            "li",
            "ul",
            "ol",
            "div",
            "table",
            "tr",
            "td",
            "th",
            "pre",
            "blockquote",
            "details",
            "summary",
            "dd",
            "dt",
            "dl",
            "br",
            "hr",
            "figure",
            "figcaption",
            "section",
            "aside",
        }
    )
    | HEADINGS
)
SPACES = re.compile(r"\s+")


@dataclass
class Section:
    anchor: str  # the heading's id; "" for the page's own section
    title: str
    text: str = ""


class _Sections:
    """Reads a parsed fragment in document order: each element's subtree between its start and its end."""

    def __init__(self) -> None:
        self.sections = [Section("", "")]
        self.bodies: list[list[str]] = [[]]
        self.heading: list[str] | None = None  # the text of the heading being read

    def _emit(self, text: str) -> None:
        (self.heading if self.heading is not None else self.bodies[-1]).append(text)

    def _start(self, tag: str, attributes: dict[str, str | None]) -> bool:
        """Whether the element's content is read (False: it and its subtree are left out)."""
        if (
            tag in SKIPPED
            or "data-search-exclude" in attributes
            or "headerlink" in (attributes.get("class") or "").split()
        ):
            return False
        if attributes.get("role") == "img" and attributes.get("aria-label"):
            self._emit(f" {attributes['aria-label']} ")
            return False
        if tag in HEADINGS:
            if tag == "h1" and len(self.sections) == 1 and not self.sections[0].title:
                self.heading = []
            elif attributes.get("id"):
                self.sections.append(Section(attributes["id"] or "", ""))
                self.bodies.append([])
                self.heading = []
        if tag in BLOCKS:
            self._emit(" ")
        return True

    def _end(self, tag: str) -> None:
        if tag in HEADINGS and self.heading is not None:
            self.sections[-1].title = _clean("".join(self.heading))
            self.heading = None
        if tag in BLOCKS:
            self._emit(" ")

    def read(self, first: LexborNode | None) -> None:
        # A stack, not recursion: however deep the page's elements nest, Python's recursion limit is not hit.
        todo: list[LexborNode | str] = [first] if first is not None else []
        while todo:
            item = todo.pop()
            if isinstance(item, str):  # the end of an element read
                self._end(item)
                continue
            if item.next is not None:
                todo.append(item.next)
            if item.is_text_node:
                self._emit(item.text_content or "")
            elif item.is_element_node and self._start(item.tag or "", item.attributes):
                todo.append(item.tag or "")
                if item.child is not None:
                    todo.append(item.child)


def _clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def page_sections(html: str, page_title: str = "") -> list[Section]:
    """The page's own section first (titled `page_title` when it has no h1), then one per question."""
    parser = _Sections()
    root = LexborHTMLParser(html).body
    parser.read(root.child if root is not None else None)
    for section, text in zip(parser.sections, parser.bodies, strict=False):
        section.text = _clean("".join(text))
    if not parser.sections[0].title:
        parser.sections[0].title = page_title
    return parser.sections
