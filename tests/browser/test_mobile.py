"""On a phone (360x740), no page scrolls sideways and every page offers the 渠道小助手 chat.

Most partners read the guide on a phone. A wide table, diagram or long URL
that overflows the viewport makes the whole page pan sideways.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.support import html_pages, page_url

pytestmark = pytest.mark.browser

ASSISTANT = (
    "https://admin.qidian.qq.com/template/blue/wpa/link.html?linkType=0&env=ol"
    "&kfuin=2852062166&kfext=2852062166&fid=7&key=0554c06e2169e536d55d2008fe70e8c1"
    "&cate=1&type=16&ftype=1&roleKey=roleQQ&roleValue=0&roleName=&roleData=2852273098"
    "&roleUin=2852273098&_type=wpa"
)
PHONE = {"width": 360, "height": 740}

MEASURE = """
() => {
  const doc = document.scrollingElement;
  const contact = document.querySelector(".partner-contact");
  const link = contact && [...contact.querySelectorAll("a")].find(a => a.href === %s);
  if (link) link.scrollIntoView({block: "center"});
  const box = link && link.getBoundingClientRect();
  return {
    scrollWidth: doc.scrollWidth,
    innerWidth: window.innerWidth,
    contact: !!contact,
    link: !!link,
    // Its own words, without the "opens in a new tab" said only to screen readers.
    linkText: link ? [...link.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join("").trim() : null,
    linkBox: box ? [box.left, box.right, box.width, box.height] : null,
  };
}
""" % repr(ASSISTANT)


@pytest.fixture
def context_options():
    return {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2, "locale": "zh-CN"}


def test_no_horizontal_overflow_and_contact_block_on_every_page_on_a_phone(page, site_dir, site_url):
    failures = []
    for html in html_pages(site_dir):
        url = page_url(site_url, site_dir, html)
        page.goto(url, wait_until="load")
        if page.locator("pre.mermaid, div.mermaid").count():
            try:  # measure with the diagrams drawn, as a reader sees the page
                page.wait_for_function("() => document.querySelectorAll('pre.mermaid').length === 0", timeout=20_000)
            except PlaywrightTimeoutError:
                pass  # a diagram that does not render is test_browser_diagrams' failure
        m = page.evaluate(MEASURE)
        # On a phone, Chromium zooms out to fit content wider than the screen, so
        # the layout then reports a wider innerWidth instead of a wider scrollWidth.
        page_width = max(m["scrollWidth"], m["innerWidth"])
        if page_width > PHONE["width"] + 1:
            wide = page.evaluate(
                """w => { const wide = e => e.getBoundingClientRect().width > w + 1;
                     return [...document.querySelectorAll('body *')]
                       .filter(e => wide(e) && ![...e.children].some(wide)).slice(0, 5)
                       .map(e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join('')); }""",
                PHONE["width"],
            )
            failures.append(f"{url}: page is {page_width}px wide on a {PHONE['width']}px screen; widest elements: {wide}")
        if not (m["contact"] and m["link"]):
            failures.append(f"{url}: no .partner-contact block with the 渠道小助手 link")
            continue
        if m["linkText"] not in ("渠道小助手", "Channel Assistant"):
            failures.append(f"{url}: contact link text {m['linkText']!r}")
        left, right, width, height = m["linkBox"]
        if not (width > 0 and height > 0 and left >= 0 and right <= PHONE["width"] + 1):
            failures.append(f"{url}: the 渠道小助手 link is not fully on screen: {m['linkBox']}")
    assert not failures, "\n".join(failures)
