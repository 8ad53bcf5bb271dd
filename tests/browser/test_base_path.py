"""The site under a path: built for http://127.0.0.1:<port>/guide-sub/, nothing leaves it.

GitHub Pages serves a project site at https://<owner>.github.io/<repo>/ and
each pull request's preview at …/pr-preview/pr-<N>/: both are a SITE_URL
with a path. The site is built once for such an address, as a pull
request's preview is (SITE_PREVIEW=1: noindex, no canonical link, no
sitemap or robots.txt, checked here too), and served there,
with its single 404 document answering every missing path below it (as
GitHub Pages does), and Chromium visits every page once, the 404 document
in both editions included. On each visit it checks:

- every link, stylesheet, script and image of the page, and every request
  the page makes to the server, stays under /guide-sub/; no request fails;
- on the 404 document (both editions): it is styled (Material's stylesheet
  applies) and speaks the edition of the path;
- on the home page and both 404 editions: search results open pages under
  /guide-sub/ in the searched edition;
- on a page opened at a question: the language switch keeps the question.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from partner_guide import ui
from partner_guide.tools.site import build_site, serving

from tests.support import (
    WARNING_LINE,
    RequestLog,
    html_pages,
    new_context,
    page_url,
    search_results,
    world_readable_tmpdir,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SUB = "guide-sub"
MISSING = {"zh": "nope/", "en": "en/nope/"}  # answered by the single 404 document
QUESTION = ("hot/rebate/", "rebate-process")  # a page and one of its questions
SEARCHES = {"": ("zh", "返佣"), MISSING["zh"]: ("zh", "返佣"), MISSING["en"]: ("en", "rebate")}

URLS_JS = """() => {
  const tag = e => e.outerHTML.slice(0, 80);
  return [
    ...[...document.querySelectorAll('a[href], link[href], area[href]')].map(e => [tag(e), e.href]),
    ...[...document.querySelectorAll('script[src], img[src], iframe[src], source[src]')].map(e => [tag(e), e.src]),
    ...[...document.querySelectorAll('form[action]')].map(e => [tag(e), e.action]),
  ];
}"""
STYLE_JS = """() => {
  const header = document.querySelector('.md-header');
  const style = header && getComputedStyle(header);
  return {sheets: [...document.styleSheets].filter(s => s.href).map(s => new URL(s.href).pathname),
          header: style ? style.position : null, height: header ? header.getBoundingClientRect().height : 0,
          lang: document.documentElement.lang, h1: (document.querySelector('h1') || {}).textContent || ''};
}"""


@dataclass
class Visit:
    path: str  # below the sub-path
    status: int
    urls: list[tuple[str, str]]  # (element, absolute URL) of every link and resource in the page
    log: RequestLog
    style: dict[str, Any] = field(default_factory=dict)
    results: list[str] = field(default_factory=list)  # search result paths
    opened: str = ""  # the page the first search result opened
    switched: str = ""  # where the language switch led, with its fragment
    switched_lang: str = ""


@dataclass
class SubSite:
    root: Path  # the built site, served at /guide-sub/
    url: str  # http://127.0.0.1:<port>/guide-sub/
    visits: dict[str, Visit]


def _under_sub(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != origin:
        return True  # another host (a console link, tel:, data:): not a link into the site
    return parts.path.startswith(f"/{SUB}/")


def _visit(context, url: str, path: str) -> Visit:
    page = context.new_page()
    log = RequestLog.attach(page, url)
    target = url + path + (f"#{QUESTION[1]}" if path == QUESTION[0] else "")
    response = page.goto(target, wait_until="networkidle")
    visit = Visit(path, response.status if response else 0, [tuple(u) for u in page.evaluate(URLS_JS)], log)
    if path.endswith("nope/") or path == "":
        visit.style = page.evaluate(STYLE_JS)
    if path in SEARCHES:
        results = search_results(page, SEARCHES[path][1])
        visit.results = [result.path for result in results]
        if results:
            page.locator(".md-search-result__link").first.click()
            page.wait_for_load_state("networkidle")
            visit.opened = urlsplit(page.url).path
    if path == QUESTION[0]:
        page.evaluate("() => document.querySelector('a.md-select__link[hreflang=\"en\"]').click()")
        page.wait_for_url(f"**/en/{QUESTION[0]}#{QUESTION[1]}")
        visit.switched = urlsplit(page.url).path + "#" + urlsplit(page.url).fragment
        visit.switched_lang = page.locator("html").get_attribute("lang") or ""
    log.detach(page)
    page.close()
    return visit


@pytest.fixture(scope="module")
def sub_site(browser) -> Iterator[SubSite]:
    """The site built for a sub-path, served under it, every page visited once."""
    parent = world_readable_tmpdir("partner-guide-sub-")
    root = parent / SUB
    with serving(parent, error_document=f"{SUB}/404.html") as server:
        url = f"{server}{SUB}/"
        result = build_site(root, url, timeout=300, SITE_PREVIEW="1")
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        assert not WARNING_LINE.search(output), output
        paths = [page_url("", root, html) for html in html_pages(root) if html.name != "404.html"]
        context = new_context(browser, url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
        visits = {path: _visit(context, url, path) for path in [*paths, *MISSING.values()]}
        context.close()
        yield SubSite(root, url, visits)
    shutil.rmtree(parent, ignore_errors=True)


def test_every_link_and_resource_of_every_page_stays_under_the_sub_path(sub_site):
    origin = urlsplit(sub_site.url).netloc
    assert len(sub_site.visits) >= 20, sorted(sub_site.visits)  # both editions, both 404s
    leaving = [
        f"/{SUB}/{v.path}: {element} -> {href}"
        for v in sub_site.visits.values()
        for element, href in v.urls
        if not _under_sub(href, origin)
    ]
    assert not leaving, "links that leave the sub-path:\n" + "\n".join(leaving)
    # The 404 document's own links (home, language switch) included, in both editions.
    for path in MISSING.values():
        assert len(sub_site.visits[path].urls) > 20


def test_every_request_stays_under_the_sub_path_and_none_fails(sub_site):
    origin = urlsplit(sub_site.url).netloc
    problems = []
    for visit in sub_site.visits.values():
        expected = 404 if visit.path in MISSING.values() else 200
        if visit.status != expected:
            problems.append(f"/{SUB}/{visit.path}: status {visit.status}, expected {expected}")
        outside = [r for r in visit.log.requests if not _under_sub(r, origin)]
        document = f"{sub_site.url}{visit.path}"
        failed = [r for r in visit.log.bad_responses if not r.startswith(f"404 {document}")]
        if outside or failed or visit.log.page_errors:
            problems.append(f"/{SUB}/{visit.path}: outside {outside}, failed {failed}, errors {visit.log.page_errors}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("lang", "heading"), [("zh", "找不到页面"), ("en", "Page not found")])
def test_both_404_editions_are_styled_and_in_their_language(sub_site, lang, heading):
    visit = sub_site.visits[MISSING[lang]]
    assert visit.status == 404
    style = visit.style
    assert any(sheet.startswith(f"/{SUB}/assets/stylesheets/main.") for sheet in style["sheets"]), style["sheets"]
    assert style["header"] == "sticky" and style["height"] > 0, style  # Material's stylesheet applies
    assert style["lang"] == lang and heading in style["h1"], style
    # The page's own link home (the plugin's link is root-absolute: it used to leave the sub-path).
    home = f"{sub_site.url}{'en/' if lang == 'en' else ''}"
    text = ui.strings(lang)["not_found_link"]
    assert any(text in element and href == home for element, href in visit.urls), f"no link home to {home}"


@pytest.mark.parametrize("path", list(SEARCHES), ids=["home", "404-zh", "404-en"])
def test_search_results_open_pages_under_the_sub_path_in_the_searched_edition(sub_site, path):
    lang, _query = SEARCHES[path]
    visit = sub_site.visits[path]
    edition = f"/{SUB}/en/" if lang == "en" else f"/{SUB}/"
    assert visit.results, f"no search result on /{SUB}/{path}"
    wrong = [r for r in visit.results if not r.startswith(edition) or (lang == "zh" and r.startswith(f"/{SUB}/en/"))]
    assert not wrong, f"results outside {edition}: {wrong}"
    assert visit.opened.startswith(edition) and visit.opened != f"/{SUB}/{path}", visit.opened
    assert (sub_site.root / visit.opened.removeprefix(f"/{SUB}/") / "index.html").is_file(), visit.opened


def test_the_language_switch_keeps_the_question_under_the_sub_path(sub_site):
    visit = sub_site.visits[QUESTION[0]]
    assert visit.switched == f"/{SUB}/en/{QUESTION[0]}#{QUESTION[1]}"
    assert visit.switched_lang == "en"


def test_the_preview_is_noindex_and_nothing_points_search_engines_at_it(sub_site):
    pages = html_pages(sub_site.root)
    texts = {html.relative_to(sub_site.root).as_posix(): html.read_text(encoding="utf-8") for html in pages}
    assert not [name for name, text in texts.items() if '<meta name="robots" content="noindex">' not in text]
    assert not [name for name, text in texts.items() if 'rel="canonical"' in text]
    leftovers = [
        p.relative_to(sub_site.root).as_posix()
        for name in ("robots.txt", "sitemap.xml", "sitemap.xml.gz")
        for p in sub_site.root.rglob(name)
    ]
    assert not leftovers, leftovers
