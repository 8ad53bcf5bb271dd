"""Chinese keyword queries typed into the real search box find their page in the top 3.

The guide's own index and worker sit behind Material's search UI (issue 13;
tests/browser/test_search_engine.py covers questions, typos, synonyms and
the rest). These are the keyword queries of the first version, kept.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.support import result_pages

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


def search(search_tabs, query: str) -> list[str]:
    """Type `query` into the home page's search box (an open tab, conftest.py); the result pages, in order."""
    return result_pages(search_tabs.search("", query), n=100)


@pytest.mark.parametrize("query", list(EXPECTED))
def test_chinese_query_finds_its_page_in_the_top_3(search_tabs, site_url, query):
    results = search(search_tabs, query)
    expected = urlsplit(site_url).path + EXPECTED[query]
    assert expected in results[:3], f"{query}: expected {expected} in the top 3, got {results}"


def test_a_long_query_is_searched_whole_not_as_its_first_word(search_tabs, site_url, site_dir):
    """渠道小助手 starts with 渠道, which is on every page; only pages naming the assistant may match."""
    results = search(search_tabs, "渠道小助手")
    root = urlsplit(site_url).path
    # The pages whose content names the assistant (the contact block that
    # ends every page is a template, not indexed content).
    naming = set()
    for html in site_dir.glob("**/index.html"):
        rel = html.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("en", "assets", "writing")):
            continue
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article")
        for block in article.select(".partner-contact, template, pre.mermaid"):
            block.decompose()
        if "渠道小助手" in article.get_text():
            naming.add(root + ("" if rel == "." else rel + "/"))
    assert 0 < len(naming) < 8, naming
    assert results, "no result for 渠道小助手"
    assert set(results) <= naming, f"pages without 渠道小助手 offered: {sorted(set(results) - naming)}"


def test_search_finds_nothing_for_a_word_not_on_the_site(search_tabs):
    """Guards the tests above: results are not simply every page for any query."""
    assert search_tabs.search("", "量子纠缠望远镜") == []
    assert search_tabs.tab("").locator(".md-search-result__meta").text_content().strip() == "没有找到符合条件的结果"
