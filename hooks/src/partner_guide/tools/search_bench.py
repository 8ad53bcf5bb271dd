"""Search at scale, in Chromium, for `make bench`: a partner's phone on slow 4G.

`measure(site, query)` opens the built site's home page in Debian's Chromium
(Playwright), 390x844 with touch, on Lighthouse's slow 4G through CDP (page
and search worker; CDP's CPU throttling does not reach workers, so none is
applied to either size), served gzip-compressed from 127.0.0.1 as a CDN
would. The reader presses `/` as soon as the HTML is parsed and types the
query; for each of RUNS fresh browser contexts (no cache):

- `seconds`: from the key press that sends the query (End after filling the
  box: `fill()` alone sends nothing for CJK text) to the first result in the
  page, by the page's clock;
- `heap`: JS heap used after garbage collection, page plus search worker
  (CDP `Runtime.getHeapUsage` in each);
and once, on a page load where nobody opens search:
- `before`: the bytes of search data (`/search/` files) the server sent,
  and `worker`, those of the search worker's code.
Medians of the runs. `tools/bench.py` compares the largest synthetic site
with the smallest, built in the same run.
"""

from __future__ import annotations

import itertools
import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from .site import serving

if TYPE_CHECKING:  # imported where used: unavailable() says when Playwright is missing
    from playwright.sync_api import Browser, CDPSession, Page, ViewportSize

# A Chrome DevTools Protocol message or event, as parsed JSON (the protocol's schema, read by key).
CdpMessage = dict[str, Any]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]
RUNS = 3
# Lighthouse's slow 4G: 150 ms RTT x 3.75, 1.6 Mbit/s x 0.9 down, 750 kbit/s x 0.9 up (bytes/s).
SLOW_4G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
    "uploadThroughput": 750 * 1024 / 8 * 0.9,
}


class _Phone(TypedDict):
    """Browser.new_context's arguments for a phone."""

    viewport: ViewportSize
    is_mobile: bool
    has_touch: bool


PHONE: _Phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# The page's clock when the first result appears, once `start` is set.
FIRST_RESULT = """
window.__search = {};
new MutationObserver(() => {
  if (window.__search.start && !window.__search.first && document.querySelector('.md-search-result__item'))
    window.__search.first = performance.now();
}).observe(document, {subtree: true, childList: true});
"""


@dataclass(frozen=True)
class SearchFigures:
    seconds: float  # key press to first result (median)
    heap: int  # bytes, page + worker, after garbage collection (median)
    before: int  # bytes of search data sent on a page load without search
    worker: int  # bytes of the search worker's code on that page load


class _Workers:
    """The page's dedicated workers, through CDP's target messages (Playwright has no CDP session for them)."""

    def __init__(self, cdp: CDPSession) -> None:
        self.cdp, self.ids = cdp, itertools.count(1)
        self.sessions: list[str] = []
        self.replies: dict[int, CdpMessage] = {}
        cdp.on(
            "Target.attachedToTarget",
            lambda e: self.sessions.append(e["sessionId"]) if e["targetInfo"]["type"] == "worker" else None,
        )
        cdp.on("Target.receivedMessageFromTarget", self._reply)
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})

    def _reply(self, event: CdpMessage) -> None:
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[message["id"]] = message

    def send(self, page: Page, session: str, method: str, params: CdpMessage | None = None) -> CdpMessage:
        call = next(self.ids)
        message = json.dumps({"id": call, "method": method, "params": params or {}})
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": message})
        deadline = time.monotonic() + 10
        while call not in self.replies and time.monotonic() < deadline:
            page.wait_for_timeout(20)
        result: CdpMessage = self.replies.pop(call, {}).get("result", {})
        return result

    def throttle(self, page: Page) -> None:
        for session in self.sessions:
            self.send(page, session, "Network.enable")
            self.send(page, session, "Network.emulateNetworkConditions", SLOW_4G)

    def heap(self, page: Page) -> int:
        used = 0
        for session in self.sessions:
            self.send(page, session, "HeapProfiler.collectGarbage")
            used += self.send(page, session, "Runtime.getHeapUsage").get("usedSize", 0)
        return used


def _query(browser: Browser, url: str, query: str) -> tuple[float, int]:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.add_init_script(FIRST_RESULT)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        workers = _Workers(cdp)
        page.goto(url, wait_until="domcontentloaded")
        workers.throttle(page)
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        box.fill(query)
        page.evaluate("() => { window.__search.start = performance.now(); }")
        box.press("End")
        page.wait_for_function("() => window.__search.first", timeout=120_000, polling=20)
        seconds = page.evaluate("() => window.__search.first - window.__search.start") / 1000
        page.wait_for_timeout(300)
        cdp.send("HeapProfiler.collectGarbage")
        return seconds, cdp.send("Runtime.getHeapUsage")["usedSize"] + workers.heap(page)
    finally:
        context.close()


def _before_search(browser: Browser, url: str, sent: list[tuple[str, int]]) -> tuple[int, int]:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        sent.clear()
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        return (
            sum(size for path, size in sent if "/search/" in path),
            sum(size for path, size in sent if "/workers/" in path),
        )
    finally:
        context.close()


def measure(site: Path, query: str, runs: int = RUNS) -> SearchFigures:
    from playwright.sync_api import sync_playwright

    sent: list[tuple[str, int]] = []
    with sync_playwright() as playwright, serving(site, compress=True, sent=sent) as url:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            samples = [_query(browser, url, query) for _ in range(runs)]
            before, worker = _before_search(browser, url, sent)
        finally:
            browser.close()
    return SearchFigures(
        statistics.median(s for s, _ in samples), int(statistics.median(h for _, h in samples)), before, worker
    )


def unavailable() -> str | None:
    """Why search cannot be measured on this machine, or None."""
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (make install)"
    return None
