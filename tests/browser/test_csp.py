"""The Content-Security-Policy is on every page and breaks nothing the site does (site/csp.py, hooks/safety.py).

Every built page, during its one visit per viewport (tests/visits.py), has a
listener for `securitypolicyviolation`: the theme's inline scripts are
hashed, so none may be blocked; here search, the theme toggle and the
language switch run under the policy.
A diagram whose drawing is missing renders live with Mermaid's modules from
the site, under the same policy. That an injected script does not run is
tests/browser/test_adversarial_inert.py.
"""

from __future__ import annotations

import re

import pytest

from tests.support import RequestLog, html_pages, new_context
from tests.visits import Sweep

pytestmark = pytest.mark.browser

OBSERVE = (
    "window.__violations = []; document.addEventListener('securitypolicyviolation', e => "
    "window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))"
)
POLICY = re.compile(r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">')


@pytest.fixture
def observed(browser, site_url):
    context = new_context(browser, site_url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.add_init_script(OBSERVE)
    yield context.new_page()
    context.close()


def test_every_page_carries_the_policy_first_in_its_head(site_dir):
    for html in html_pages(site_dir):
        match = POLICY.search(html.read_text(encoding="utf-8"))
        assert match, html
        policy = match.group(1)
        assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
        assert "object-src 'none'" in policy and "base-uri 'self'" in policy and "form-action 'none'" in policy


def test_no_page_violates_its_policy(visits: Sweep):
    violated = {visit.url: visit.csp_violations for visit in visits.pages + visits.errors if visit.csp_violations}
    assert not violated, violated


def test_search_theme_toggle_and_language_switch_run_under_the_policy(observed, site_url):
    observed.goto(site_url + "hot/rebate/#rebate-process", wait_until="networkidle")
    media = observed.evaluate("document.body.getAttribute('data-md-color-media')")
    observed.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert observed.evaluate("document.body.getAttribute('data-md-color-media')") != media
    observed.hover(".md-header__option .md-select")
    observed.click("a.md-select__link[hreflang='en']")
    observed.wait_for_url("**/en/hot/rebate/#rebate-process")
    observed.wait_for_load_state("networkidle")
    observed.locator("input.md-search__input").fill("rebate")
    observed.keyboard.press("End")
    observed.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert observed.evaluate("window.__violations") == []


def test_a_diagram_without_its_drawing_renders_live_under_the_policy(browser, site_url):
    context = new_context(browser, site_url)
    context.add_init_script(OBSERVE)
    context.add_init_script(
        "(() => { const a = Element.prototype.attachShadow; Element.prototype.attachShadow ="
        " function (i) { return a.call(this, Object.assign({}, i, {mode: 'open'})); }; })();"
    )

    def without_drawings(route):
        body = route.fetch().text()
        route.fulfill(
            body=re.sub(r'<template class="diagram__svg">.*?</template>', "", body, flags=re.S),
            content_type="text/html; charset=utf-8",
        )

    context.route(site_url + "hot/refund/", without_drawings)
    page = context.new_page()
    log = RequestLog.attach(page, site_url)
    page.goto(site_url + "hot/refund/", wait_until="load")
    page.wait_for_function(
        "() => document.querySelectorAll('pre.mermaid').length === 0 && "
        "[...document.querySelectorAll('div.mermaid')].every(h => h.shadowRoot && "
        "h.shadowRoot.querySelector('svg'))",
        timeout=30_000,
    )
    assert [url for url in log.requests if "/vendor/mermaid/" in url], "Mermaid did not load: the drawing was used"
    assert page.evaluate("window.__violations") == [] and not log.page_errors
    context.close()
