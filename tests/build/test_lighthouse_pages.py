"""`make lighthouse` measures every page of both editions (`make test` measures one per template kind:
tests/browser/test_lighthouse.py)."""

from __future__ import annotations

from partner_guide.tools.lighthouse import pages


def test_make_lighthouse_measures_every_page_of_both_editions(site_dir):
    """`guide-lighthouse` without --only lists every built page."""
    measured = set(pages(site_dir))
    assert "" in measured and "en/" in measured
    built = {
        p.parent.relative_to(site_dir).as_posix() + "/"
        for p in site_dir.rglob("index.html")
        if "assets" not in p.parts and "search" not in p.relative_to(site_dir).parts
    }
    built = {"" if b == "./" else b for b in built}
    assert measured == built, f"not measured: {sorted(built - measured)}"
