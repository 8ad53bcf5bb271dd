"""The two editions of the built site: Chinese at `/`, English at `/en/` (issue 4).

Reads the session build (`site_dir` from conftest.py): every page has its
other edition, `<html lang>`, the 404 pages, hreflang in `<head>` and in the
sitemap, one search index per edition, and localized chrome (nav, admonition
titles, contact block, Material's UI strings).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

# What docs/ says: `make verify` runs these too (the fast lane).
pytestmark = pytest.mark.content

HAN = re.compile(r"[\u4e00-\u9fff]")
HTML_LANG = re.compile(r"<html\s+lang=\"([^\"]+)\"")
ALTERNATE = re.compile(r"<link\s+rel=\"alternate\"[^>]*>")
H2_IDS = re.compile(r"<h2 id=\"([^\"]+)\"")
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def pages(site_dir: Path, lang: str) -> list[str]:
    """Site-relative directories of the content pages of one edition ("" = home)."""
    out = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.relative_to(site_dir)
        if "assets" in rel.parts or "search" in rel.parts:
            continue
        is_en = rel.parts[0] == "en"
        if (lang == "en") != is_en:
            continue
        parts = rel.parts[1:-1] if is_en else rel.parts[:-1]
        out.append("/".join(parts))
    return out


def read(site_dir: Path, lang: str, rel: str, name: str = "index.html") -> str:
    base = site_dir / "en" if lang == "en" else site_dir
    return (base / rel / name).read_text(encoding="utf-8")


def attrs(tag: str) -> dict[str, str]:
    return dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag))


def test_every_chinese_page_has_an_english_page_and_back(site_dir):
    zh, en = pages(site_dir, "zh"), pages(site_dir, "en")
    assert len(zh) >= 10, zh
    assert zh == en


def test_html_lang_is_the_edition_language(site_dir):
    for lang in ("zh", "en"):
        for rel in pages(site_dir, lang):
            assert HTML_LANG.search(read(site_dir, lang, rel)).group(1) == lang, (lang, rel)


def test_root_404_is_chinese_and_carries_the_english_404_which_is_english(site_dir):
    root = (site_dir / "404.html").read_text(encoding="utf-8")
    en = (site_dir / "en" / "404.html").read_text(encoding="utf-8")
    zh, template = root.split('<template data-edition="/en/"', 1)
    assert HTML_LANG.search(zh).group(1) == "zh"
    assert HTML_LANG.search(en).group(1) == "en" and 'data-lang="en"' in template
    assert '<h1 id="not-found-zh">404 - 找不到页面</h1>' in zh and "没找到答案？" in zh
    for page in (en, template):
        assert '<h1 id="not-found-en">404 - Page not found</h1>' in page and "Didn't find your answer?" in page
        content = page.split('<div class="md-content"', 1)[1].split("</article>")[0]
        # The English contact keeps the envelope (address, recipient) in Chinese; nothing else is.
        assert not HAN.search(re.sub(r"<dd>[^<]*</dd>|<[^>]+>", "", content))


def test_404_pages_switch_between_the_home_pages(site_dir):
    for html in (site_dir / "404.html", site_dir / "en" / "404.html"):
        alternates = {
            attrs(tag)["hreflang"]: urlsplit(attrs(tag)["href"]).path
            for tag in ALTERNATE.findall(html.read_text(encoding="utf-8"))
            if "hreflang" in tag
        }
        assert alternates == {"zh": "/", "en": "/en/"}, html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_head_has_hreflang_alternates_to_the_same_page(site_dir, lang):
    for rel in pages(site_dir, lang):
        tags = [attrs(t) for t in ALTERNATE.findall(read(site_dir, lang, rel)) if "hreflang" in t]
        got = {t["hreflang"]: urlsplit(t["href"]).path for t in tags}
        suffix = f"{rel}/" if rel else ""
        assert got.get("zh") == f"/{suffix}", (lang, rel, got)
        assert got.get("en") == f"/en/{suffix}", (lang, rel, got)


def test_sitemap_lists_both_editions_with_xhtml_alternates(site_dir, site_url):
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    urls = root.findall("s:url", SITEMAP_NS)
    locs = {urlsplit(u.find("s:loc", SITEMAP_NS).text).path for u in urls}
    expected = {f"/{r}/" if r else "/" for r in pages(site_dir, "zh")}
    expected |= {f"/en/{r}/" if r else "/en/" for r in pages(site_dir, "en")}
    assert locs == expected
    for url in urls:
        links = {x.get("hreflang"): x.get("href") for x in url.findall("x:link", SITEMAP_NS)}
        assert set(links) >= {"zh", "en"}, url.find("s:loc", SITEMAP_NS).text
        assert all(href.startswith(site_url) for href in links.values())


@pytest.mark.parametrize("lang, root", [("en", "en/"), ("zh", "")])
def test_each_edition_loads_its_own_search_index(site_dir, site_url, lang, root):
    for rel in pages(site_dir, lang):
        config = json.loads(CONFIG.search(read(site_dir, lang, rel)).group(1))
        page_url = urljoin(site_url, f"{root}{rel}/" if rel else root)
        assert urljoin(urljoin(page_url, config["base"] + "/"), "search/search_index.json") == urljoin(
            site_url, f"{root}search/search_index.json"
        ), rel


def test_question_ids_are_the_same_in_both_editions(site_dir):
    for rel in pages(site_dir, "zh"):
        zh_ids = set(H2_IDS.findall(read(site_dir, "zh", rel)))
        en_ids = set(H2_IDS.findall(read(site_dir, "en", rel)))
        assert zh_ids == en_ids, rel
    assert 'id="rebate-process"' in read(site_dir, "en", "hot/rebate")


def test_english_chrome_is_english(site_dir):
    html = read(site_dir, "en", "hot/refund")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    labels = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)
    assert {"Home", "Preparation", "Frequent questions", "Rebate process", "Refund destination"} <= set(labels)
    assert not [label for label in labels if HAN.search(label)]
    assert re.search(r'admonition-title">[^<]*[A-Za-z][^<]*<', html)
    assert not re.search(r'admonition-title">[^<]*[\u4e00-\u9fff]', html)
    assert "Didn't find your answer?" in html and ">Channel Assistant<span" in html
    assert 'placeholder="Search"' in html
    assert 'title="Link to this question"' in html and "本问题的链接" not in html
    assert "<title>Refund destination - Tencent Cloud Partner Guide</title>" in html


def test_chinese_chrome_is_chinese(site_dir):
    html = read(site_dir, "zh", "hot/refund")
    assert re.search(r'admonition-title">[^<]*[\u4e00-\u9fff]', html)
    assert "没找到答案？" in html and 'placeholder="搜索"' in html
    assert 'title="本问题的链接"' in html


def test_english_agreement_keeps_the_envelope_in_chinese(site_dir):
    html = read(site_dir, "en", "hot/agreement")
    for verbatim in (
        "广东省深圳市南山区深南大道10000号腾讯大厦27楼",
        "王辉兵",
        "0755-86013388-75727",
        "27F, Tencent Building, No. 10000 Shennan Avenue",
        "Wang Huibing",
        'href="tel:+8675586013388,75727"',
    ):
        assert verbatim in html, verbatim


@pytest.mark.parametrize(
    "rel, facts",
    [
        ("prepare", ["4 conditions", "3 calendar months"]),
        ("hot/rebate", ["10th of each month", "15 working days", "special VAT invoice"]),
        ("hot/agreement", ["two paper copies", "10 working days", "contract seal", "cross-page seal"]),
        ("hot/refund", ["<strong>5</strong>-day no-reason", "vouchers"]),
        ("hot/e-authorization", ["three-month assessment period"]),
    ],
)
def test_english_pages_keep_the_facts(site_dir, rel, facts):
    html = read(site_dir, "en", rel)
    for fact in facts:
        assert fact in html, (rel, fact)


def test_language_switch_script_is_self_hosted_on_every_page(site_dir):
    for lang in ("zh", "en"):
        for rel in pages(site_dir, lang):
            assert re.search(r'<script src="[./]*assets/javascripts/lang-switch\.js"', read(site_dir, lang, rel))
    assert (site_dir / "assets" / "javascripts" / "lang-switch.js").is_file()


def test_one_sitemap_at_the_root_and_none_in_the_page_folders(site_dir):
    """Material no longer fetches sitemap.xml beside each hreflang link (lang-switch.js), so no copies."""
    assert (site_dir / "sitemap.xml").is_file()
    assert sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("sitemap.xml")) == ["sitemap.xml"]


@pytest.mark.parametrize("lang, name", [("zh", "腾讯云合作伙伴指南"), ("en", "Tencent Cloud Partner Guide")])
def test_the_home_page_title_is_the_site_name_once(site_dir, lang, name):
    assert f"<title>{name}</title>" in read(site_dir, lang, "")
    assert f"<title>{name} - {name}</title>" not in read(site_dir, lang, "")
