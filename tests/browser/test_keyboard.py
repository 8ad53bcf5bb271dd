"""Accessibility beyond the score (issue 5): the keyboard alone reaches the skip
link first, opens the search and switches language; every diagram has a text
alternative."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.support import html_pages

pytestmark = pytest.mark.browser

FOCUSED = (
    "() => { const a = document.activeElement; return a ? (a.className + '|' + (a.getAttribute('hreflang') || '')"
    " + '|' + (a.getAttribute('href') || '')) : '' }"
)


@pytest.mark.parametrize("path", ["", "hot/rebate/", "en/hot/refund/"])
def test_first_tab_focuses_the_skip_link_and_enter_jumps_to_the_content(page, site_url, path):
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert "md-skip" in focused
    assert page.locator("a.md-skip").is_visible(), "the skip link must show when focused"
    target = page.locator("a.md-skip").get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith(target))
    assert page.locator(target).first.is_visible()


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_opens_from_the_keyboard_and_finds_a_page(page, site_url, key):
    page.goto(site_url + "en/")
    page.locator("body").focus()
    page.keyboard.press(key)
    query = page.locator("input.md-search__input")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("rebate")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    assert query.evaluate("el => el !== document.activeElement")


def test_language_switch_is_reachable_and_usable_with_tab_and_enter(page, site_url):
    page.goto(site_url + "hot/refund/")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
        if "md-select__link" in seen[-1] and "|en|" in seen[-1]:
            break
    else:
        pytest.fail("Tab never reached the English link of the language switch:\n" + "\n".join(seen))
    assert page.locator('.md-select__link[hreflang="en"]').is_visible(), "focused link must be visible"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/en/hot/refund/" in url)
    assert page.locator("html").get_attribute("lang") == "en"


def test_every_diagram_has_a_text_alternative_naming_its_steps(site_dir):
    checked = 0
    for html in html_pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for pre in soup.select("pre.mermaid"):
            frame = pre.parent
            assert "diagram" in frame.get("class", []) and frame.get("role") == "img", html
            label = frame.get("aria-label", "")
            assert label.startswith(("流程图：", "Flowchart: ")), html
            source = pre.get_text()
            first_label = source.split('["', 1)[1].split('"', 1)[0]
            assert first_label in label and label.count("→") >= 2, (html, label)
            checked += 1
    assert checked >= 8
