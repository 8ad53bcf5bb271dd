"""The sitemap of every edition, from the built pages' heads (partner_guide/site/sitemap.py)."""

from __future__ import annotations

import gzip
import struct
from datetime import UTC, datetime
from pathlib import Path

from partner_guide.site.built import BuiltPage
from partner_guide.site.reproducible import build_day
from partner_guide.site.sitemap import Entry, entry, sitemap_xml, write_sitemap

SITE = "https://x.example/guide/"
# What mkdocs-static-i18n 1.3.1's sitemap template wrote for one page of two editions.
TEMPLATE_LAYOUT = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
    <url>
        <loc>https://x.example/guide/hot/</loc>
        <lastmod>2026-12-07</lastmod>
        <changefreq>daily</changefreq>
        <xhtml:link rel="alternate" hreflang="zh" href="https://x.example/guide/hot/"/>
        <xhtml:link rel="alternate" hreflang="en" href="https://x.example/guide/en/hot/"/>
    </url>
    <url>
        <loc>https://x.example/guide/en/hot/</loc>
        <lastmod>2026-12-07</lastmod>
        <changefreq>daily</changefreq>
        <xhtml:link rel="alternate" hreflang="en" href="https://x.example/guide/en/hot/"/>
        <xhtml:link rel="alternate" hreflang="zh" href="https://x.example/guide/hot/"/>
    </url>
</urlset>"""


def head(canonical: str | None, **alternates: str) -> str:
    links = [f'<link rel="canonical" href="{canonical}">'] if canonical else []
    links += [f'<link rel="alternate" href="{href}" hreflang="{lang}">' for lang, href in alternates.items()]
    return "<head>" + "".join(links)


def page(lang: str, url: str) -> BuiltPage:
    prefix = "" if lang == "zh" else f"{lang}/"
    return BuiltPage(Path(prefix + url + "index.html"), lang, prefix, url)


def test_each_page_with_its_alternates_in_the_i18n_templates_layout():
    zh = entry(page("zh", "hot/"), head(SITE + "hot/", zh=SITE + "hot/", en=SITE + "en/hot/"), SITE)
    # The English page's head names its alternates relative to itself (a renderer that leaves them so).
    en = entry(page("en", "hot/"), head(SITE + "en/hot/", zh="../../hot/", en="./"), SITE)
    assert zh is not None and en is not None
    assert sitemap_xml([zh, en], "2026-12-07") == TEMPLATE_LAYOUT


def test_an_alternate_that_does_not_name_the_page_back_is_left_out():
    """A page without its translation points at the other edition's home page: not its alternate."""
    only_zh = Entry(SITE + "new/", "zh", (("zh", SITE + "new/"), ("en", SITE + "en/")))
    home = Entry(SITE + "en/", "en", (("zh", SITE), ("en", SITE + "en/")))
    text = sitemap_xml([only_zh, home], "2026-12-07")
    new_url = text.split("<url>")[1]
    assert 'hreflang="zh" href="https://x.example/guide/new/"' in new_url and 'hreflang="en"' not in new_url


def test_without_a_canonical_link_the_address_comes_from_the_site_url_and_without_either_no_entry():
    assert entry(page("en", "apply/"), head(None), SITE) == Entry(SITE + "en/apply/", "en", ())
    assert entry(page("en", "apply/"), head(None), "") is None
    text = sitemap_xml([Entry(SITE + "a/?x=1&y=<2>", "zh", ())], "2026-12-07")
    assert "<loc>https://x.example/guide/a/?x=1&amp;y=&lt;2&gt;</loc>" in text and "xhtml:link" not in text


def test_the_compressed_sitemap_is_stamped_with_the_days_midnight(tmp_path):
    write_sitemap(tmp_path, [Entry(SITE, "zh", ())], "2026-12-07")
    data = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(data) == (tmp_path / "sitemap.xml").read_bytes()
    assert struct.unpack("<I", data[4:8])[0] == int(datetime(2026, 12, 7, tzinfo=UTC).timestamp())
    assert data[10:22] == b"sitemap.xml\0"
    before = data
    write_sitemap(tmp_path, [Entry(SITE, "zh", ())], "2026-12-07")
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == before


def test_the_day_is_source_date_epochs(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 12, 7, 23, 59, tzinfo=UTC).timestamp())))
    assert build_day() == "2026-12-07"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_day() == datetime.now(UTC).strftime("%Y-%m-%d")
