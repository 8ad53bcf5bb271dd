"""One visit per page and viewport, recording everything the browser tests assert on (conftest.py: `visits`).

`sweep()` loads every built page (each `index.html` and `404.html`) once in
Chromium at one viewport, from `mirror_url` (the same files on another port
than the build's SITE_URL), and then the error document at three missing
paths. During each visit it records:

- every request, console error, uncaught error and HTTP error (`RequestLog`),
  and every Content-Security-Policy violation, from the page's load through
  the whole visit until the network is idle (500 ms without a request);
- the Mermaid diagrams as drawn: Material renders each into a *closed*
  shadow root; an init script keeps a reference to each root (mode
  unchanged, so axe sees the page as a reader's browser has it) for
  `__shadowOf(host)`;
- layout at the viewport's width and at narrower ones (`WIDTHS`), by resizing
  the same tab: the page's width and its widest elements, headings that the
  permalink wraps, phone numbers' lines, the site name's box, the contact
  link's box, each diagram frame and its labels' size;
- the contact block and the edit link as a reader finds them;
- axe-core with every rule it has (`axe.getRules()`: best practices,
  experimental, AAA and deprecated rules included), once in the light scheme
  and once more after switching the emulated color scheme to dark (Material
  follows it: the page is then `slate`). axe is evaluated through the
  DevTools protocol, which the page's policy does not govern, after the
  violations were read.

Everything is plain data (it is pickled and shared between xdist workers).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError

from tests.support import ROOT, RequestLog, html_pages, new_context

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
        "locale": "zh-CN",
    },
    "desktop": {"viewport": {"width": 1440, "height": 900}, "locale": "zh-CN"},
}
# Widths measured in each visit, the viewport's own first: a small phone (360) and an old one (320);
# a desktop window a little narrower (a heading that just fits, a number that just fits).
WIDTHS = {"phone": (390, 360, 320), "desktop": (1440, 1410, 1370)}
ERROR_PATHS = ("nope/", "en/nope/", "en/hot/nope/")

INIT = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
(() => {
  const attach = Element.prototype.attachShadow, roots = new WeakMap();
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
  window.__shadowOf = host => roots.get(host) || host.shadowRoot;
})();
"""
RENDERED = """() => document.querySelectorAll('pre.mermaid').length === 0
  && document.querySelectorAll('div.mermaid').length > 0
  && [...document.querySelectorAll('div.mermaid')].every(h => __shadowOf(h) && __shadowOf(h).querySelector('svg'))"""
# Every running transition or animation settled first (two frames, so that one just triggered counts):
# measurements and axe see colours and boxes as they end up (Material fades things in).
SETTLED = """async () => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .map(a => a.finished.catch(() => null)));
}"""
DRAWN = """() => [...document.querySelectorAll('div.mermaid')].map(host => {
  const svg = __shadowOf(host).querySelector('svg').cloneNode(true);
  svg.querySelectorAll('style').forEach(s => s.remove());
  return {text: svg.textContent, errors: svg.querySelectorAll('.error-icon, .error-text').length};
})"""
PAGE = """() => {
  const contact = document.querySelector('.partner-contact');
  const chats = contact ? [...contact.querySelectorAll('a[target="_blank"]')] : [];
  return {
    lang: document.documentElement.lang,
    scheme: document.body.getAttribute('data-md-color-scheme'),
    h1: (document.querySelector('h1') || {}).innerText || '',
    edit_links: [...document.querySelectorAll('a[rel="edit"]')].map(a => a.getAttribute('title')),
    contact: contact && {
      text: contact.innerText,
      tel: [...contact.querySelectorAll('a[href^="tel:"]')].map(a => a.getAttribute('href')),
      chats: chats.map(a => ({
        href: a.href, icons: a.querySelectorAll('svg').length,
        name: a.textContent.replace(/\\s+/g, ' '),
        // Its own words, without the "opens in a new tab" said only to screen readers.
        words: [...a.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim(),
      })),
    },
  };
}"""
LAYOUT = """width => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.width, r.height]; };
  const wide = e => e.getBoundingClientRect().width > width + 1;
  const doc = document.scrollingElement;
  // A phone widens its layout viewport to fit wider content: innerWidth grows too.
  const pageWidth = Math.max(doc.scrollWidth, window.innerWidth);
  const name = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  const wrapped = [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3')].flatMap(h => {
    const link = h.querySelector('.headerlink');
    if (!link) return [];
    const withLink = h.getBoundingClientRect().height;
    link.style.display = 'none';
    const without = h.getBoundingClientRect().height;
    link.style.display = '';
    return withLink > without + 1 ? [h.id] : [];
  });
  const frames = [...document.querySelectorAll('.diagram')].map(frame => {
    const drawing = frame.querySelector('template.diagram__svg');
    const svg = drawing && new DOMParser().parseFromString(drawing.innerHTML, 'image/svg+xml').documentElement;
    const font = svg && (svg.querySelector('style').textContent.match(/font-size:([\\d.]+)px/) || [])[1];
    const host = frame.querySelector('div.mermaid');
    return {label: (frame.getAttribute('aria-label') || '').slice(0, 40), drawn: !!svg,
            viewBox: svg ? svg.viewBox.baseVal.width : 0, font: font ? +font : 0,
            frame: box(frame), host: host ? box(host) : null};
  });
  const chat = document.querySelector('.partner-contact a[target="_blank"]');
  if (chat) chat.scrollIntoView({block: 'center'});
  const result = {
    page_width: pageWidth,
    widest: pageWidth > width + 1 ? [...document.querySelectorAll('body *')]
      .filter(e => wide(e) && ![...e.children].some(wide)).slice(0, 5)
      .map(e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join('')) : [],
    wrapped,
    phones: [...document.querySelectorAll('a[href^="tel:"]')].map(a =>
      [a.textContent, a.getClientRects().length, getComputedStyle(a).whiteSpace]),
    site_name: name && {text: name.textContent.trim(), sw: name.scrollWidth, cw: name.clientWidth,
                        sh: name.scrollHeight, ch: name.clientHeight},
    chat: chat ? box(chat) : null,
    frames,
  };
  window.scrollTo(0, 0);
  return result;
}"""
AXE_RUN = """async () => (await axe.run(document, {
    runOnly: {type: 'rule', values: axe.getRules().map(r => r.ruleId)}, resultTypes: ['violations']})
  ).violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))"""


