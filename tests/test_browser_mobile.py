"""On a phone (360x740), no page scrolls sideways and every page offers the 渠道小助手 chat.

Most partners read the guide on a phone. A wide table, diagram or long URL
that overflows the viewport makes the whole page pan sideways.
"""

from __future__ import annotations

import pytest

from conftest import html_pages, page_url

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
  if (link) link.scrollIntoView();
  const box = link && link.getBoundingClientRect();
  return {
    scrollWidth: doc.scrollWidth,
    innerWidth: window.innerWidth,
    contact: !!contact,
    link: !!link,
    linkText: link ? link.textContent.trim() : null,
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
        page.goto(url, wait_until="networkidle")
        if page.locator("pre.mermaid, div.mermaid").count():
            page.wait_for_function("() => document.querySelectorAll('pre.mermaid').length === 0", timeout=30_000)
        m = page.evaluate(MEASURE)
        assert m["innerWidth"] == PHONE["width"], m
        if m["scrollWidth"] > m["innerWidth"] + 1:
            wide = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                     .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                     .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))"""
            )
            failures.append(f"{url}: page is {m['scrollWidth']}px wide on a {m['innerWidth']}px screen; widest: {wide}")
        if not (m["contact"] and m["link"]):
            failures.append(f"{url}: no .partner-contact block with the 渠道小助手 link")
            continue
        if m["linkText"] not in ("渠道小助手", "Channel Assistant"):
            failures.append(f"{url}: contact link text {m['linkText']!r}")
        left, right, width, height = m["linkBox"]
        if not (width > 0 and height > 0 and left >= 0 and right <= m["innerWidth"] + 1):
            failures.append(f"{url}: the 渠道小助手 link is not fully on screen: {m['linkBox']}")
    assert not failures, "\n".join(failures)
