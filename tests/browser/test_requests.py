"""No page makes a request outside the site; Mermaid comes from the site itself.

Every built page (each `index.html` and `404.html`, in every edition) and the
error document are loaded once per viewport (tests/visits.py), and every
request they make is recorded. Anything whose host is not the loopback server
the pages were loaded from fails: Google Fonts stall pages in mainland China,
unpkg/jsDelivr are often unreachable there, and the GitHub API is called when
`repo_url` points at GitHub. The same visits also show failed requests and
console errors.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support import RequestLog
from tests.visits import Sweep

pytestmark = pytest.mark.browser

FONT_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com")
# Chromium's console line for any HTTP error response; those are reported by
# test_every_request_of_every_page_succeeds, once per cause.
RESOURCE_ERROR = "Failed to load resource"


def test_every_page_was_loaded_and_its_requests_recorded(visits: Sweep):
    assert len(visits.pages) >= 10
    for visit in visits.pages + visits.errors:
        assert visit.url in visit.requests, f"{visit.url} itself was not recorded"


def test_no_page_requests_anything_outside_the_site(visits: Sweep):
    outside = {visit.url: visit.third_party for visit in visits.pages + visits.errors if visit.third_party}
    assert not outside, "requests leaving the site:\n" + "\n".join(f"{u}: {r}" for u, r in outside.items())


def test_no_page_fetches_google_fonts(visits: Sweep):
    fonts = [
        (visit.url, r)
        for visit in visits.pages + visits.errors
        for r in visit.requests
        if urlsplit(r).hostname in FONT_HOSTS
    ]
    assert not fonts, fonts


def test_mermaid_is_fetched_from_the_site_and_only_by_pages_with_a_diagram(visits: Sweep):
    local = urlsplit(visits.url).netloc
    problems = []
    for visit in visits.pages:
        mermaid = [r for r in visit.requests if "mermaid" in urlsplit(r).path.lower()]
        if visit.diagram and not mermaid:
            problems.append(f"{visit.url}: has a diagram but fetched no Mermaid script")
        if visit.diagram and any(urlsplit(r).netloc != local for r in mermaid):
            problems.append(f"{visit.url}: Mermaid from outside the site: {mermaid}")
        if not visit.diagram and mermaid:
            problems.append(f"{visit.url}: no diagram, yet fetched {mermaid}")
    assert len(visits.diagram_pages()) >= 4, "expected the four process diagrams"
    assert not problems, "\n".join(problems)


def test_every_request_of_every_page_succeeds(visits: Sweep):
    failed = {visit.url: visit.bad_responses for visit in visits.pages if visit.bad_responses}
    # The error document's own 404 status is the one failed response of its visit.
    failed |= {
        visit.url: bad
        for visit in visits.errors
        if (bad := [r for r in visit.bad_responses if r != f"404 {visit.url}"])
    }
    assert not failed, "HTTP errors while loading pages:\n" + "\n".join(f"{u}: {r}" for u, r in failed.items())


def test_no_page_logs_a_script_error(visits: Sweep):
    errors = {
        visit.url: [e for e in visit.console_errors if RESOURCE_ERROR not in e] + visit.page_errors
        for visit in visits.pages + visits.errors
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
