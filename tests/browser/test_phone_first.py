"""Issue 14, as a partner sees the site: on a 390x844 phone and a 1440x900 desktop, both editions.

Each test names the point of the issue it holds; the pages are the real
build (`site_dir`), served at `/` on 127.0.0.1. What holds on every page is
read from the pages' one visit per viewport (`visits`, tests/visits.py);
what a reader does (switch language, open the menu, follow a card) is done
here.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.support import REGISTRY, RequestLog, html_pages, new_context
from tests.visits import Sweep

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
MIN_LABEL_PX = 12


def _pages(site_dir):
    return [p for p in html_pages(site_dir) if p.name == "index.html"]


@pytest.fixture(params=sorted(WIDTHS), scope="module")
def width(request):
    return request.param


@pytest.fixture(scope="module")
def context(browser, site_url, width):
    ctx = new_context(browser, site_url, **WIDTHS[width])
    yield ctx
    ctx.close()


# --------------------------------------------------------------------------- requests and console


def test_no_page_fetches_a_sitemap_or_logs_an_error_on_another_port(visits: Sweep, site_url):
    """The build's SITE_URL is one port; the visits load the same files from another one, and must stay quiet."""
    assert visits.url != site_url
    problems = []
    for visit in visits.pages:
        sitemaps = [r for r in visit.requests if r.endswith("sitemap.xml")]
        if sitemaps or visit.console_errors or visit.page_errors:
            problems.append(
                f"{visit.url}: sitemaps {sitemaps}, console {visit.console_errors}, errors {visit.page_errors}"
            )
    assert not problems, "\n".join(problems)


def test_language_switch_keeps_the_question(context, site_url):
    page = context.new_page()
    log = RequestLog.attach(page, site_url)
    page.goto(site_url + "hot/rebate/#rebate-process", wait_until="networkidle")
    link = page.locator('a.md-select__link[hreflang="en"]')
    assert link.get_attribute("href").endswith("/en/hot/rebate/#rebate-process")
    page.evaluate("() => document.querySelector('a.md-select__link[hreflang=\"en\"]').click()")
    page.wait_for_url("**/en/hot/rebate/#rebate-process")
    assert page.locator("html").get_attribute("lang") == "en"
    assert not [r for r in log.requests if "sitemap" in r]
    # Search engines still get both hreflang alternates in the head.
    hreflangs = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.hreflang)"
    )
    assert sorted(hreflangs) == ["en", "zh"]
    page.close()


# --------------------------------------------------------------------------- diagrams


def test_every_diagram_label_is_at_least_12px(visits: Sweep):
    """Measured from the drawing's SVG source at the size of its box (the drawn SVG is in a closed shadow root)."""
    seen, small = 0, []
    for visit in visits.diagram_pages():
        for d in visit.layout[visits.widths[0]]["frames"]:
            seen += 1
            assert d["drawn"] and d["viewBox"] and d["font"], f"{visit.url}: diagram without its drawing: {d}"
            box = d["frame"][2]
            px = d["font"] * box / d["viewBox"]
            if px < MIN_LABEL_PX:
                small.append(
                    f"{visit.url} {d['label']!r}: labels {px:.1f}px ({d['font']}px at {box:.0f}/{d['viewBox']:.0f})"
                )
    assert seen >= 8
    assert not small, "\n".join(small)


def test_diagram_frames_carry_no_inline_style(site_dir):
    """html-validate's no-inline-style, and a strict CSP's style-src: the frame's size comes from markup."""
    styled = []
    for html in html_pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        styled += [f"{html}: {frame.get('style')}" for frame in soup.select(".diagram[style]")]
    assert not styled, styled


# --------------------------------------------------------------------------- phone layout


def test_phone_numbers_never_break(visits: Sweep):
    """At the viewport's width and 70 px narrower (320 px on the phone, where 0755-86013388-75727 would break)."""
    widths = (visits.widths[0], visits.widths[0] - 70)
    assert set(widths) <= set(visits.widths)
    problems, seen = [], 0
    for width in widths:
        for visit in visits.pages:
            if visit.path.endswith("404.html"):
                continue
            for text, lines, white_space in visit.layout[width]["phones"]:
                seen += 1
                if lines != 1 or white_space != "nowrap":
                    problems.append(f"{visit.url} at {width}px: {text!r} on {lines} lines (white-space: {white_space})")
    pages = len([visit for visit in visits.pages if not visit.path.endswith("404.html")])
    assert seen > 2 * pages, "every page's contact block has the phone, and the agreement page"
    assert not problems, "\n".join(problems)


def test_the_permalink_never_adds_a_line_under_a_heading(visits: Sweep):
    """At the viewport's width and 30 px narrower; no page pans sideways at either."""
    widths = (visits.widths[0], visits.widths[0] - 30)
    assert set(widths) <= set(visits.widths)
    wrapped = []
    for width in widths:
        for visit in visits.pages:
            if visit.path.endswith("404.html"):
                continue
            m = visit.layout[width]
            wrapped += [f"{visit.url}#{i} at {width}px" for i in m["wrapped"]]
            # A phone widens its layout viewport to fit wider content: innerWidth grows too.
            assert m["page_width"] <= width + 1, f"{visit.url} is {m['page_width']}px wide at {width}px: it pans"
    assert not wrapped, wrapped


