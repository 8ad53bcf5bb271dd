"""Every heading of both built editions has a stable ASCII id (issue 18): `{#id}` where the writer gave one,
else the heading's pinyin slug (markdown/slugs.py, the one `make import` writes), never `_1`."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.support import html_pages

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def test_every_heading_of_both_editions_has_an_ascii_id(site_dir):
    headings = []
    for page in html_pages(site_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        path = page.relative_to(site_dir).as_posix()
        headings += [(path, h.get("id")) for h in soup.select("h1, h2, h3, h4, h5, h6")]
    assert len({path for path, _ in headings if path.startswith("en/")}) >= 10 and len(headings) >= 50
    assert [(path, ident) for path, ident in headings if not ID_RE.match(ident or "")] == []


def test_a_chinese_page_title_gets_its_pinyin_slug(site_dir):
    soup = BeautifulSoup((site_dir / "hot" / "binding" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1")["id"] == "ke-hu-guan-lian"  # 客户关联
