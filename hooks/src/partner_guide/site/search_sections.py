"""A page's rendered content as search sections (pure module; hooks/search.py).

`page_sections(html, page_title)` splits the HTML of a page's content (what
Markdown and the content hooks made of it) into the page's own section (its
h1 and the text before the first question) and one section per heading with
an id (the questions), each with its plain text.

- A diagram counts by its text alternative: an element with `role="img"` and
  an `aria-label` (the frame site/diagram_frames.py puts around each Mermaid
  diagram) contributes its label and none of its children, so no Mermaid
  source reaches the index or a result's snippet.
- Permalink anchors (`.headerlink`), scripts, styles, templates and SVG are
  left out, and so is any element marked `data-search-exclude`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED = frozenset({"script", "style", "template", "svg", "noscript"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
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


class _Sections(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = [Section("", "")]
        self.bodies: list[list[str]] = [[]]
        self.heading: list[str] | None = None  # the text of the heading being read
        self.open: list[tuple[str, bool]] = []  # (tag, whether its content is skipped)

    def _skipping(self) -> bool:
        return bool(self.open) and self.open[-1][1]

    def _emit(self, text: str) -> None:
        (self.heading if self.heading is not None else self.bodies[-1]).append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        skip = (
            self._skipping()
            or tag in SKIPPED
            or "data-search-exclude" in attributes
            or "headerlink" in (attributes.get("class") or "").split()
        )
        if not skip and attributes.get("role") == "img" and attributes.get("aria-label"):
            self._emit(f" {attributes['aria-label']} ")
            skip = True
        if not skip and tag in HEADINGS:
            if tag == "h1" and len(self.sections) == 1 and not self.sections[0].title:
                self.heading = []
            elif attributes.get("id"):
                self.sections.append(Section(attributes["id"] or "", ""))
                self.bodies.append([])
                self.heading = []
        if tag in BLOCKS and not skip:
            self._emit(" ")
        if tag not in VOID:
            self.open.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not any(name == tag for name, _ in self.open):
            return
        while self.open and self.open.pop()[0] != tag:
            pass
        if tag in HEADINGS and self.heading is not None and not self._skipping():
            self.sections[-1].title = _clean("".join(self.heading))
            self.heading = None
        if tag in BLOCKS and not self._skipping():
            self._emit(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self._emit(data)


def _clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def page_sections(html: str, page_title: str = "") -> list[Section]:
    """The page's own section first (titled `page_title` when it has no h1), then one per question."""
    parser = _Sections()
    parser.feed(html)
    parser.close()
    for section, body in zip(parser.sections, parser.bodies, strict=False):
        section.text = _clean("".join(body))
    if not parser.sections[0].title:
        parser.sections[0].title = page_title
    return parser.sections
