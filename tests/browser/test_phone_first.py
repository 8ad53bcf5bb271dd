"""Issue 14, as a partner sees the site: on a 390x844 phone and a 1440x900 desktop, both editions.

Each test names the point of the issue it holds; the pages are the real
build (`site_dir`), served at `/` on 127.0.0.1.
"""

from __future__ import annotations


import pytest
from bs4 import BeautifulSoup

from partner_guide.tools.site import serving
from tests.support import REGISTRY, RequestLog, html_pages, new_context, page_url

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


def test_no_page_fetches_a_sitemap_or_logs_an_error_on_another_port(browser, site_dir, site_url, width):
    """The build's SITE_URL is one port; the same files served on another port must stay quiet."""
    with serving(site_dir) as other:
        assert other != site_url
        ctx = new_context(browser, other, **WIDTHS[width])
        page = ctx.new_page()
        problems = []
        for html in html_pages(site_dir):
            url = page_url(other, site_dir, html)
            log = RequestLog.attach(page, other)
            page.goto(url, wait_until="networkidle")
            log.detach(page)
            sitemaps = [r for r in log.requests if r.endswith("sitemap.xml")]
            if sitemaps or log.console_errors or log.page_errors:
                problems.append(f"{url}: sitemaps {sitemaps}, console {log.console_errors}, errors {log.page_errors}")
        ctx.close()
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
    hreflangs = page.evaluate("() => [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.hreflang)")
    assert sorted(hreflangs) == ["en", "zh"]
    page.close()


# --------------------------------------------------------------------------- diagrams


LABEL_SIZES = """() => [...document.querySelectorAll('.diagram')].map(frame => {
  const drawing = frame.querySelector('template.diagram__svg');
  const svg = drawing && new DOMParser().parseFromString(drawing.innerHTML, 'image/svg+xml').documentElement;
  const font = svg && (svg.querySelector('style').textContent.match(/font-size:([\\d.]+)px/) || [])[1];
  return {label: frame.getAttribute('aria-label').slice(0, 40), drawn: !!svg,
          viewBox: svg ? svg.viewBox.baseVal.width : 0, font: font ? +font : 0,
          box: frame.getBoundingClientRect().width};
})"""


def test_every_diagram_label_is_at_least_12px(context, site_dir, site_url):
    """Measured from the drawing's SVG source at the size of its box (the drawn SVG is in a closed shadow root)."""
    page = context.new_page()
    seen, small = 0, []
    for html in _pages(site_dir):
        if 'class="mermaid"' not in html.read_text(encoding="utf-8"):
            continue
        url = page_url(site_url, site_dir, html)
        page.goto(url, wait_until="load")
        for d in page.evaluate(LABEL_SIZES):
            seen += 1
            assert d["drawn"] and d["viewBox"] and d["font"], f"{url}: diagram without its drawing: {d}"
            px = d["font"] * d["box"] / d["viewBox"]
            if px < MIN_LABEL_PX:
                small.append(f"{url} {d['label']!r}: labels {px:.1f}px ({d['font']}px at {d['box']:.0f}/{d['viewBox']:.0f})")
    page.close()
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


PHONES = """() => [...document.querySelectorAll('a[href^="tel:"]')].map(a =>
  [a.textContent, a.getClientRects().length, getComputedStyle(a).whiteSpace])"""


@pytest.mark.parametrize("narrower", [0, 70])
def test_phone_numbers_never_break(browser, site_dir, site_url, width, narrower):
    """Also 70 px narrower than the phone (320 px), where 0755-86013388-75727 would break."""
    options = dict(WIDTHS[width])
    options["viewport"] = {**options["viewport"], "width": options["viewport"]["width"] - narrower}
    ctx = new_context(browser, site_url, **options)
    page = ctx.new_page()
    problems, seen = [], 0
    for html in _pages(site_dir):
        url = page_url(site_url, site_dir, html)
        page.goto(url, wait_until="load")
        for text, lines, white_space in page.evaluate(PHONES):
            seen += 1
            if lines != 1 or white_space != "nowrap":
                problems.append(f"{url}: {text!r} on {lines} lines (white-space: {white_space})")
    ctx.close()
    assert seen > len(_pages(site_dir)), "every page's contact block has the phone, and the agreement page"
    assert not problems, "\n".join(problems)


PERMALINK_LINES = """() => [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3')].flatMap(h => {
  const link = h.querySelector('.headerlink');
  if (!link) return [];
  const withLink = h.getBoundingClientRect().height;
  link.style.display = 'none';
  const without = h.getBoundingClientRect().height;
  link.style.display = '';
  return withLink > without + 1 ? [h.id] : [];
})"""


