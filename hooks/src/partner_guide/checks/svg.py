"""Pre-drawn diagram SVGs: an allowlist of what Mermaid's flowcharts draw (pure module).

The drawings in data/diagrams/ are generated (`make diagrams`) and go into
pages as they are (site/diagram_frames.py), after the HTML boundary: a
tampered file would be published verbatim. `check_svg(text, path)` parses a
drawing as XML (refusing any DOCTYPE, entity or processing instruction
first, so nothing is expanded or fetched) and reports each element or
attribute outside what Mermaid draws for a flowchart:

- SVG-TAG     an element other than the drawing's shapes, text and styles
              (script, a, image, use, animate, set, iframe…), or HTML inside
              a label other than Mermaid's div > span > p;
- SVG-ATTR    an event handler, a link (href, xlink:href, src), or any
              attribute not in the list;
- SVG-URL     a url(…) that is not a reference inside the drawing (#id),
              an @import, or javascript: in a style;
- SVG-XML     not well-formed XML, or a DOCTYPE / entity / processing
              instruction.

A drawing with any problem is a finding (`check_drawings`, in make check
and the build), and `is_clean` keeps it out of the page: the diagram then
renders in the browser from its source.
"""

from __future__ import annotations

import functools
import re
import xml.parsers.expat
from collections.abc import Callable
from pathlib import Path

from .findings import Finding

SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"

SVG_TAGS = frozenset(
    {
        "svg",
        "g",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polygon",
        "polyline",
        "text",
        "tspan",
        "defs",
        "marker",
        "style",
        "filter",
        "feDropShadow",
        "feGaussianBlur",
        "feOffset",
        "feFlood",
        "feComposite",
        "feMerge",
        "feMergeNode",
        "foreignObject",
        "title",
        "desc",
        "clipPath",
        "linearGradient",
        "radialGradient",
        "stop",
    }
)
LABEL_TAGS = frozenset({"div", "span", "p", "br", "b", "i", "em", "strong"})  # HTML in a foreignObject label
ATTRIBUTES = frozenset(
    {
        "id",
        "class",
        "style",
        "transform",
        "d",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "dx",
        "dy",
        "width",
        "height",
        "points",
        "viewBox",
        "xmlns",
        "role",
        "aria-roledescription",
        "aria-labelledby",
        "aria-describedby",
        "aria-label",
        "fill",
        "stroke",
        "stroke-width",
        "opacity",
        "marker-end",
        "marker-start",
        "markerHeight",
        "markerWidth",
        "markerUnits",
        "orient",
        "refX",
        "refY",
        "stdDeviation",
        "flood-color",
        "flood-opacity",
        "text-anchor",
        "dominant-baseline",
        "alignment-baseline",
        "font-size",
        "font-family",
        "font-weight",
        "clip-path",
        "filter",
        "offset",
        "stop-color",
        "gradientUnits",
        "preserveAspectRatio",
    }
)
DATA_ATTR_RE = re.compile(r"^data-[a-z][a-z0-9-]{0,30}$")
URL_RE = re.compile(r"url\(\s*['\"]?(?P<target>[^)'\"]*)", re.I)  # url(…) in a style or attribute
FRAGMENT_RE = re.compile(r"^#[A-Za-z0-9_\-:.]{1,200}$")
CSS_BAD_RE = re.compile(r"@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.I)
DECLARATION_RE = re.compile(r"<!(?!--)|<\?", re.I)  # <!DOCTYPE, <!ENTITY, <![CDATA[, <?xml-stylesheet…


HINT = "run `make diagrams` to draw it again"


def _css_problem(value: str) -> str | None:
    if CSS_BAD_RE.search(value):
        return "a style with @import, expression() or javascript:"
    for match in URL_RE.finditer(value):
        if not FRAGMENT_RE.match(match.group("target").strip()):
            return f"url({match.group('target')[:40]}) outside the drawing"
    return None


def check_svg(text: str, path: str) -> list[Finding]:
    problems: list[Finding] = []

    def problem(line: int, col: int, rule: str, message: str) -> None:
        problems.append(Finding(path, line, col, rule, message, HINT))

    if text.startswith("\ufeff"):
        text = text[1:]
    declaration = DECLARATION_RE.search(text)
    if declaration:
        before = text[: declaration.start()]
        problem(
            before.count("\n") + 1,
            declaration.start() - before.rfind("\n"),
            "SVG-XML",
            "a DOCTYPE, entity, CDATA section or processing instruction",
        )
        return problems
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    stack: list[tuple[str, str]] = []  # (namespace, name)
    style_depth = [0]

    def where() -> tuple[int, int]:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        inside_label = any(tag == "foreignObject" for _, tag in stack)
        if inside_label:
            allowed = namespace == XHTML_NS and local in LABEL_TAGS
        else:
            allowed = namespace == SVG_NS and local in SVG_TAGS and (local != "svg" or not stack)
        if not allowed:
            problem(*where(), "SVG-TAG", f"<{local}> is not part of a drawing")
        if local == "style":
            style_depth[0] += 1
        for attr, value in attributes.items():
            attr_ns, _, attr_local = attr.rpartition(" ")
            if attr_ns or not (attr_local in ATTRIBUTES or DATA_ATTR_RE.match(attr_local)):
                kind = "an event handler" if attr_local.lower().startswith("on") else "not allowed"
                problem(*where(), "SVG-ATTR", f"attribute {attr_local}= on <{local}>: {kind}")
                continue
            if inside_label and attr_local not in ("class", "style", "xmlns"):
                problem(*where(), "SVG-ATTR", f"attribute {attr_local}= on a label's <{local}>")
                continue
            css = _css_problem(value)
            if css:
                problem(*where(), "SVG-URL", f"{attr_local}= on <{local}>: {css}")
        stack.append((namespace, local))

    def end(name: str) -> None:
        if stack and stack.pop()[1] == "style":
            style_depth[0] -= 1

    def data(content: str) -> None:
        if style_depth[0]:
            css = _css_problem(content)
            if css:
                problem(*where(), "SVG-URL", f"<style>: {css}")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.buffer_text = True
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as error:
        reason = xml.parsers.expat.errors.messages[error.code]
        problem(error.lineno, error.offset + 1, "SVG-XML", f"not well-formed XML ({reason})")
    return problems


def check_drawings(folder: Path, display: Callable[[Path], str] = Path.as_posix) -> list[Finding]:
    """Every problem of every drawing in `folder`, in path order."""
    return [finding for path in sorted(folder.rglob("*.svg")) for finding in _check_file(path, display(path))]


def is_clean(path: Path) -> bool:
    """True when the drawing may go into a page as it is."""
    try:
        stat = path.stat()
    except OSError:
        return False
    return not _cached(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _cached(path: str, mtime: int, size: int) -> tuple[Finding, ...]:
    return tuple(_check_file(Path(path), path))


def _check_file(path: Path, shown: str) -> list[Finding]:
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [Finding(shown, 1, 1, "SVG-XML", f"cannot be read as UTF-8 ({error})", HINT)]
    return check_svg(text, shown)
