"""axe-core with every rule it has finds nothing: on every page and the error document, at both widths, in the
light and the dark scheme; and with search results or the phone menu open.

"Every rule" is `axe.getRules()`, run by name: the best practices, and the rules axe leaves off by default
(experimental, AAA, deprecated ones such as landmark-complementary-is-top-level). The pages are axed during
their one visit per viewport (tests/visits.py); the open search and menu here. axe-core is pinned in
package.json (installed by `npm ci`) and evaluated from node_modules through the DevTools protocol, which the
pages' Content-Security-Policy does not govern; no network.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support import browser_required, new_context
from tests.visits import AXE, AXE_RUN, SETTLED, VIEWPORTS, Sweep

pytestmark = pytest.mark.browser

QUERY = {"zh": "返佣", "en": "rebate"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        if browser_required():
            pytest.fail(f"{AXE} missing: run `npm ci`")
        pytest.skip(f"{AXE} missing: run `npm ci`")
    return AXE.read_text(encoding="utf-8")


def in_light_and_dark(page: Any, axe_source: str) -> dict[str, list[dict[str, Any]]]:
    """axe with every rule on the page as it is, in the light scheme and then the dark one."""
    page.evaluate(axe_source)
    found = {}
    for scheme, material in (("light", "default"), ("dark", "slate")):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=material)
        page.evaluate(SETTLED)
        if violations := page.evaluate(AXE_RUN):
            found[scheme] = violations
    return found


def report(found: dict[str, Any]) -> str:
    return json.dumps(found, indent=1, ensure_ascii=False)


def test_axe_with_every_rule_finds_nothing_on_any_page_in_light_and_dark(visits: Sweep):
    found = {
        f"{visit.url} {scheme}": violations
        for visit in visits.pages
        for scheme, violations in visit.axe.items()
        if violations
    }
    assert not found, report(found)
    # Both runs happened, each in its scheme.
    assert all(visit.schemes == {"light": "default", "dark": "slate"} for visit in visits.pages)


def test_axe_with_every_rule_finds_nothing_on_the_error_document_in_either_edition(visits: Sweep):
    found = {
        f"{visit.url} {scheme}": violations
        for visit in visits.errors
        for scheme, violations in visit.axe.items()
        if violations
    }
    assert not found, report(found)
    assert [visit.status for visit in visits.errors] == [404] * len(visits.errors)
    assert all(visit.schemes == {"light": "default", "dark": "slate"} for visit in visits.errors)


def test_the_run_includes_the_rules_axe_leaves_off_by_default(browser, axe_source):
    """Negative control: an <aside> in an <article> in <main> (where Material puts its "last updated" line) and
    text at 5.7:1 (AA, not AAA) fail, as they do not in axe's default run."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
        '<article><aside><p style="color:#666;background:#fff">grey</p></aside></article>'
        "</main></body></html>"
    )
    page.evaluate(axe_source)
    found = {violation["id"] for violation in page.evaluate(AXE_RUN)}
    default = {
        violation["id"]
        for violation in page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
    }
    context.close()
    assert {"landmark-complementary-is-top-level", "color-contrast-enhanced"} <= found
    assert not {"landmark-complementary-is-top-level", "color-contrast-enhanced"} & default


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("edition", ["zh", "en"])
def test_axe_finds_nothing_with_search_results_open(browser, site_url, axe_source, viewport, edition):
    ctx = new_context(browser, site_url, **VIEWPORTS[viewport])
    page = ctx.new_page()
    page.goto(site_url + ("" if edition == "zh" else "en/"), wait_until="networkidle")
    toggle = page.locator("label.md-header__button[for=__search]")
    (toggle if toggle.is_visible() else page.locator("input.md-search__input")).click()
    page.locator("input.md-search__input").fill(QUERY[edition])
    page.keyboard.press("End")  # Material does not search on fill() with CJK text
    page.locator(".md-search-result__item").first.wait_for()
    found = in_light_and_dark(page, axe_source)
    ctx.close()
    assert not found, report(found)


@pytest.mark.parametrize("path", ["", "hot/rebate/", "en/", "en/hot/rebate/"])
def test_axe_finds_nothing_with_the_phone_menu_open(browser, site_url, axe_source, path):
    ctx = new_context(browser, site_url, **VIEWPORTS["phone"])
    page = ctx.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
    # Measured once the drawer has slid in completely.
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    found = in_light_and_dark(page, axe_source)
    ctx.close()
    assert not found, report(found)