@pytest.mark.parametrize("extra_width", [0, -30])
def test_the_permalink_never_adds_a_line_under_a_heading(browser, site_dir, site_url, width, extra_width):
    options = dict(WIDTHS[width])
    options["viewport"] = {**options["viewport"], "width": options["viewport"]["width"] + extra_width}
    ctx = new_context(browser, site_url, **options)
    page = ctx.new_page()
    wrapped = []
    for html in _pages(site_dir):
        url = page_url(site_url, site_dir, html)
        page.goto(url, wait_until="load")
        wrapped += [f"{url}#{i}" for i in page.evaluate(PERMALINK_LINES)]
        # A phone widens its layout viewport to fit wider content: innerWidth grows too.
        wide = page.evaluate("() => Math.max(document.scrollingElement.scrollWidth, window.innerWidth)")
        assert wide <= options["viewport"]["width"] + 1, f"{url} is {wide}px wide: it pans sideways"
    ctx.close()
    assert not wrapped, wrapped


def test_the_site_name_fits_the_header(context, site_url):
    page = context.new_page()
    for path in ("", "en/"):
        page.goto(site_url + path, wait_until="load")
        box = page.evaluate("""() => { const e = document.querySelector('.md-header__topic:first-child .md-ellipsis');
            return {text: e.textContent.trim(), sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight}; }""")
        assert box["sw"] <= box["cw"] and box["sh"] <= box["ch"], f"/{path}: the site name is cut: {box}"
    page.close()


def test_tab_skips_the_closed_drawer_on_a_phone(browser, site_url):
    ctx = new_context(browser, site_url, **PHONE)
    page = ctx.new_page()
    for path in ("", "en/hot/rebate/"):
        page.goto(site_url + path, wait_until="load")
        visited = []
        for _ in range(20):
            page.keyboard.press("Tab")
            where = page.evaluate("() => { const a = document.activeElement; return [!!a.closest('.md-sidebar--primary'), !!a.closest('.md-content')]; }")
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


def test_every_page_offers_the_assistant_phone_and_address_in_its_language(context, site_dir, site_url):
    registry = REGISTRY
    mail = registry.mail
    page = context.new_page()
    for html in html_pages(site_dir):
        url = page_url(site_url, site_dir, html)
        page.goto(url, wait_until="load")
        block = page.locator(".partner-contact")
        text = block.inner_text()
        english = page.locator("html").get_attribute("lang") == "en"
        assert mail["address"] in text and mail["recipient"] in text, url
        assert mail["phone"] in text, url
        if english:
            assert f"({mail['address_en']})" in text and f"({mail['recipient_en']})" in text, url
        assert block.locator(f'a[href="{mail["tel"]}"]').count() == 1, url
        chat = block.locator('a[target="_blank"]')
        assert chat.count() == 1 and chat.get_attribute("href") == registry.assistant.url, url
        assert chat.locator("svg").count() == 1, f"{url}: no new-tab icon"
        name = chat.evaluate("a => a.textContent.replace(/\\s+/g, ' ')")
        assert ("new tab" in name) if english else ("新标签页" in name), f"{url}: {name!r}"
    page.close()


# --------------------------------------------------------------------------- 404 and theme strings


def test_the_single_error_document_speaks_the_edition_of_the_path(browser, site_dir, width):
    with serving(site_dir, error_document=True) as url:
        ctx = new_context(browser, url, **WIDTHS[width])
        page = ctx.new_page()
        for path, lang, heading in (("nope/", "zh", "找不到页面"), ("en/nope/", "en", "Page not found"),
                                    ("en/hot/nope/", "en", "Page not found")):
            log = RequestLog.attach(page, url)
            response = page.goto(url + path, wait_until="networkidle")
            log.detach(page)
            assert response.status == 404
            assert page.locator("html").get_attribute("lang") == lang
            assert heading in page.locator("h1").inner_text()
            assert not [r for r in log.requests if r.endswith("404.html")], "no round trip"
            # The 404 status itself is the one console line ("Failed to load resource").
            assert len(log.console_errors) <= 1 and not log.page_errors, (log.console_errors, log.page_errors)
        ctx.close()


def test_theme_strings_are_in_the_page_language(site_dir):
    for html in html_pages(site_dir):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one(".md-copyright").get_text(" ", strip=True)
        lang = soup.html.get("lang")
        assert ("Made with" in footer) == (lang == "en"), f"{html}: {footer!r}"
