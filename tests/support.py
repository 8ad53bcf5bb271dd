"""What the tests share: paths, tools, page helpers, the request log, fixture expectations.

Fixtures (the one session build, the server, Chromium) are in conftest.py;
everything importable is here: `from tests.support import ROOT, html_pages`.

A bad check fixture (tests/unit/checks/fixtures/<area>/bad_*.md) opens with
an HTML comment listing its expected findings, one `line:col RULE-ID` a line:

    <!--
    expect:
    7:4 LINK-ROUTE
    -->
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from partner_guide import REPO_ROOT as ROOT
from partner_guide.checks.findings import Finding
from partner_guide.registry import load_registry
from partner_guide.tools.site import venv_command

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
# A MkDocs log line at WARNING level, e.g. "WARNING -  Doc file ... ".
WARNING_LINE = re.compile(r"^\s*WARNING\b", re.MULTILINE)
FIXTURES = Path(__file__).resolve().parent / "unit" / "checks" / "fixtures"
EXPECT_RE = re.compile(r"^(\d+):(\d+) ([A-Z][A-Z0-9-]+)$")  # `line:col RULE-ID`
COMMENT_RE = re.compile(r"\A<!--(.*?)-->", re.S)  # the expectation comment at the top
REGISTRY = load_registry()
# The Baidu verification code conftest.py's `deployment_build` is built with.
BAIDU_VERIFICATION = "codeva-Test123"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition, what: str, timeout: float) -> None:
    """Poll `condition()` every 0.2 s until it holds; after `timeout` seconds, fail naming `what`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@functools.cache
