"""Every Mermaid diagram on every page renders to an SVG, without a Mermaid error.

Material replaces each `pre.mermaid` with a `div.mermaid` host and renders the
SVG into a *closed* shadow root. The test forces shadow roots open (an init
script patching `attachShadow` before any page script runs) so it can read the
SVG: it must contain every node and edge label of the diagram's source and no
Mermaid error graphic. The page must log no console error and throw nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support import RequestLog, html_pages, new_context, page_url

pytestmark = pytest.mark.browser

OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, { mode: "open" }));
  };
})();
"""
# Labels in the flowchart source: A["node"], B{"decision"}, A -->|edge| B.
LABEL = re.compile(r'\["([^"]+)"\]|\{"([^"]+)"\}|\|([^|]+)\|')
RENDERED = """
() => {
  const hosts = [...document.querySelectorAll("div.mermaid")];
  return document.querySelectorAll("pre.mermaid").length === 0 && hosts.length > 0
    && hosts.every(h => h.shadowRoot && h.shadowRoot.querySelector("svg"));
}
"""
READ_SVGS = """
() => [...document.querySelectorAll("div.mermaid")].map(host => {
  const svg = host.shadowRoot.querySelector("svg").cloneNode(true);
  svg.querySelectorAll("style").forEach(s => s.remove());
  const box = host.getBoundingClientRect();
  return {
    text: svg.textContent,
    errors: svg.querySelectorAll(".error-icon, .error-text").length,
    width: box.width,
    height: box.height,
  };
})
"""


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def diagrams_on_disk(site_dir: Path) -> dict[Path, list[str]]:
    found = {}
    for html in html_pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        sources = [pre.get_text() for pre in soup.select("pre.mermaid, div.mermaid")]
        if sources:
            found[html] = sources
    return found


def test_every_diagram_renders_to_an_svg_with_its_labels(browser, site_dir, site_url):
    diagrams = diagrams_on_disk(site_dir)
    assert len(diagrams) >= 4, "the journey, agreement, rebate and refund diagrams are missing"
    failures = []
    context = new_context(browser, site_url, viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    try:
        for html, sources in diagrams.items():
            page = context.new_page()
            log = RequestLog.attach(page, site_url)
            url = page_url(site_url, site_dir, html)
            page.goto(url, wait_until="load")
            try:
                page.wait_for_function(RENDERED, timeout=20_000)
            except Exception as error:  # noqa: BLE001 - report every page, then fail
                failures.append(f"{url}: diagrams did not render ({error.__class__.__name__}); "
                                f"page errors {log.page_errors}, console {log.console_errors}")
                page.close()
                continue
            svgs = page.evaluate(READ_SVGS)
            if len(svgs) != len(sources):
                failures.append(f"{url}: {len(sources)} diagrams in the HTML, {len(svgs)} rendered")
            for source, svg in zip(sources, svgs):
                text = squash(svg["text"])
                labels = [next(g for g in m.groups() if g) for m in LABEL.finditer(source)]
                assert labels, f"{url}: no labels parsed from {source!r}"
                missing = [label for label in labels if squash(label) not in text]
                if missing:
                    failures.append(f"{url}: labels missing from the SVG: {missing}")
                if svg["errors"] or "Syntax error" in svg["text"]:
                    failures.append(f"{url}: Mermaid drew its error graphic: {svg['text'][:200]!r}")
                if not (svg["width"] > 50 and svg["height"] > 50):
                    failures.append(f"{url}: diagram box is {svg['width']}x{svg['height']}")
            # HTTP errors show in the console as "Failed to load resource"; the
            # requests test reports those. Here: errors from scripts (Mermaid).
            script_errors = [e for e in log.console_errors if "Failed to load resource" not in e]
            if script_errors or log.page_errors:
                failures.append(f"{url}: console errors {script_errors}, page errors {log.page_errors}")
            page.close()
    finally:
        context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.browser
def test_diagram_pages_show_the_drawing_without_loading_mermaid(browser, site_dir, site_url):
    context = browser.new_context(viewport={"width": 412, "height": 823})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    try:
        for path in ("", "hot/refund/", "en/hot/rebate/"):
            page = context.new_page()
            log = RequestLog.attach(page, site_url)
            page.goto(site_url + path, wait_until="load")
            page.wait_for_function("() => document.querySelectorAll('pre.mermaid').length === 0"
                                   " && [...document.querySelectorAll('div.mermaid')].every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))")
            assert not [u for u in log.requests if "/vendor/mermaid/" in u], f"/{path} loaded Mermaid"
            assert not log.page_errors and not log.console_errors, (log.page_errors, log.console_errors)
            # The drawing fills its frame, which has the drawing's size (or the column's width).
            frame = page.locator(".diagram").first.bounding_box()
            box = page.locator("div.mermaid").first.bounding_box()
            assert box and box["width"] > 150 and box["height"] > 150
            assert abs(box["width"] - frame["width"]) <= 1 and abs(box["height"] - frame["height"]) <= 1
            page.close()
    finally:
        context.close()
