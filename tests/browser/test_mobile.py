"""On a phone, no page scrolls sideways and every page offers the 渠道小助手 chat.

Most partners read the guide on a phone. A wide table, diagram or long URL
that overflows the viewport makes the whole page pan sideways. Measured
during each page's one visit on a phone (tests/visits.py), at 390, 360 and
320 px wide; the chat link at 360.
"""

from __future__ import annotations

import pytest

from tests.visits import Sweep

pytestmark = pytest.mark.browser

ASSISTANT = (
    "https://admin.qidian.qq.com/template/blue/wpa/link.html?linkType=0&env=ol"
    "&kfuin=2852062166&kfext=2852062166&fid=7&key=0554c06e2169e536d55d2008fe70e8c1"
    "&cate=1&type=16&ftype=1&roleKey=roleQQ&roleValue=0&roleName=&roleData=2852273098"
    "&roleUin=2852273098&_type=wpa"
)
SMALL_PHONE = 360


def test_no_horizontal_overflow_and_contact_block_on_every_page_on_a_phone(phone_visits: Sweep):
    assert SMALL_PHONE in phone_visits.widths
    failures = []
    for visit in phone_visits.pages:
        url = visit.url
        for width in phone_visits.widths:
            # On a phone, Chromium zooms out to fit content wider than the screen, so
            # the layout then reports a wider innerWidth instead of a wider scrollWidth.
            m = visit.layout[width]
            if m["page_width"] > width + 1:
                failures.append(
                    f"{url}: page is {m['page_width']}px wide on a {width}px screen; widest elements: {m['widest']}"
                )
        chats = [chat for chat in (visit.contact or {}).get("chats", []) if chat["href"] == ASSISTANT]
        if not chats:
            failures.append(f"{url}: no .partner-contact block with the 渠道小助手 link")
            continue
        if chats[0]["words"] not in ("渠道小助手", "Channel Assistant"):
            failures.append(f"{url}: contact link text {chats[0]['words']!r}")
        left, right, width, height = visit.layout[SMALL_PHONE]["chat"]
        if not (width > 0 and height > 0 and left >= 0 and right <= SMALL_PHONE + 1):
            failures.append(f"{url}: the 渠道小助手 link is not fully on screen: {visit.layout[SMALL_PHONE]['chat']}")
    assert not failures, "\n".join(failures)