@dataclass
class PageVisit:
    """What one page did and looked like during its one visit at one viewport."""

    url: str
    path: str  # served path: '', 'hot/rebate/', '404.html', or a missing path for the error document
    status: int
    diagram: bool  # the built HTML holds a Mermaid diagram
    requests: list[str]
    third_party: list[str]
    console_errors: list[str]
    page_errors: list[str]
    bad_responses: list[str]
    csp_violations: list[str]
    lang: str
    h1: str
    edit_links: list[str]
    contact: dict[str, Any] | None
    render_error: str = ""  # why the diagrams were not drawn, if they were not
    drawn: list[dict[str, Any]] = field(default_factory=list)  # each diagram's SVG text and error graphics
    layout: dict[int, dict[str, Any]] = field(default_factory=dict)  # width -> LAYOUT's measurements
    schemes: dict[str, str] = field(default_factory=dict)  # 'light'/'dark' -> Material's data-md-color-scheme
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # 'light'/'dark' -> violations


@dataclass
class Sweep:
    """Every page of the site (and the error document) as visited once at one viewport."""

    viewport: str
    url: str  # where the pages were loaded from (not the build's SITE_URL)
    widths: tuple[int, ...]
    pages: list[PageVisit]
    errors: list[PageVisit]  # the error document at ERROR_PATHS

    def diagram_pages(self) -> list[PageVisit]:
        return [visit for visit in self.pages if visit.diagram]


def _settle(page: Any) -> None:
    page.evaluate(SETTLED)


