"""Diagram frames with a text alternative and a pre-drawn drawing (pure module; the page audit, checks/ruleset.py).

`frame_diagrams(html, lang, page_path)` wraps each `<pre class="mermaid">` in
`<div class="diagram diagram--lr|--td" role="img" aria-label="…" data-drawing="…">`:

- the label is the text alternative of the drawing: "流程图：" / "Flowchart: "
  (ui.py) and the node labels in the order the diagram defines them, joined
  by →, read by the same parser as the DIA-* checks (checks/diagrams.py).
  The SVG that Mermaid draws sits in a closed shadow root and has no usable
  name.
- a pre-drawn diagram's frame (`diagram--drawn`) holds an empty SVG of the
  drawing's size (`diagram__size`, after the source, put in with the
  drawing by `attach_drawings`, after the HTML boundary: site/allowlist.py
  lets no SVG into a page's content): the frame is as wide
  as the drawing, or the column where that is narrower, with the drawing's
  proportions, and the drawing covers it (extra.css). So the drawing shows
  at its natural size where it fits, and the page does not jump when it
  replaces the source (no layout shift), with no inline style (a strict
  CSP's style-src; html-validate). A diagram without a drawing gets a fixed
  height per direction, and mermaid-loader.js scales the drawing into it.
- `data-drawing` names the diagram: the page's source path without `.md`
  and the diagram's number on the page, e.g. `hot/rebate.en-1`.

`attach_drawings(output, page_path, cache)` puts the drawing of this exact
source (`<page>-<n>.<key>.svg`, the key a hash of the Mermaid version and the
source) into the frame as an inert `<template class="diagram__svg">`, after
the sanitizer (the page audit, checks/ruleset.py `audit`, calls it). The drawing
is the one `make diagrams` committed (data/diagrams/), else the one CI drew
for this build (`guide-diagrams --missing`, into the site's .cache/diagrams/).
mermaid-loader.js hands it to Material instead of running Mermaid: the page
loads and runs no Mermaid code at all. A diagram without a drawing (edited,
not yet drawn) still renders in the browser, from the self-hosted Mermaid,
and the build says so in an INFO line (`undrawn`): a writer's change to a
label needs no local browser. DIAGRAM_PRERENDER=0 leaves the drawings out (for
`guide-diagrams`, which draws them), and so does a drawing that holds more
than a drawing may (SVG-*, checks/svg.py): it goes into the page after the
HTML boundary, so it is checked on its own.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import itertools
import os
import re
from pathlib import Path

from .. import PACKAGE_DIR
from ..checks.diagrams import parse_fence_body
from ..checks.svg import is_clean
from ..mermaid import CONFIG_JSON, MERMAID_VERSION
from ..ui import strings

PRE_RE = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.S)
VIEWBOX_RE = re.compile(r'^<svg[^>]*? viewBox="[-\d.]+ [-\d.]+ (?P<w>[\d.]+) (?P<h>[\d.]+)"')  # the drawing's size
DRAWINGS_DIR = PACKAGE_DIR / "data" / "diagrams"  # committed by `make diagrams`
CACHE_DIR = Path(".cache") / "diagrams"  # under the site's root: drawn by CI for the build, never committed


def diagram_key(source: str) -> str:
    """A hash of Mermaid's version, the site's settings and the exact source: another of any draws differently."""
    return hashlib.sha256(f"mermaid {MERMAID_VERSION} {CONFIG_JSON}\n{source}".encode()).hexdigest()[:12]


def diagram_name(page_path: str, number: int) -> str:
    """`hot/rebate.en.md`, 1 -> `hot/rebate.en-1`: which page, which diagram."""
    return f"{page_path.removesuffix('.md')}-{number}"


def drawing_path(name: str, source: str, folder: Path | None = None) -> Path:
    """Where the drawing of this source is, or goes: in `folder`, by default the committed drawings."""
    return (folder or DRAWINGS_DIR) / f"{name}.{diagram_key(source)}.svg"


def cache_dir(site_root: Path) -> Path:
    """Where CI (`guide-diagrams --missing`) draws what the committed drawings lack: outside docs/ and the package."""
    return site_root / CACHE_DIR


def drawing(name: str, source: str, cache: Path | None = None) -> str | None:
    """The drawing of this exact source, committed or in the build's cache, unless it holds more than a
    drawing may (checks/svg.py reports it)."""
    if os.environ.get("DIAGRAM_PRERENDER") == "0":
        return None
    for folder in (DRAWINGS_DIR, *([cache] if cache else [])):
        path = drawing_path(name, source, folder)
        if path.is_file() and is_clean(path):
            return path.read_text(encoding="utf-8")
    return None


def undrawn(html: str, page_path: str, cache: Path | None = None) -> list[str]:
    """The names of the page's diagrams that have no drawing of their current source (they render live)."""
    if os.environ.get("DIAGRAM_PRERENDER") == "0":
        return []
    sources = (htmllib.unescape(match.group("source")) for match in PRE_RE.finditer(html))
    return [
        name
        for number, source in enumerate(sources, 1)
        if drawing(name := diagram_name(page_path, number), source, cache) is None
    ]


def alt_text(source: str, lang: str) -> str:
    labels = parse_fence_body(source).labels
    return strings(lang)["diagram_prefix"] + " → ".join(labels.values())


def frame_diagrams(html: str, lang: str, page_path: str, cache: Path | None = None) -> str:
    count = itertools.count(1)

    def frame(match: re.Match[str]) -> str:
        source = htmllib.unescape(match.group("source"))
        diagram = parse_fence_body(source)
        kind = "lr" if diagram.direction in ("LR", "RL") else "td"
        label = htmllib.escape(alt_text(source, lang), quote=True)
        name = diagram_name(page_path, next(count))
        if VIEWBOX_RE.search(drawing(name, source, cache) or ""):
            kind = "drawn"
        return (
            f'<div class="diagram diagram--{kind}" role="img" aria-label="{label}" '
            f'data-drawing="{htmllib.escape(name, quote=True)}">{match.group(0)}</div>'
        )

    return PRE_RE.sub(frame, html)


def size_svg(svg: str) -> str:
    """An empty SVG of the drawing's size and proportions, which gives a drawn frame its size."""
    box = VIEWBOX_RE.search(svg)
    if not box:
        return ""
    w, h = box.group("w", "h")
    return (
        f'<svg class="diagram__size" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'aria-hidden="true" focusable="false"></svg>'
    )


def attach_drawings(output: str, page_path: str, cache: Path | None = None) -> str:
    """Put each pre-drawn SVG right after its source, as an inert template, and the frame's size SVG."""
    count = itertools.count(1)

    def attach(match: re.Match[str]) -> str:
        svg = drawing(diagram_name(page_path, next(count)), htmllib.unescape(match.group("source")), cache)
        return match.group(0) + (f'<template class="diagram__svg">{svg}</template>{size_svg(svg)}' if svg else "")

    return PRE_RE.sub(attach, output)
