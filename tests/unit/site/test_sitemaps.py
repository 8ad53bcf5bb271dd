"""Scoped sitemaps (partner_guide/site/sitemaps.py) on small inputs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from partner_guide.site.sitemaps import Sitemap, write_scoped_sitemaps

SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    "    <url>\n        <loc>https://x.example/</loc>\n    </url>\n"
    "    <url>\n        <loc>https://x.example/en/</loc>\n    </url>\n"
    "    <url>\n        <loc>https://x.example/en/hot/rebate/</loc>\n    </url>\n"
    "</urlset>\n"
)


def test_scoped_sitemap_keeps_only_entries_under_its_folder():
    scoped = Sitemap(SITEMAP).scoped("/en/")
    assert "<loc>https://x.example/</loc>" not in scoped
    assert scoped.count("<url>") == 2 and scoped.endswith("</urlset>\n")
    ET.fromstring(scoped.split("\n", 1)[1])  # well-formed


def test_every_page_folder_gets_its_scope_and_the_root_keeps_the_whole_sitemap(tmp_path):
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    for folder in ("", "en", "en/hot/rebate"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text("<html></html>", encoding="utf-8")
    assert write_scoped_sitemaps(tmp_path, "/") == 2
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == SITEMAP
    rebate = (tmp_path / "en/hot/rebate/sitemap.xml").read_text(encoding="utf-8")
    assert rebate.count("<url>") == 1 and "/en/hot/rebate/" in rebate


def test_no_root_sitemap_writes_nothing(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("", encoding="utf-8")
    assert write_scoped_sitemaps(tmp_path, "/") == 0
    assert not (tmp_path / "en" / "sitemap.xml").exists()
