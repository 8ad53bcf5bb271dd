"""axe-core reports no violation on any page, both editions, phone and desktop, with search results and the phone menu open.

axe-core is pinned in package.json (installed by `npm ci`) and injected from
node_modules; no network.
"""

from __future__ import annotations

import json

import pytest

from partner_guide.tools.site import serving
from tests.support import ROOT, browser_required, html_pages, new_context, page_url

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v =>
  ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))"""
QUERY = {"zh": "返佣", "en": "rebate"}
# axe is injected as an inline script, which the pages' Content-Security-Policy refuses (as it should:
# tests/browser/test_csp.py); these contexts let the test instrument in, and change nothing else.
AXE_CSP = {"bypass_csp": True}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        if browser_required():
            pytest.fail(f"{AXE} missing: run `npm ci`")
        pytest.skip(f"{AXE} missing: run `npm ci`")
    return str(AXE)


# Every running transition or animation settled first (two frames, so that one just triggered counts):
# axe measures colours as they are, and Material fades the desktop search output in (opacity, 0.4 s),
# which measured half-faded text as failing contrast on a busy machine.
SETTLED = """async () => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .map(a => a.finished.catch(() => null)));
}"""


def violations(page, axe_source):
    page.evaluate(SETTLED)
    page.add_script_tag(path=axe_source)
    return page.evaluate(RUN)


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["390", "1440"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_any_page(browser, site_dir, site_url, axe_source, options, scheme):
    ctx = new_context(browser, site_url, color_scheme=scheme, **AXE_CSP, **options)
    page = ctx.new_page()
    found = {}
    for html in html_pages(site_dir):
        url = page_url(site_url, site_dir, html)
        page.goto(url, wait_until="networkidle")
        if result := violations(page, axe_source):
            found[url] = result
    ctx.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["390", "1440"])
@pytest.mark.parametrize("edition", ["zh", "en"])
def test_axe_finds_nothing_with_search_results_open(browser, site_url, axe_source, options, edition):
    ctx = new_context(browser, site_url, **AXE_CSP, **options)
    page = ctx.new_page()
    page.goto(site_url + ("" if edition == "zh" else "en/"), wait_until="networkidle")
    toggle = page.locator("label.md-header__button[for=__search]")
    (toggle if toggle.is_visible() else page.locator("input.md-search__input")).click()
    page.locator("input.md-search__input").fill(QUERY[edition])
    page.keyboard.press("End")  # Material does not search on fill() with CJK text
    page.locator(".md-search-result__item").first.wait_for()
    result = violations(page, axe_source)
    ctx.close()
    assert not result, json.dumps(result, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("path", ["", "hot/rebate/", "en/", "en/hot/rebate/"])
def test_axe_finds_nothing_with_the_phone_menu_open(browser, site_url, axe_source, path):
    ctx = new_context(browser, site_url, **AXE_CSP, **PHONE)
    page = ctx.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
    # Measured once the drawer has slid in completely.
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    result = violations(page, axe_source)
    ctx.close()
    assert not result, json.dumps(result, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("path", ["nope/", "en/nope/"])
def test_axe_finds_nothing_on_the_error_document_in_either_edition(browser, site_dir, axe_source, path):
    with serving(site_dir, error_document=True) as url:
        ctx = new_context(browser, url, **AXE_CSP, **PHONE)
        page = ctx.new_page()
        page.goto(url + path, wait_until="networkidle")
        result = violations(page, axe_source)
        ctx.close()
    assert not result, json.dumps(result, indent=1, ensure_ascii=False)
