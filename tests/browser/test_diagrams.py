"""Every Mermaid diagram on every page is drawn as an SVG with its labels, without Mermaid or an error.

Material replaces each `pre.mermaid` with a `div.mermaid` host and renders the
SVG into a *closed* shadow root; the pages' one visit per viewport
(tests/visits.py) keeps a reference to each root and reads the SVG: it must
contain every node and edge label of the diagram's source and no Mermaid
error graphic. The page must log no console error and throw nothing; the
pre-drawn drawing is used, so Mermaid itself is never loaded, and it fills
its frame.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support import html_pages
from tests.visits import Sweep, squash

pytestmark = pytest.mark.browser

# Labels in the flowchart source: A["node"], B{"decision"}, A -->|edge| B.
LABEL = re.compile(r'\["([^"]+)"\]|\{"([^"]+)"\}|\|([^|]+)\|')


def diagrams_on_disk(site_dir: Path) -> dict[Path, list[str]]:
    found = {}
    for html in html_pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        sources = [pre.get_text() for pre in soup.select("pre.mermaid, div.mermaid")]
        if sources:
            found[html] = sources
    return found


def test_every_diagram_renders_to_an_svg_with_its_labels(visits: Sweep, site_dir):
    diagrams = {
        visits.url + html.relative_to(site_dir).as_posix().removesuffix("index.html"): sources
        for html, sources in diagrams_on_disk(site_dir).items()
    }
    assert len(diagrams) >= 4, "the journey, agreement, rebate and refund diagrams are missing"
    assert {visit.url for visit in visits.diagram_pages()} == set(diagrams)
    failures = []
    for visit in visits.diagram_pages():
        url, sources = visit.url, diagrams[visit.url]
        if visit.render_error:
            failures.append(
                f"{url}: {visit.render_error}; page errors {visit.page_errors}, console {visit.console_errors}"
            )
            continue
        if len(visit.drawn) != len(sources):
            failures.append(f"{url}: {len(sources)} diagrams in the HTML, {len(visit.drawn)} rendered")
        hosts = [frame["host"] for frame in visit.layout[visits.widths[0]]["frames"]]
        for source, svg, host in zip(sources, visit.drawn, hosts, strict=False):  # counts: checked above
            text = squash(svg["text"])
            labels = [next(g for g in m.groups() if g) for m in LABEL.finditer(source)]
            assert labels, f"{url}: no labels parsed from {source!r}"
            missing = [label for label in labels if squash(label) not in text]
            if missing:
                failures.append(f"{url}: labels missing from the SVG: {missing}")
            if svg["errors"] or "Syntax error" in svg["text"]:
                failures.append(f"{url}: Mermaid drew its error graphic: {svg['text'][:200]!r}")
            if not (host and host[2] > 50 and host[3] > 50):
                failures.append(f"{url}: diagram box is {host}")
        # HTTP errors show in the console as "Failed to load resource"; test_requests.py
        # reports those. Here: errors from scripts (Mermaid).
        script_errors = [e for e in visit.console_errors if "Failed to load resource" not in e]
        if script_errors or visit.page_errors:
            failures.append(f"{url}: console errors {script_errors}, page errors {visit.page_errors}")
    assert not failures, "\n".join(failures)


def test_diagram_pages_show_the_drawing_without_loading_mermaid(visits: Sweep):
    width = visits.widths[0]
    for visit in visits.diagram_pages():
        assert not [u for u in visit.requests if "/vendor/mermaid/" in u], f"{visit.url} loaded Mermaid"
        assert not visit.page_errors and not visit.console_errors, (visit.page_errors, visit.console_errors)
        # Each drawing fills its frame, which has the drawing's size (or the column's width).
        frames = visit.layout[width]["frames"]
        assert frames, visit.url
        for frame in frames:
            box, host = frame["frame"], frame["host"]
            assert host and abs(host[2] - box[2]) <= 1 and abs(host[3] - box[3]) <= 1, (visit.url, frame)
        if visit.path in ("", "hot/refund/", "en/hot/rebate/"):  # a flowchart drawn top-down first
            assert frames[0]["host"][2] > 150 and frames[0]["host"][3] > 150, (visit.url, frames[0])
