"""Chinese queries typed into the real search box find their page in the top 3.

Material segments Chinese with jieba at build time (plus the domain words of
`hooks/jieba_user_dict.txt`); the browser then splits a query against the
index. Playwright's `fill()` with CJK text does not fire the keyup Material
listens for, so each query is followed by an `End` key press.
"""

from __future__ import annotations

import time
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = pytest.mark.browser

# query -> the Chinese page that answers it (path under the site root)
EXPECTED = {
    "返佣": "hot/rebate/",
    "发票": "hot/rebate/",
    "增值税专用发票": "hot/rebate/",
    "骑缝章": "hot/agreement/",
    "考核期": "prepare/",
    "代金券": "hot/refund/",
    "电子授权书": "hot/e-authorization/",
    "协作者账号": "hot/binding/",
    "渠道小助手": "hot/agreement/",
}
# Material 9.8.2's search worker splits a Chinese query greedily against the
# index but never tries the query as a whole word (its inner loop stops one
# character short), so a query whose prefix is itself an indexed word keeps
# only that prefix: 渠道小助手 is searched as 渠道 (which every page has).
# In assets/javascripts/workers/search.*.min.js that is `o<t.length` in the
# greedy splitter (function `fe` in 9.8.2); with `o<=t.length` the query finds
# hot/agreement/ second (checked by patching a build by hand).
# Strict: this xfail turns into a failure as soon as search finds the page.
UPSTREAM_SPLIT_BUG = {"渠道小助手"}


def search(page, site_url: str, query: str) -> list[str]:
    """Type `query` into the home page's search box; the result pages, in order."""
    page.goto(site_url, wait_until="networkidle")  # the search index is loaded
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    # Results re-render per keystroke; wait until two reads agree.
    previous, deadline = None, time.monotonic() + 5
    while time.monotonic() < deadline:
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link",
            "links => links.map(a => a.getAttribute('href'))",
        )
        if hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(250)
    pages = []
    for href in previous or []:
        absolute = urljoin(page.url, href)
        path = urlsplit(absolute).path
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(q, marks=pytest.mark.xfail(strict=True, reason="Material search drops the query's tail (see UPSTREAM_SPLIT_BUG)"))
        if q in UPSTREAM_SPLIT_BUG else q
        for q in EXPECTED
    ],
)
def test_chinese_query_finds_its_page_in_the_top_3(page, site_url, query):
    results = search(page, site_url, query)
    expected = urlsplit(site_url).path + EXPECTED[query]
    assert expected in results[:3], f"{query}: expected {expected} in the top 3, got {results}"


def test_search_finds_nothing_for_a_word_not_on_the_site(page, site_url):
    """Guards the tests above: results are not simply every page for any query."""
    page.goto(site_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("量子纠缠望远镜")
    box.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() === '没有找到符合条件的结果'; }",
        timeout=10_000,
    )
    assert page.locator(".md-search-result__item").count() == 0