def test_the_site_name_fits_the_header(visits: Sweep):
    for visit in visits.pages + visits.errors:
        box = visit.layout[visits.widths[0]]["site_name"]
        assert box["sw"] <= box["cw"] and box["sh"] <= box["ch"], f"{visit.url}: the site name is cut: {box}"


def test_tab_skips_the_closed_drawer_on_a_phone(browser, site_url):
    ctx = new_context(browser, site_url, **PHONE)
    page = ctx.new_page()
    for path in ("", "en/hot/rebate/"):
        page.goto(site_url + path, wait_until="load")
        visited = []
        for _ in range(20):
            page.keyboard.press("Tab")
            where = page.evaluate(
                "() => { const a = document.activeElement;"
                " return [!!a.closest('.md-sidebar--primary'), !!a.closest('.md-content')]; }"
            )
            visited.append(where)
            if where[1]:
                break
        assert visited[-1][1], f"/{path}: Tab never reached the content"
        assert not any(in_drawer for in_drawer, _ in visited), f"/{path}: Tab entered the closed menu"
        # Opened, the menu is reachable.
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
    ctx.close()


# --------------------------------------------------------------------------- navigation


def test_the_writers_guide_is_out_of_the_partners_menu_and_next_chain_but_in_the_footer(context, site_dir, site_url):
    page = context.new_page()
    for html in _pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        nav = " ".join(a.get("href", "") for a in soup.select(".md-nav--primary a"))
        assert "writing/" not in nav, f"{html}: writers' guide in the menu"
        assert not soup.select('.md-footer__link[href*="writing/"]'), f"{html}: writers' guide in Previous/Next"
    for path, title in (("hot/refund/", "写作指南"), ("en/hot/refund/", "Writers' guide")):
        page.goto(site_url + path, wait_until="load")
        page.locator(".md-footer-meta a", has_text=title).click()
        page.wait_for_url(f"**/{path.split('hot')[0]}writing/")
    page.close()


def test_the_hot_topics_card_opens_an_overview_with_one_line_answers(context, site_url):
    page = context.new_page()
    for path, card in (("", "热点问题"), ("en/", "Frequent questions")):
        page.goto(site_url + path, wait_until="load")
        page.locator(".grid.cards a", has_text=card).click()
        page.wait_for_url(f"**/{path}hot/")
        cards = page.locator(".grid.cards > ul > li")
        assert cards.count() == 5
        for i in range(5):
            item = cards.nth(i)
            assert item.locator("a").count() == 1
            answer = item.locator("p").nth(1).inner_text()
            assert answer and "\n" not in answer.strip()
    page.close()


# --------------------------------------------------------------------------- contact


def test_every_page_offers_the_assistant_phone_and_address_in_its_language(visits: Sweep):
    registry = REGISTRY
    mail = registry.mail
    for visit in visits.pages:
        url, block = visit.url, visit.contact
        assert block, f"{url}: no contact block"
        text = block["text"]
        english = visit.lang == "en"
        assert mail["address"] in text and mail["recipient"] in text, url
        assert mail["phone"] in text, url
        if english:
            assert f"({mail['address_en']})" in text and f"({mail['recipient_en']})" in text, url
        assert block["tel"] == [mail["tel"]], url
        [chat] = block["chats"]
        assert chat["href"] == registry.assistant.url, url
        assert chat["icons"] == 1, f"{url}: no new-tab icon"
        assert ("new tab" in chat["name"]) if english else ("新标签页" in chat["name"]), f"{url}: {chat['name']!r}"


# --------------------------------------------------------------------------- 404 and theme strings


ERROR_HEADINGS = {
    "nope/": ("zh", "找不到页面"),
    "en/nope/": ("en", "Page not found"),
    "en/hot/nope/": ("en", "Page not found"),
}


def test_the_single_error_document_speaks_the_edition_of_the_path(visits: Sweep):
    assert [visit.path for visit in visits.errors] == list(ERROR_HEADINGS)
    for visit in visits.errors:
        lang, heading = ERROR_HEADINGS[visit.path]
        assert visit.status == 404
        assert visit.lang == lang
        assert heading in visit.h1
        assert not [r for r in visit.requests if r.endswith("404.html")], "no round trip"
        # The 404 status itself is the one console line ("Failed to load resource").
        assert len(visit.console_errors) <= 1 and not visit.page_errors, (visit.console_errors, visit.page_errors)


def test_theme_strings_are_in_the_page_language(site_dir):
    for html in html_pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one(".md-copyright").get_text(" ", strip=True)
        lang = soup.html.get("lang")
        assert ("Made with" in footer) == (lang == "en"), f"{html}: {footer!r}"
