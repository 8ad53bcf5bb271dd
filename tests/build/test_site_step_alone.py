"""`guide-site-step` over a build that ran no site step and no search hook (issue 18).

The build without hooks/search.py and hooks/editions.py stands for a renderer that runs neither (Zensical
runs no MkDocs hooks): Material's own search plugin indexes every page, MkDocs writes its own sitemap.
`guide-site-step` over that folder writes the real build's search index files and sitemap, byte for
byte: everything the site step reads is in the built pages.
"""

from __future__ import annotations

import filecmp

import pytest
from partner_guide.site.reproducible import source_date_epoch
from partner_guide.tools import bench, site_step
from partner_guide.tools.site import build_site

from tests.support import ROOT

pytestmark = pytest.mark.slow

WITHOUT = ("hooks/search.py", "hooks/editions.py")


def files(root, *folders):
    return sorted(p.relative_to(root).as_posix() for f in folders for p in (root / f).rglob("*") if p.is_file())


def test_the_site_step_alone_writes_the_builds_search_index_and_sitemap(site_dir, site_url, tmp_path, monkeypatch):
    config = ROOT / ".bench-site-step-test.yml"  # beside mkdocs.yml, for its relative paths; gitignored
    config.write_text(bench.without_hooks((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), WITHOUT), "utf-8")
    out = tmp_path / "site"
    try:
        result = build_site(out, site_url, config=config)
    finally:
        config.unlink()
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "search" / "search_index.json").read_bytes() != (
        site_dir / "search" / "search_index.json"
    ).read_bytes()
    assert not (out / "en" / "search").exists()

    monkeypatch.setenv("SOURCE_DATE_EPOCH", source_date_epoch(ROOT) or "0")  # what the build took from git
    assert site_step.main([str(out), "--site-url", site_url, "--config", str(ROOT / "mkdocs.yml")]) == 0

    compared = files(site_dir, "search", "en/search") + ["sitemap.xml", "sitemap.xml.gz"]
    assert files(out, "search", "en/search") == files(site_dir, "search", "en/search")
    assert [name for name in compared if not filecmp.cmp(out / name, site_dir / name, shallow=False)] == []
