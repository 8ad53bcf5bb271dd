"""Pre-drawn diagrams (issue 5, performance): every diagram of the built site has
its drawing, committed in hooks/src/partner_guide/data/diagrams/ (`make
diagrams`) or drawn for the build into .cache/diagrams/ (`make
diagrams-missing`, which `make test` and CI run first), named for its page and
number; the build puts it beside the source, and a reader's browser shows it
without loading any Mermaid code. A committed drawing no page uses any more is
not a failure (`make diagrams` prunes them)."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from partner_guide.site.diagram_frames import DRAWINGS_DIR, cache_dir, drawing_path

from tests.support import ROOT, html_pages

# Only the last test is in `make verify` (marker `content`): the others need
# every drawing to exist, which holds after `make diagrams-missing` (make test,
# the publishing workflows), not in the browserless fast lane, where a diagram
# edited without a new drawing must pass (it renders live).

# A frame and the diagram source in it, as the page extension writes them.
FRAME = re.compile(r'data-drawing="(?P<name>[^"]+)"[^>]*><pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.S)
LABEL = re.compile(r'\["([^"]+)"\]|\{"([^"]+)"\}')


@pytest.fixture(scope="module")
def diagrams(site_dir) -> dict[str, str]:
    """Diagram name (`hot/rebate.en-1`) -> source, for every diagram of the site."""
    found = {}
    for html in html_pages(site_dir):
        for match in FRAME.finditer(html.read_text(encoding="utf-8")):
            found[htmllib.unescape(match["name"])] = htmllib.unescape(match["source"])
    return found


def _drawing(name: str, text: str) -> Path | None:
    """The drawing the build uses: committed (`make diagrams`), else drawn for the build (`make diagrams-missing`)."""
    for folder in (DRAWINGS_DIR, cache_dir(ROOT)):
        if drawing_path(name, text, folder).is_file():
            return drawing_path(name, text, folder)
    return None


def test_every_diagram_of_the_site_has_a_drawing_committed_or_drawn_for_the_build(diagrams):
    """`make test` draws the missing ones first (`make diagrams-missing`), as CI does before publishing:
    a writer who changed a label without a local browser is not failed here."""
    assert len(diagrams) >= 8
    missing = [name for name, text in diagrams.items() if _drawing(name, text) is None]
    assert not missing, f"diagrams without a drawing, run `make diagrams-missing` (or `make diagrams`): {missing}"


def test_every_drawing_shows_its_labels_and_no_mermaid_error(diagrams):
    for name, text in diagrams.items():
        svg = _drawing(name, text).read_text(encoding="utf-8")
        assert svg.startswith("<svg") and 'class="error-icon"' not in svg
        plain = htmllib.unescape(re.sub(r"<[^>]+>", "", svg))
        for match in LABEL.finditer(text):
            label = next(g for g in match.groups() if g)
            assert "".join(label.split()) in "".join(plain.split()), (name, label)


def test_built_pages_carry_the_drawing_beside_each_source(site_dir):
    for html in html_pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for pre in soup.select(".diagram > pre.mermaid"):
            template = pre.find_next_sibling("template", class_="diagram__svg")
            assert template is not None, f"{html}: no drawing beside {pre.get_text()[:40]!r}"


@pytest.mark.content
def test_make_diagrams_missing_reads_each_source_as_the_build_hands_it_to_mermaid(diagrams, tmp_path, monkeypatch):
    """Its quick check (no build, no browser) keys each diagram exactly as the build does: with no drawing at
    all it lists every diagram of the site, and a drawing of the built source takes that one off the list."""
    from partner_guide.tools import render_diagrams

    monkeypatch.setattr(render_diagrams, "DRAWINGS_DIR", tmp_path / "committed")
    cache = tmp_path / "cache"
    assert set(render_diagrams.undrawn_sources(ROOT / "docs", cache)) == set(diagrams)
    for name, text in diagrams.items():
        path = drawing_path(name, text, cache)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<svg/>", encoding="utf-8")
    assert render_diagrams.undrawn_sources(ROOT / "docs", cache) == []
