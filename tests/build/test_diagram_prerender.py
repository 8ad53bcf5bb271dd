"""Pre-drawn diagrams (issue 5, performance): every diagram of the built site has
its drawing in hooks/src/partner_guide/data/diagrams/ (`make diagrams`), named
for its page and number, the build puts it beside the source, and a reader's
browser shows it without loading any Mermaid code."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from bs4 import BeautifulSoup

from partner_guide.site.diagram_frames import DRAWINGS_DIR, drawing_path
from tests.support import html_pages

# What docs/ says: `make verify` runs these too (the fast lane).
pytestmark = pytest.mark.content

# A frame and the diagram source in it, as hooks/diagrams.py writes them.
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


def test_every_diagram_of_the_site_has_an_up_to_date_drawing(diagrams):
    assert len(diagrams) >= 8
    missing = [name for name, text in diagrams.items() if not drawing_path(name, text).is_file()]
    assert not missing, f"diagrams without a drawing, run `make diagrams`: {missing}"
    used = {drawing_path(name, text) for name, text in diagrams.items()}
    stale = [p.relative_to(DRAWINGS_DIR).as_posix() for p in DRAWINGS_DIR.rglob("*.svg") if p not in used]
    assert not stale, f"drawings no page uses, run `make diagrams`: {stale}"


def test_every_drawing_shows_its_labels_and_no_mermaid_error(diagrams):
    for name, text in diagrams.items():
        svg = drawing_path(name, text).read_text(encoding="utf-8")
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
