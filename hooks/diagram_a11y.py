"""Diagram frames with a text alternative and a pre-rendered drawing (events: `on_page_content`, `on_post_page`).

`frame_diagrams(html, lang)` wraps each `<pre class="mermaid">` in
`<div class="diagram diagram--lr|--td" role="img" aria-label="…">`:

- the label is the text alternative of the drawing: "流程图：" / "Flowchart: "
  and the node labels in the order the diagram defines them, joined by →. The
  SVG that Mermaid draws sits in a closed shadow root and has no usable name.
- the frame has the drawing's proportions when it is pre-drawn (below), else
  a fixed height per direction (extra.css), and the drawing is scaled into it (overrides/assets/javascripts/mermaid-loader.js), so the page
  does not jump when the diagram replaces its source (no layout shift).
- the drawing itself, when `make diagrams` has rendered this exact source
  (hooks/diagram_svg/<key>.svg, `diagram_key`), goes into the frame as an
  inert `<template class="diagram__svg">`, in `on_post_page` (after search
  indexing). mermaid-loader.js hands it to
  Material instead of running Mermaid: the page loads and runs no Mermaid code
  at all (on a throttled phone, Mermaid's rendering alone is ~0.3 s of
  blocked main thread). A diagram without a drawing (edited, not yet
  rendered) still renders in the browser as before; the tests report it.
  DIAGRAM_PRERENDER=0 leaves the drawings out (scripts/render_diagrams.py).
"""

from __future__ import annotations

import hashlib
import html as htmllib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

PRE_RE = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.S)
DIRECTION_RE = re.compile(r"^\s*(?:flowchart|graph)\s+(?P<dir>TB|TD|BT|LR|RL)\b", re.M)
# A node's label: id["label"], id{"label"}, id("label") (quoted labels may
# hold brackets) and the unquoted forms id[label], id{label}, id(label).
NODE_RE = re.compile(
    r'\b(?P<id>[A-Za-z_][\w-]*)\s*[\[\({>]+'  # the node id and its opening shape
    r'(?:"(?P<quoted>[^"]*)"|(?P<plain>[^"\]\)}]+))'  # a quoted or a plain label
)
PREFIX = {"zh": "流程图：", "en": "Flowchart: "}
VIEWBOX_RE = re.compile(r'^<svg[^>]*? viewBox="[-\d.]+ [-\d.]+ (?P<w>[\d.]+) (?P<h>[\d.]+)"')  # the drawing's size
MERMAID_VERSION = "11.17.2"  # part of the key: another Mermaid draws differently
SVG_DIR = Path(__file__).resolve().parent / "diagram_svg"


def diagram_key(source: str) -> str:
    """The file name of a source's drawing: Mermaid's version and the exact text."""
    return hashlib.sha256(f"mermaid {MERMAID_VERSION}\n{source}".encode()).hexdigest()[:24]


def drawing(source: str) -> str | None:
    if os.environ.get("DIAGRAM_PRERENDER") == "0":
        return None
    path = SVG_DIR / f"{diagram_key(source)}.svg"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def alt_text(source: str, lang: str) -> str:
    labels: dict[str, str] = {}
    for match in NODE_RE.finditer(source):
        label = match.group("quoted") if match.group("quoted") is not None else match.group("plain")
        labels.setdefault(match.group("id"), label.strip())
    return PREFIX.get(lang, PREFIX["en"]) + " → ".join(labels.values())


def frame_diagrams(html: str, lang: str) -> str:
    def frame(match: re.Match) -> str:
        source = htmllib.unescape(match.group("source"))
        direction = DIRECTION_RE.search(source)
        kind = "lr" if direction and direction.group("dir") in ("LR", "RL") else "td"
        label = htmllib.escape(alt_text(source, lang), quote=True)
        # With the drawing known, the frame takes its exact proportions.
        box = VIEWBOX_RE.search(drawing(source) or "")
        style = f' style="aspect-ratio: {box.group("w")} / {box.group("h")}"' if box else ""
        return f'<div class="diagram diagram--{kind}" role="img" aria-label="{label}"{style}>{match.group(0)}</div>'

    return PRE_RE.sub(frame, html)


def attach_drawings(output: str) -> str:
    """Put each pre-drawn SVG right after its source, as an inert template."""

    def attach(match: re.Match) -> str:
        svg = drawing(htmllib.unescape(match.group("source")))
        return match.group(0) + (f'<template class="diagram__svg">{svg}</template>' if svg else "")

    return PRE_RE.sub(attach, output)


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    lang = str((config.theme.get("language") if config.theme else None) or "zh")[:2]
    return frame_diagrams(html, lang)


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    # After Material's search indexing (on_page_context): the drawing's labels
    # and styles stay out of the search index and the FAQ JSON-LD.
    return attach_drawings(output)
