"""The two editions in Chromium: the language switch keeps the question, and
each edition's search offers only its own pages (issue 4).

Uses conftest.py's `site_url` (the session build served on 127.0.0.1) and
`page` (Debian's Chromium through Playwright).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def switch_language(page, lang: str) -> None:
    """Open Material's language menu and pick `lang`, as a reader would."""
    page.hover(".md-header__option .md-select")
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()


def path_and_hash(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.mark.parametrize(
    "start, english, chinese",
    [
        ("hot/rebate/#rebate-process", "/en/hot/rebate/#rebate-process", "/hot/rebate/#rebate-process"),
        (
            "hot/agreement/#agreement-progress",
            "/en/hot/agreement/#agreement-progress",
            "/hot/agreement/#agreement-progress",
        ),
        ("prepare/#assessment", "/en/prepare/#assessment", "/prepare/#assessment"),
    ],
)
def test_language_switch_keeps_the_question_both_ways(page, site_url, start, english, chinese):
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(site_url + start)
    switch_language(page, "en")
    page.wait_for_url(lambda url: path_and_hash(url) == english)
    assert page.locator("html").get_attribute("lang") == "en"
    question = urlsplit(english).fragment
    assert page.locator(f"h2#{question}").is_visible()
    switch_language(page, "zh")
    page.wait_for_url(lambda url: path_and_hash(url) == chinese)
    assert page.locator("html").get_attribute("lang") == "zh"
    page.wait_for_load_state("networkidle")
    assert not failed, failed  # e.g. Material's sitemap.xml lookups beside the hreflang links


def test_language_switch_follows_a_question_chosen_after_loading(page, site_url):
    page.goto(site_url + "en/hot/agreement/")
    page.locator('a[href="#agreement-signing-notes"]:visible').first.click()
    page.wait_for_url(lambda url: url.endswith("#agreement-signing-notes"))
    switch_language(page, "zh")
    page.wait_for_url(lambda url: path_and_hash(url) == "/hot/agreement/#agreement-signing-notes")


def test_language_switch_without_a_question_goes_to_the_page(page, site_url):
    page.goto(site_url + "hot/refund/")
    switch_language(page, "en")
    page.wait_for_url(lambda url: path_and_hash(url) == "/en/hot/refund/")


def search(page, query: str) -> list[str]:
    """Type a query into Material's search; the result links' paths, best first."""
    field = page.locator("input.md-search__input")
    field.click()
    field.fill(query)
    field.press("End")  # fill() alone does not trigger the search for CJK text
    # Done when the counter shows a result count or "none" (in either language).
    page.wait_for_function(
        "() => /matching|符合条件/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.wait_for_timeout(150)  # let the list render the last keystroke's results
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs]


def top_pages(paths: list[str], n: int = 3) -> list[str]:
    out: list[str] = []
    for path in paths:
        if path not in out:
            out.append(path)
    return out[:n]


ENGLISH_QUERIES = [
    ("rebate", "/en/hot/rebate/"),
    ("invoice", "/en/hot/rebate/"),
    ("refund", "/en/hot/refund/"),
    ("voucher", "/en/hot/refund/"),
    ("agreement", "/en/hot/agreement/"),
    ("seal", "/en/hot/agreement/"),
    ("certificate", "/en/hot/e-authorization/"),
    ("assessment", "/en/prepare/"),
    ("binding", "/en/hot/binding/"),
    ("policy", "/en/prepare/"),
    ("application", "/en/apply/"),
    ("Documentation Center", "/en/cooperate/"),
]


def search_home(search_tabs, home: str, query: str) -> list[str]:
    """`query` typed into the open tab of an edition's home page (conftest.py: `search_tabs`); result paths."""
    return [result.path for result in search_tabs.search(home, query)]


@pytest.mark.parametrize("query, expected", ENGLISH_QUERIES)
def test_english_query_finds_the_english_page_in_the_top_3(search_tabs, query, expected):
    results = search_home(search_tabs, "en/", query)
    assert expected in top_pages(results), (query, results)
    assert all(path.startswith("/en/") for path in results), (query, results)


def test_english_edition_offers_no_chinese_page_even_for_a_chinese_query(page, site_url):
    page.goto(site_url + "en/hot/rebate/")
    results = search(page, "返佣")
    assert not [path for path in results if not path.startswith("/en/")], results


CHINESE_QUERIES = [
    ("返佣", "/hot/rebate/"),
    ("发票", "/hot/rebate/"),
    ("退款", "/hot/refund/"),
    ("代金券", "/hot/refund/"),
    ("协议", "/hot/agreement/"),
    ("电子授权书", "/hot/e-authorization/"),
]


@pytest.mark.parametrize("query, expected", CHINESE_QUERIES)
def test_chinese_query_offers_no_english_page(search_tabs, query, expected):
    results = search_home(search_tabs, "", query)
    assert expected in top_pages(results), (query, results)
    assert not [path for path in results if path.startswith("/en/")], (query, results)


def test_english_query_on_the_chinese_edition_offers_no_english_page(page, site_url):
    page.goto(site_url + "hot/rebate/")
    results = search(page, "rebate")
    assert not [path for path in results if path.startswith("/en/")], results
