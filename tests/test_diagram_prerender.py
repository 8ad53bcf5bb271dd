"""Pre-drawn diagrams (issue 5, performance): every diagram in docs/ has its
drawing in hooks/diagram_svg/ (`make diagrams`), the build puts it beside the
source, and a reader's browser shows it without loading any Mermaid code."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, RequestLog, html_pages, page_url
from diagram_a11y import SVG_DIR, diagram_key

# A diagram fence at the start of a line (the writers' guide shows fences
# inside ````markdown examples: those are not diagrams and are skipped).
FENCE = re.compile(r"^```mermaid\n(.*?)\n^```$", re.M | re.S)
LABEL = re.compile(r'\["([^"]+)"\]|\{"([^"]+)"\}')
OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, Object.assign({}, init, { mode: "open" })); };
})();
"""


def _sources() -> dict[str, str]:
    found = {}
    for path in (ROOT / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        examples = [m.span() for m in re.finditer(r"^(`{4,}).*?^\1", text, re.M | re.S)]
        for match in FENCE.finditer(text):
            if not any(start <= match.start() < end for start, end in examples):
                found[match.group(1)] = str(path.relative_to(ROOT))
    return found


def test_every_diagram_in_docs_has_an_up_to_date_drawing():
    sources = _sources()
    assert len(sources) >= 8
    missing = [where for text, where in sources.items() if not (SVG_DIR / f"{diagram_key(text)}.svg").is_file()]
    assert not missing, f"diagrams without a drawing, run `make diagrams`: {missing}"
    used = {diagram_key(text) for text in sources}
    stale = [p.name for p in SVG_DIR.glob("*.svg") if p.stem not in used]
    assert not stale, f"drawings no page uses, run `make diagrams`: {stale}"


def test_every_drawing_shows_its_labels_and_no_mermaid_error():
    for text in _sources():
        svg = (SVG_DIR / f"{diagram_key(text)}.svg").read_text(encoding="utf-8")
        assert svg.startswith("<svg") and 'class="error-icon"' not in svg
        plain = htmllib.unescape(re.sub(r"<[^>]+>", "", svg))
        for match in LABEL.finditer(text):
            label = next(g for g in match.groups() if g)
            assert "".join(label.split()) in "".join(plain.split()), label


def test_built_pages_carry_the_drawing_beside_each_source(site_dir):
    for html in html_pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for pre in soup.select(".diagram > pre.mermaid"):
            template = pre.find_next_sibling("template", class_="diagram__svg")
            assert template is not None, f"{html}: no drawing beside {pre.get_text()[:40]!r}"


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
            box = page.locator("div.mermaid").first.bounding_box()
            assert box and box["height"] > 20 and box["width"] > 300  # an LR flowchart is wide and low
            page.close()
    finally:
        context.close()