def _axe(page: Any, axe_source: str) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """axe with every rule, light then dark (Material follows the emulated scheme), then light again:
    the violations and Material's scheme, by emulated scheme."""
    page.evaluate(axe_source)
    found, schemes = {}, {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function(
            "s => document.body.getAttribute('data-md-color-scheme') === s",
            arg="slate" if scheme == "dark" else "default",
            timeout=5_000,
        )
        _settle(page)
        schemes[scheme] = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        found[scheme] = page.evaluate(AXE_RUN)
    page.emulate_media(color_scheme="light")
    return found, schemes


def _visit(
    page: Any, base: str, path: str, diagram: bool, widths: tuple[int, ...], height: int, axe_source: str
) -> PageVisit:
    url = base + path
    log = RequestLog.attach(page, base)
    response = page.goto(url, wait_until="load")
    render_error = ""
    if diagram:  # measured with the diagrams drawn, as a reader sees the page
        try:
            page.wait_for_function(RENDERED, timeout=20_000)
        except PlaywrightError as error:
            render_error = f"diagrams not drawn: {error.message.splitlines()[0]}"
    _settle(page)
    facts = page.evaluate(PAGE)
    drawn = page.evaluate(DRAWN) if diagram and not render_error else []
    layout = {}
    for width in widths:
        page.set_viewport_size({"width": width, "height": height})
        _settle(page)
        layout[width] = page.evaluate(LAYOUT, width)
    if widths[1:]:
        page.set_viewport_size({"width": widths[0], "height": height})
        _settle(page)
    axe, schemes = _axe(page, axe_source)
    # Everything the page asked for and said from its load on, once the network has been quiet for 500 ms
    # (by now, it mostly has been: this waits less than right after the load would).
    page.wait_for_load_state("networkidle")
    log.detach(page)
    return PageVisit(
        url=url,
        path=path,
        status=response.status if response else 0,
        diagram=diagram,
        requests=list(log.requests),
        third_party=log.third_party(),
        console_errors=list(log.console_errors),
        page_errors=list(log.page_errors),
        bad_responses=list(log.bad_responses),
        csp_violations=page.evaluate("window.__violations"),
        lang=facts["lang"],
        h1=facts["h1"],
        edit_links=facts["edit_links"],
        contact=facts["contact"],
        render_error=render_error,
        drawn=drawn,
        layout=layout,
        schemes=schemes,
        axe=axe,
    )


def served_path(site_dir: Path, html: Path) -> str:
    return html.relative_to(site_dir).as_posix().removesuffix("index.html")


def has_diagram(html: Path) -> bool:
    return bool(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select(".mermaid"))


class Visitor:
    """Visits pages in this process's Chromium, one tab per viewport and server, each with INIT installed."""

    def __init__(self, browser: Any, site_dir: Path, url: str, error_url: str) -> None:
        if not AXE.exists():
            raise AssertionError(f"{AXE} missing: run `npm ci` (make test does)")
        self.browser, self.site_dir, self.url, self.error_url = browser, site_dir, url, error_url
        self.axe_source = AXE.read_text(encoding="utf-8")
        self.tabs: dict[tuple[str, str], Any] = {}

    def tab(self, viewport: str, base: str) -> Any:
        if (viewport, base) not in self.tabs:
            context = new_context(self.browser, base, **VIEWPORTS[viewport])
            context.add_init_script(INIT)
            self.tabs[viewport, base] = context.new_page()
        return self.tabs[viewport, base]

    def page(self, viewport: str, path: str) -> PageVisit:
        """A built page (`path` as served: '', 'hot/rebate/', '404.html')."""
        html = self.site_dir / (path if path.endswith(".html") else path + "index.html")
        options = VIEWPORTS[viewport]
        return _visit(
            self.tab(viewport, self.url),
            self.url,
            path,
            has_diagram(html),
            WIDTHS[viewport],
            options["viewport"]["height"],
            self.axe_source,
        )

    def error(self, viewport: str, path: str) -> PageVisit:
        """The error document, answering a missing `path`."""
        height = VIEWPORTS[viewport]["viewport"]["height"]
        return _visit(
            self.tab(viewport, self.error_url),
            self.error_url,
            path,
            False,
            WIDTHS[viewport][:1],
            height,
            self.axe_source,
        )

    def close(self) -> None:
        for tab in self.tabs.values():
            tab.context.close()
        self.tabs.clear()


def sweep(visitor: Visitor, viewport: str, share: Callable[[list[str], Callable[[str], Any]], dict[str, Any]]) -> Sweep:
    """Every page of the site, then the error document, at `viewport`: each visited once per run.

    `share(names, compute)` gives each name's `compute(name)`, computed once per run and split among the
    processes asking at the same time (conftest.py: `Run.share`).
    """
    paths = [served_path(visitor.site_dir, html) for html in html_pages(visitor.site_dir)]
    names = {f"visit-{viewport}-page-{path}": ("page", path) for path in paths}
    names |= {f"visit-{viewport}-error-{path}": ("error", path) for path in ERROR_PATHS}

    def visit(name: str) -> PageVisit:
        kind, path = names[name]
        return visitor.page(viewport, path) if kind == "page" else visitor.error(viewport, path)

    done = share(list(names), visit)
    return Sweep(
        viewport,
        visitor.url,
        WIDTHS[viewport],
        [done[n] for n, (kind, _) in names.items() if kind == "page"],
        [done[n] for n, (kind, _) in names.items() if kind == "error"],
    )


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
