"""No page makes a request outside the site; Mermaid comes from the site itself.

Every built page (each `index.html` and `404.html`, in every edition) is
loaded once in Chromium and every request it makes is recorded. Anything whose
host is not the loopback server fails: Google Fonts stall pages in mainland
China, unpkg/jsDelivr are often unreachable there, and the GitHub API is called
when `repo_url` points at GitHub. The same loads also show failed requests and
console errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.support import RequestLog, html_pages, new_context, page_url

pytestmark = pytest.mark.browser

FONT_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com")
# Chromium's console line for any HTTP error response; those are reported by
# test_every_request_of_every_page_succeeds, once per cause.
RESOURCE_ERROR = "Failed to load resource"


@dataclass
class Load:
    url: str
    diagram: bool
    log: RequestLog


@pytest.fixture(scope="module")
def loads(browser, site_dir, site_url) -> list[Load]:
    context = new_context(browser, site_url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    out = []
    try:
        for html in html_pages(site_dir):
            url = page_url(site_url, site_dir, html)
            diagram = bool(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select(".mermaid"))
            log = RequestLog.attach(page, site_url)
            page.goto(url, wait_until="networkidle")
            if diagram:  # Mermaid may load on first render: wait until the diagrams are drawn
                try:
                    page.wait_for_function(
                        "() => document.querySelectorAll('pre.mermaid').length === 0"
                        " && document.querySelectorAll('div.mermaid').length > 0",
                        timeout=20_000,
                    )
                    page.wait_for_load_state("networkidle")
                except PlaywrightTimeoutError:
                    pass  # a diagram that does not render is test_browser_diagrams' failure
            log.detach(page)
            out.append(Load(url, diagram, log))
    finally:
        context.close()
    assert len(out) >= 10
    for load in out:
        assert any(r.startswith(load.url) for r in load.log.requests), f"{load.url} itself was not recorded"
    return out


def test_no_page_requests_anything_outside_the_site(loads):
    outside = {load.url: load.log.third_party() for load in loads if load.log.third_party()}
    assert not outside, "requests leaving the site:\n" + "\n".join(f"{u}: {r}" for u, r in outside.items())


def test_no_page_fetches_google_fonts(loads):
    fonts = [(load.url, r) for load in loads for r in load.log.requests if urlsplit(r).hostname in FONT_HOSTS]
    assert not fonts, fonts


def test_mermaid_is_fetched_from_the_site_and_only_by_pages_with_a_diagram(loads, site_url):
    local = urlsplit(site_url).netloc
    problems = []
    for load in loads:
        mermaid = [r for r in load.log.requests if "mermaid" in urlsplit(r).path.lower()]
        if load.diagram and not mermaid:
            problems.append(f"{load.url}: has a diagram but fetched no Mermaid script")
        if load.diagram and any(urlsplit(r).netloc != local for r in mermaid):
            problems.append(f"{load.url}: Mermaid from outside the site: {mermaid}")
        if not load.diagram and mermaid:
            problems.append(f"{load.url}: no diagram, yet fetched {mermaid}")
    assert sum(load.diagram for load in loads) >= 4, "expected the four process diagrams"
    assert not problems, "\n".join(problems)


def test_every_request_of_every_page_succeeds(loads):
    failed = {load.url: load.log.bad_responses for load in loads if load.log.bad_responses}
    assert not failed, "HTTP errors while loading pages:\n" + "\n".join(f"{u}: {r}" for u, r in failed.items())


def test_no_page_logs_a_script_error(loads):
    errors = {
        load.url: [e for e in load.log.console_errors if RESOURCE_ERROR not in e] + load.log.page_errors
        for load in loads
    }
    errors = {u: e for u, e in errors.items() if e}
    assert not errors, "\n".join(f"{u}: {e}" for u, e in errors.items())


def test_the_request_recorder_sees_a_third_party_request(page, site_url):
    """Negative control: a request to another host is recorded and reported."""
    log = RequestLog.attach(page, site_url)
    page.goto(site_url, wait_until="networkidle")
    # The page fixture aborts it before it leaves the machine; it is still recorded.
    page.evaluate("() => { const img = new Image(); img.src = 'https://fonts.gstatic.com/s/probe.woff2'; }")
    page.wait_for_timeout(500)
    assert "https://fonts.gstatic.com/s/probe.woff2" in log.third_party()
    log.detach(page)
