"""Search engines (issue 5): FAQPage JSON-LD matching the visible questions,
absolute hreflang, robots.txt, the optional Baidu verification tag."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from partner_guide.site.seo import is_question

from tests.support import BAIDU_VERIFICATION, html_pages, is_chinese_page


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _visible_questions(soup) -> list[tuple[str, str]]:
    """(id, text) of the article's h2 headings that ask: a question mark, or a Chinese question word
    (`site.seo.is_question`; the contact block's "没找到答案？" is the site's, not a question of the page)."""
    found = []
    for h2 in soup.select("article h2[id]"):
        if h2.find_parent(class_="partner-contact"):
            continue
        for link in h2.select("a.headerlink"):
            link.decompose()
        text = " ".join(h2.get_text(" ", strip=True).split())
        if is_question(text):
            found.append((h2["id"], text))
    return found


def _jsonld(soup) -> list[dict]:
    return [json.loads(s.string) for s in soup.select('head script[type="application/ld+json"]')]


@pytest.mark.content  # what docs/ says: `make verify` runs it too (the fast lane)
def test_every_page_with_questions_carries_faqpage_jsonld_of_exactly_those_questions(site_dir):
    checked = 0
    for html in html_pages(site_dir):
        soup = _soup(html)
        visible = _visible_questions(soup)
        data = _jsonld(soup)
        if not visible:
            assert not data, f"{html}: JSON-LD on a page without questions"
            continue
        checked += 1
        assert len(data) == 1, f"{html}: {len(data)} JSON-LD blocks"
        faq = data[0]
        assert faq["@context"] == "https://schema.org" and faq["@type"] == "FAQPage"
        lang = "zh" if is_chinese_page(site_dir, html) else html.relative_to(site_dir).parts[0]
        assert faq["inLanguage"] == lang == soup.html["lang"][:2]
        names = [q["name"] for q in faq["mainEntity"]]
        assert names == [text for _, text in visible], html
        # Compared without whitespace: inline tags split the visible text differently.
        article_text = "".join(soup.select_one("article").get_text().split())
        for entity in faq["mainEntity"]:
            assert entity["@type"] == "Question"
            answer = entity["acceptedAnswer"]
            assert answer["@type"] == "Answer" and answer["text"].strip()
            for line in answer["text"].splitlines():
                assert "".join(line.split()) in article_text, f"{html}: answer line not on the page: {line!r}"
    assert checked >= 10, f"only {checked} pages with questions"


def test_hreflang_alternates_in_the_head_are_absolute_urls_of_the_served_site(site_dir, site_url):
    for html in html_pages(site_dir):
        if html.name != "index.html":
            continue
        soup = _soup(html)
        alternates = soup.select('head link[rel="alternate"][hreflang]')
        assert {a["hreflang"] for a in alternates} >= {"zh", "en"}, html
        for link in alternates:
            assert link["href"].startswith(site_url), f"{html}: {link}"


def test_robots_txt_allows_crawling_and_points_at_the_sitemap(site_dir, site_url):
    robots = (site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Disallow: /\n" not in robots
    assert f"Sitemap: {urljoin(site_url, 'sitemap.xml')}" in robots
    assert (site_dir / "sitemap.xml").is_file()


def test_baidu_verification_tag_only_when_configured(site_dir, deployment_build):
    assert not _soup(site_dir / "index.html").select('meta[name="baidu-site-verification"]')
    assert deployment_build.result.returncode == 0, deployment_build.result.stderr
    for page in ("index.html", "en/index.html", "hot/rebate/index.html"):
        tags = _soup(deployment_build.out / page).select('head meta[name="baidu-site-verification"]')
        assert [t["content"] for t in tags] == [BAIDU_VERIFICATION], page


def test_a_chinese_question_without_its_question_mark_is_a_question_too(site_dir):
    """/hot/binding/ asks `哪些账号不支持关联成为渠道合作伙伴客户` without ？ (as Tencent's page does)."""
    for page in (site_dir / "hot" / "binding" / "index.html", site_dir / "en" / "hot" / "binding" / "index.html"):
        [faq] = _jsonld(_soup(page))
        assert [q["@type"] for q in faq["mainEntity"]] == ["Question"], page


def test_the_published_build_is_indexable_unlike_a_preview(site_dir, site_url):
    """SITE_PREVIEW is off: no noindex, a canonical link on every content page (tests/browser/test_base_path.py
    builds the preview)."""
    for html in html_pages(site_dir):
        text = html.read_text(encoding="utf-8")
        assert 'name="robots"' not in text, html
        if html.name == "index.html":
            assert f'<link rel="canonical" href="{site_url}' in text, html
    assert (site_dir / "sitemap.xml").is_file() and (site_dir / "robots.txt").is_file()
