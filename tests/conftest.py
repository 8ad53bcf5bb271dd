"""Shared fixtures: one real build, one loopback server, one Chromium per session.

- `site_dir`: the site built by `mkdocs build --strict` in a subprocess (the
  i18n plugin leaves a monkeypatch behind when an in-process build fails),
  into a world-readable temporary directory (linkchecker, run as root, drops
  to `nobody`). Never into `docs/` or the working `site/`.
- `site_url`: that directory served on 127.0.0.1 at `/` (language-switcher
  links are root-absolute), on a free port. The build's `SITE_URL` is that
  address, so canonical and hreflang links point at the served site too.
- `browser` / `page`: Debian's `/usr/bin/chromium` through Playwright's
  `executable_path`; never a downloaded browser. Without it the browser tests
  skip with the reason, unless `REQUIRE_BROWSER` or `CI` is set, then they fail.
- `RequestLog`: records every request, console error and page error of a page.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
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


def venv_tool(name: str) -> str:
    """A command of the project's .venv (or of PATH), or a failure saying how to get it."""
    local = MKDOCS.parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found: run `make install` (it creates .venv with the test extra)")
    return found


def _mkdocs() -> str:
    return venv_tool("mkdocs")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # linkchecker throttles every host to ~10 requests/s with random waits
        # (a 97-URL crawl took 15 s) unless the server sends this header.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


def world_readable_tmpdir(prefix: str) -> Path:
    """A fresh temporary directory that `nobody` can read (linkchecker runs as it)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)  # mkdtemp makes it 0700
    return path


@contextlib.contextmanager
def serving(root: Path):
    """Serve `root` at `/` on 127.0.0.1, on a free port, in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name=f"serve-{root.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class _Server:
    root: Path
    url: str


@pytest.fixture(scope="session")
def _server():
    """A loopback server bound before the build, so the build knows its URL."""
    parent = world_readable_tmpdir("partner-guide-")
    root = parent / "site"
    with serving(root) as url:
        yield _Server(root=root, url=url)
    shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(scope="session")
def site_dir(_server: _Server) -> Path:
    """The real site, built once per session with `--strict` in a subprocess."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "SITE_URL": _server.url,
    }
    # cwd is the repository: mkdocs.yml names some files relative to it.
    result = subprocess.run(
        [_mkdocs(), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(_server.root)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed (exit {result.returncode}):\n{output}"
    warnings = [line for line in output.splitlines() if WARNING_LINE.match(line)]
    assert not warnings, "mkdocs build logged warnings:\n" + "\n".join(warnings)
    assert (_server.root / "index.html").is_file(), f"no index.html in {_server.root}:\n{output}"
    return _server.root


@pytest.fixture(scope="session")
def site_url(site_dir: Path, _server: _Server) -> str:
    """The built site served at `/` on 127.0.0.1, e.g. `http://127.0.0.1:41234/`."""
    return _server.url


def html_pages(site_dir: Path) -> list[Path]:
    """Every page of the built site: each `index.html` and `404.html`, any language."""
    pages = sorted(
        p for p in site_dir.rglob("*.html")
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


def _browser_required() -> bool:
    return bool(os.environ.get("REQUIRE_BROWSER") or os.environ.get("CI"))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM}; apt-get install chromium"
        if _browser_required():
            pytest.fail(f"{reason} (browser tests are required: REQUIRE_BROWSER or CI is set)")
        pytest.skip(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - declared in the test extra
        pytest.fail(f"playwright is not installed ({error}): run `make install`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def context_options() -> dict:
    """Per-test browser context options; override in a module for e.g. a phone."""
    return {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}


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


@pytest.fixture
def page(browser, site_url, context_options):
    context = new_context(browser, site_url, **context_options)
    yield context.new_page()
    context.close()


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
            url for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != local
        ]


def pytest_collection_modifyitems(config, items):
    # Everything that uses the session build is slow-ish; mark it so
    # `-m "not slow"` gives the colleagues' fast rule tests alone.
    for item in items:
        if {"site_dir", "site_url"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)

