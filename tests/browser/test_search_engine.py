"""Search that answers partners' questions, in both editions (issue 13), in Chromium.

Queries typed into Material's search box on the real build: natural
questions, numerals and full-width forms, synonyms (hooks/synonyms.yml),
typos, homophones and typed pinyin, traditional characters; results that
land on the question with a snippet of its answer (never diagram source),
highlighting after a click, no "missing" line, each edition (404 pages too)
searching only its own pages, the writers' guide kept out, and a page load
that fetches no more than the search configuration. Queries whose results
are only read are typed one after the other into an open tab of the
edition's home page (`search_tabs`); a test that follows a result, or
starts elsewhere, loads its own page.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from partner_guide.site import search_index, search_text

from tests.support import ROOT, SearchResult, result_pages, search_results

pytestmark = pytest.mark.browser

WORKER = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "partner-search.js"
VECTORS = ROOT / "tests" / "unit" / "site" / "fixtures" / "search_text.json"


def search(page, site_url: str, path: str, query: str) -> list[SearchResult]:
    page.goto(site_url + path)
    return search_results(page, query)


def top(results: list[SearchResult], site_url: str, n: int = 3) -> list[str]:
    root = urlsplit(site_url).path
    return [p[len(root) - 1 :] if p.startswith(root) else p for p in result_pages(results, n)]


def first_question(results: list[SearchResult]) -> SearchResult:
    """The first question whose answer is shown (not folded), as the reader sees it first."""
    return next(r for r in results if r.anchor and r.shown)


# query, edition's home, the page that answers it
FINDS = [
    # Natural questions: question words never rule a page out.
    ("怎么开发票", "", "/hot/rebate/"),
    ("怎么联系渠道小助手", "", "/hot/agreement/"),
    ("电子授权书怎么申请", "", "/hot/e-authorization/"),
    ("how do I get my rebate", "en/", "/en/hot/rebate/"),
    ("requirements to become a partner", "en/", "/en/prepare/"),
    ("when is the invoice needed", "en/", "/en/hot/rebate/"),
    # A word no page has still leaves the best pages for the rest.
    ("返佣 量子", "", "/hot/rebate/"),
    ("rebate quantum", "en/", "/en/hot/rebate/"),
    # Numerals, full- and half-width.
    ("五天无理由退款", "", "/hot/refund/"),
    ("十个工作日", "", "/hot/agreement/"),
    ("１０个工作日", "", "/hot/agreement/"),
    ("ＲＥＢＡＴＥ", "en/", "/en/hot/rebate/"),
    # Synonyms (hooks/synonyms.yml).
    ("佣金", "", "/hot/rebate/"),
    ("返点什么时候到账", "", "/hot/rebate/"),
    ("合同", "", "/hot/agreement/"),
    ("客服", "", "/hot/agreement/"),
    ("commission", "en/", "/en/hot/rebate/"),
    ("prerequisite", "en/", "/en/prepare/"),
    # Typos: same sound, or one edit away.
    ("反佣", "", "/hot/rebate/"),
    ("发漂", "", "/hot/rebate/"),
    ("代金卷", "", "/hot/refund/"),
    ("agreemnet", "en/", "/en/hot/agreement/"),
    ("refnud", "en/", "/en/hot/refund/"),
    ("certficate", "en/", "/en/hot/e-authorization/"),
    # Pinyin typed.
    ("fanyong", "", "/hot/rebate/"),
    ("fapiao", "", "/hot/rebate/"),
    ("qi feng zhang", "", "/hot/agreement/"),
    # Traditional characters.
    ("發票", "", "/hot/rebate/"),
    ("電子授權書", "", "/hot/e-authorization/"),
    ("騎縫章", "", "/hot/agreement/"),
]


@pytest.mark.parametrize("query, home, answer", FINDS, ids=[q for q, _, _ in FINDS])
def test_the_query_finds_the_page_that_answers_it_in_the_top_3(search_tabs, site_url, query, home, answer):
    results = search_tabs.search(home, query)
    assert answer in top(results, site_url), (query, [(r.path, r.anchor) for r in results])


@pytest.mark.parametrize(
    "query, home, path, anchor, word",
    [
        ("返佣什么时候到账", "", "/hot/rebate/", "rebate-process", "返佣"),
        ("骑缝章", "", "/hot/agreement/", "agreement-signing-notes", "骑缝章"),
        ("五天无理由退款", "", "/hot/refund/", "refund-destination", "5 天无理由"),
        ("cross-page seal", "en/", "/en/hot/agreement/", "agreement-signing-notes", "seal"),
        ("how do I learn about the products", "en/", "/en/cooperate/", "products", "Documentation Center"),
    ],
)
def test_the_first_answer_shown_is_the_question_with_a_snippet_of_its_answer(
    search_tabs, query, home, path, anchor, word
):
    results = search_tabs.search(home, query)
    question = first_question(results)
    assert (question.path.endswith(path), question.anchor) == (True, anchor), results[:3]
    assert word in question.text and "<mark>" in question.html, question


@pytest.mark.parametrize("query, home, anchor", [("考核", "", "assessment"), ("assessment", "en/", "assessment")])
def test_a_question_that_asks_it_ranks_above_answers_that_mention_it(search_tabs, query, home, anchor):
    assert first_question(search_tabs.search(home, query)).anchor == anchor


@pytest.mark.parametrize(
    "query, home",
    [
        ("返佣", ""),
        ("业绩结算", ""),
        ("退款", ""),
        ("refund", "en/"),
        ("settlement", "en/"),
        ("Bill reconciliation", "en/"),
    ],
)
def test_no_snippet_shows_diagram_source(search_tabs, query, home):
    results = search_tabs.search(home, query)
    assert results
    for result in results:
        assert not re.search(r"flowchart|-->|\[\"|&gt;", result.text + result.title), result


def test_a_diagram_is_found_by_its_text_alternative(search_tabs, site_url):
    results = search_tabs.search("", "直接答复对账通知邮件")
    assert ("/hot/rebate/", "rebate-process") in [
        (r.path[len(urlsplit(site_url).path) - 1 :], r.anchor) for r in results
    ]


@pytest.mark.parametrize("query, home", [("返佣 量子", ""), ("渠道小助手 签署", ""), ("rebate quantum", "en/")])
def test_no_missing_line_and_no_empty_highlight(search_tabs, query, home):
    results = search_tabs.search(home, query)
    assert results
    assert search_tabs.tab(home).locator(".md-search-result__terms").count() == 0
    assert all(r.h for r in results), [(r.path, r.anchor) for r in results if not r.h]
    assert not [r for r in results if "量子" in r.h or "quantum" in r.h]


@pytest.mark.parametrize(
    "query, home, marked",
    [("返佣", "", "返佣"), ("反佣", "", "返佣"), ("rebate", "en/", "rebate"), ("commission", "en/", "rebate")],
)
def test_the_opened_question_highlights_the_words_found(page, site_url, query, home, marked):
    results = search(page, site_url, home, query)
    target = page.locator(".md-search-result__link", has=page.locator("h2")).first
    target.click()
    page.wait_for_url(lambda url: "h=" in url and "#" in url)
    assert first_question(results).anchor == urlsplit(page.url).fragment
    page.wait_for_selector("mark[data-md-highlight]", timeout=10_000)
    words = {m.lower() for m in page.locator("article mark[data-md-highlight]").all_text_contents()}
    assert marked in words, words


def test_enter_opens_the_best_question(page, site_url):
    page.goto(site_url)
    search_results(page, "骑缝章")
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_url(lambda url: url.endswith("#agreement-signing-notes"))


@pytest.mark.parametrize(
    "path, query, edition",
    [
        ("en/no-such-page/", "rebate", "/en/"),
        ("en/hot/gone/", "返佣", "/en/"),
        ("no-such-page/", "返佣", "/"),
    ],
)
def test_a_404_page_searches_the_edition_its_address_is_in(page, site_url, site_dir, path, query, edition):
    """One error document for every missing address, as GitHub Pages and COS serve the root 404.html."""
    error_page = (site_dir / "404.html").read_text(encoding="utf-8")
    page.route(site_url + path, lambda route: route.fulfill(status=404, body=error_page, content_type="text/html"))
    assert page.goto(site_url + path).status == 404
    results = search_results(page, query)
    root = urlsplit(site_url).path
    paths = [r.path[len(root) - 1 :] for r in results]
    if edition == "/en/":
        assert all(p.startswith("/en/") for p in paths), paths
        assert query != "rebate" or "/en/hot/rebate/" in paths
    else:
        assert "/hot/rebate/" in paths and not [p for p in paths if p.startswith("/en/")], paths


@pytest.mark.parametrize(
    "query, home", [("提示框", ""), ("预览修改", ""), ("写作指南", ""), ("admonition", "en/"), ("writers", "en/")]
)
def test_the_writers_guide_stays_out_of_partners_results(search_tabs, query, home):
    assert not [r for r in search_tabs.search(home, query) if "/writing/" in r.path]


def test_a_page_load_fetches_only_the_search_configuration(page, site_url):
    fetched = []
    page.on("response", lambda r: fetched.append((urlsplit(r.url).path, r)) if "/search/" in r.url else None)
    page.goto(site_url + "hot/rebate/")
    page.wait_for_load_state("networkidle")
    assert [p for p, _ in fetched] == [urlsplit(site_url).path + "search/search_index.json"]
    assert len(fetched[0][1].body()) < 2048
    search_results(page, "返佣")  # then the index files, on the first query
    assert len(fetched) > 1


def test_the_worker_reads_text_exactly_as_the_build_does(page, site_url):
    """site/search_text.py and the worker agree on every vector (normalisation, keys, file hash)."""
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    page.goto("about:blank")
    page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
    trad = vectors["trad"]
    table = search_text.translation(trad)
    for case in vectors["normalise"]:
        got = page.evaluate(
            "([t, trad]) => { const n = normalise(t, trad).norm; return [n, keysOf(n)] }", [case["text"], trad]
        )
        norm = search_text.normalise(case["text"], table)
        assert got[0] == norm == case["norm"], case
        assert sorted(set(got[1])) == sorted(set(search_text.keys(norm))), case
    for key in vectors["hash"]:
        assert page.evaluate("k => fnv1a(k)", key) == search_index.fnv1a(key), key