def mkdocs_config():
    """mkdocs.yml, loaded and validated by MkDocs (plugins and hooks loaded, nothing built)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def render_markdown(text: str, lang: str = "zh") -> str:
    """`text` rendered as a page of the site is (mkdocs.yml's Markdown extensions and their settings)."""
    import markdown
    from partner_guide.compat.mkdocs_markdown import EXTENSION

    config = mkdocs_config()
    configs = {**config["mdx_configs"], EXTENSION: {**config["mdx_configs"].get(EXTENSION, {}), "lang": lang}}
    return markdown.markdown(text, extensions=config["markdown_extensions"], extension_configs=configs)


def hook(name: str):
    """The hook entry module `hooks/<name>.py`, as MkDocs loaded it from mkdocs.yml."""
    return mkdocs_config().hooks[f"hooks/{name}.py"]


def venv_tool(name: str) -> str:
    """A command of the project's .venv (or of PATH), or a failure saying how to get it."""
    found = venv_command(name)
    if not Path(found).exists() and not os.path.isabs(found):
        pytest.fail(f"{name} not found: run `make install` (it creates .venv with the test extra)")
    return found


def world_readable_tmpdir(prefix: str) -> Path:
    """A fresh temporary directory that `nobody` can read (linkchecker runs as it)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)  # mkdtemp makes it 0700
    return path


def run_in_copy(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`command` in a copy of the repository, as CI runs it: GITHUB_ACTIONS=true, no SITE_URL.

    Every make in the copy (also the one pre-commit runs) uses this test's
    environment and never installs: an install from the copy would point the
    shared editable install at the copy.
    """
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS", "MAKELEVEL")}
    environ.update(
        GITHUB_ACTIONS="true",
        NO_MKDOCS_2_WARNING="1",
        PYTHONDONTWRITEBYTECODE="1",
        MAKEFLAGS=f"STAMP= VENV={Path(sys.executable).parent.parent}",
        **env,
    )
    return subprocess.run(command, cwd=cwd, env=environ, capture_output=True, text=True, timeout=300)


def browser_required() -> bool:
    return bool(os.environ.get("REQUIRE_BROWSER") or os.environ.get("CI"))


# --------------------------------------------------------------------------- a pull request with findings

# What conftest.py's `broken_repository` appends to pages of a copy of the repository, one paragraph each.
BROKEN_PAGES = {
    "docs/hot/refund.md": "[公告](https://console.qcloud.com/partners/announce)",  # LINK-LEGACY-HOST
    "docs/hot/rebate.en.md": "<script>alert(1)</script>",  # SAFE-TAG
    # LINK-ROUTE
    "docs/hot/rebate.md": "请在 [合同下载](https://console.cloud.tencent.com/partners/contrat) 下载协议。",
}
MISSING_TRANSLATION = "docs/hot/binding.en.md"  # and removes this page's translation
# What a copy of the repository leaves out: git, and everything installed or built.
NOT_COPIED = ("site", "node_modules", ".pytest_cache", "__pycache__", ".hypothesis", "lighthouse")
SITE_FILES = ("mkdocs.yml", "docs", "hooks", "overrides")


def tree_digest(root: Path, names: tuple[str, ...] = SITE_FILES) -> dict[str, str]:
    """Every file of the site's sources under `root`, with its content's hash: proof that nothing was written."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for name in names
        for path in sorted((root / name).rglob("*") if (root / name).is_dir() else [root / name])
        if path.is_file()
    }


# --------------------------------------------------------------------------- built pages


def html_pages(site_dir: Path) -> list[Path]:
    """Every page of the built site: each `index.html` and `404.html`, any language."""
    pages = sorted(
        p
        for p in site_dir.rglob("*.html")
        if p.name in ("index.html", "404.html") and "assets" not in p.relative_to(site_dir).parts
    )
    assert pages, f"no HTML pages under {site_dir}"
    return pages


def page_url(site_url: str, site_dir: Path, html: Path) -> str:
    """The served URL of a built HTML file (directory URL for `index.html`)."""
    rel = html.relative_to(site_dir).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return site_url + rel


def is_chinese_page(site_dir: Path, html: Path) -> bool:
    """Chinese pages live at the root; other editions under a language folder like `en/`."""
    first = html.relative_to(site_dir).parts[0]
    return not re.fullmatch(r"[a-z]{2}(?:[-_][A-Za-z]{2,4})?", first)


# --------------------------------------------------------------------------- browser


def keep_on_loopback(context, site_url: str) -> None:
    """Abort any request that would leave the test server (tests use no network).

    The request is still emitted first, so `RequestLog` records it.
    """
    local = urlsplit(site_url).netloc

    def leaves(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != local

    context.route(leaves, lambda route: route.abort("blockedbyclient"))


def new_context(browser, site_url: str, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    keep_on_loopback(context, site_url)
    return context


@dataclass
class RequestLog:
    """Every request a page makes, plus its console errors, uncaught errors and HTTP errors."""

    site_url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    _handlers: dict = field(default_factory=dict, repr=False)

    @classmethod
    def attach(cls, page, site_url: str) -> RequestLog:
        log = cls(site_url=site_url)

        def on_console(message):
            if message.type == "error":
                log.console_errors.append(f"{message.text} @ {message.location.get('url', '')}")

        def on_response(response):
            if response.status >= 400:
                log.bad_responses.append(f"{response.status} {response.url}")

        log._handlers = {
            "request": lambda request: log.requests.append(request.url),
            "console": on_console,
            "pageerror": lambda error: log.page_errors.append(str(error)),
            "response": on_response,
        }
        for event, handler in log._handlers.items():
            page.on(event, handler)
        return log

    def detach(self, page) -> None:
        for event, handler in self._handlers.items():
            page.remove_listener(event, handler)

    def third_party(self) -> list[str]:
        """Requests that leave the served site (data:/blob: URLs stay in the page)."""
        local = urlsplit(self.site_url).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != local
        ]


# --------------------------------------------------------------------------- check fixtures


def fixtures(area: str, prefix: str) -> list[Path]:
    return sorted((FIXTURES / area).glob(f"{prefix}_*.md"))


def table(name: str, *keys: str) -> list[tuple]:
    """The rows of a YAML list of mappings in the check fixtures (`links/x.yml`), as tuples of `keys`."""
    rows = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    assert rows and all(set(row) == set(keys) for row in rows), f"{name}: every row has exactly {keys}"
    return [tuple(row[key] for key in keys) for row in rows]


def expected(path: Path) -> set[tuple[int, int, str]]:
    comment = COMMENT_RE.match(path.read_text(encoding="utf-8"))
    assert comment, f"{path.name} must open with an <!-- expect: … --> comment"
    found = set()
    for line in comment.group(1).splitlines():
        match = EXPECT_RE.match(line.strip())
        if match:
            found.add((int(match.group(1)), int(match.group(2)), match.group(3)))
    assert found, f"{path.name} lists no expected finding"
    return found


def positions(findings: list[Finding]) -> set[tuple[int, int, str]]:
    return {(f.line, f.col, f.rule) for f in findings}


def fixture_path(path: Path) -> str:
    """A fixture's path as findings name it (relative to the repository)."""
    return path.relative_to(ROOT).as_posix()


def run(check, path: Path) -> list[Finding]:
    return check(path.read_text(encoding="utf-8"), fixture_path(path), REGISTRY)


# The rules of each area of the check fixtures, by rule-id prefix.
AREAS = {
    "links": ("LINK-",),
    "safety": ("SAFE-", "HTML-"),
    "admonitions": ("ADM-",),
    "diagrams": ("DIA-",),
    "hygiene": ("HYG-",),
}


def page_findings(text: str, path: str = "docs/hot/rebate.md", registry=None) -> list[Finding]:
    """Every finding of one page as `make check` and the build give it: the source rules, then the page
    rendered with plain Python-Markdown and mkdocs.yml's extensions (the page extension runs the rest)."""
    from partner_guide.checks.rendered import render_page
    from partner_guide.checks.ruleset import run_checks
    from partner_guide.compat.mkdocs_build import markdown_config

    registry = registry or REGISTRY
    rendered = render_page(text, path, registry, markdown_config(ROOT / "mkdocs.yml"))
    return run_checks(text, path, registry) + rendered.findings


def area_findings(area: str, text: str, path: str = "docs/hot/rebate.md", registry=None) -> list[Finding]:
    """The findings of one area's rules (AREAS) on a page."""
    return [f for f in page_findings(text, path, registry) if f.rule.startswith(AREAS[area])]


def ids(paths: list[Path]) -> list[str]:
    return [path.stem for path in paths]


def run_page_checks(path: Path) -> list[Finding]:
    """The findings of the five areas of the first version (other rules, such as meta descriptions, have
    their own fixtures)."""
    prefixes = tuple(prefix for area in AREAS.values() for prefix in area)
    found = page_findings(path.read_text(encoding="utf-8"), fixture_path(path))
    return [f for f in found if f.rule.startswith(prefixes)]


# --------------------------------------------------------------------------- search


@dataclass(frozen=True)
class SearchResult:
    """One link of Material's search results, as a reader sees it."""

    path: str  # e.g. /hot/rebate/
    anchor: str  # the question's id, "" for the page itself
    h: str  # the ?h= words Material highlights on the page opened ("" when none)
    title: str
    text: str  # the snippet shown under the title
    html: str  # the same, with its <mark>s
    shown: bool  # False when folded under "N more on this page"
    group: int  # which result (page) it belongs to, best first


# Every result link: Material renders the page (h1) and its questions (h2),
# each with the text the worker sent; folded ones sit inside <details>.
_RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__item')].flatMap((item, group) =>
  [...item.querySelectorAll('a.md-search-result__link')].map(a => {
    const body = a.querySelector('article').cloneNode(true)
    body.querySelectorAll('h1, h2, .md-search-result__icon, .md-search-result__terms, nav').forEach(e => e.remove())
    return {href: a.href, title: (a.querySelector('h1, h2') || {}).textContent || '',
            text: body.textContent.trim(), html: body.innerHTML.trim(), shown: !a.closest('details'), group}
  }))"""
_DONE_JS = "() => /\\d|没有|No matching/.test(document.querySelector('.md-search-result__meta').textContent)"


def search_results(page, query: str) -> list[SearchResult]:
    """Type `query` into Material's search on the open page; its results once they stop changing.

    `fill()` alone does not fire the keyup Material listens for with CJK text,
    so an End key press follows it.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function(_DONE_JS, timeout=20_000)
    previous, deadline = None, time.monotonic() + 5
    while time.monotonic() < deadline:
        found = page.evaluate(_RESULTS_JS)
        if found == previous:
            break
        previous = found
        page.wait_for_timeout(300)
    results = []
    for link in previous or []:
        parts = urlsplit(link["href"])
        h = dict(parse_qsl(parts.query)).get("h", "")
        results.append(
            SearchResult(
                parts.path, parts.fragment, h, link["title"], link["text"], link["html"], link["shown"], link["group"]
            )
        )
    return results


_EMPTY_JS = "() => !/\\d|没有|No matching/.test(document.querySelector('.md-search-result__meta').textContent)"


class SearchTabs:
    """One open tab per edition's home page, searched query after query (conftest.py: `search_tabs`).

    Loading a page and its search index for every query cost most of a search test's time; the results of a
    query do not depend on the queries typed before it in the same tab: the box is emptied first, and the
    results read only once Material shows the new query's count (`search_results`).
    """

    def __init__(self, browser, site_url: str) -> None:
        self.browser, self.site_url = browser, site_url
        self.tabs: dict[str, object] = {}

    def tab(self, home: str):
        """The open tab of `home` ('' or 'en/'), loaded on first use."""
        if home not in self.tabs:
            context = new_context(self.browser, self.site_url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page = context.new_page()
            page.goto(self.site_url + home, wait_until="load")
            self.tabs[home] = page
        return self.tabs[home]

    def search(self, home: str, query: str) -> list[SearchResult]:
        """`query` typed into the emptied search box of `home`'s tab; its results, as `search_results` reads them."""
        page = self.tab(home)
        box = page.locator("input.md-search__input")
        if box.input_value():
            box.fill("")
            box.press("End")
            page.wait_for_function(_EMPTY_JS, timeout=10_000)
        return search_results(page, query)

    def close(self) -> None:
        for page in self.tabs.values():
            page.context.close()
        self.tabs.clear()


def result_pages(results: list[SearchResult], n: int = 3) -> list[str]:
    """The first `n` distinct pages of the results."""
    pages: list[str] = []
    for result in results:
        if result.path not in pages:
            pages.append(result.path)
    return pages[:n]


def _area(area: str):
    def check(text: str, path: str = "docs/x.md", registry=None) -> list[Finding]:
        return area_findings(area, text, path, registry)

    check.__name__ = f"check_{area}"
    return check


# Each area's rules on one page (rendered as make check and the build render it).
check_links, check_safety, check_admonitions, check_diagrams, check_hygiene = (
    _area(area) for area in ("links", "safety", "admonitions", "diagrams", "hygiene")
)


def page_model(text: str, path: str = "docs/x.md", registry=None):
    """The facts of one rendered page that the rules across pages compare (checks/tree.py `PageModel`)."""
    from partner_guide.checks.rendered import render_page
    from partner_guide.compat.mkdocs_build import markdown_config

    return render_page(text, path, registry or REGISTRY, markdown_config(ROOT / "mkdocs.yml")).model


def page_models(pages: dict[str, str]) -> dict:
    return {path: page_model(text, path) for path, text in pages.items()}


def diagram_shapes(text: str) -> list:
    """Each diagram of a page as the page renders it: nodes, labels and edges."""
    return [diagram for _, diagram in page_model(text).diagrams]
