"""Session fixtures: one real build, one loopback server, one Chromium.

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

Helpers to import (paths, page lists, the request log) are in tests/support.py.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from partner_guide.tools.site import build_site, serving
from tests.adversarial import tree_digest, write_site
from tests.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    WARNING_LINE,
    browser_required,
    new_context,
    world_readable_tmpdir,
)


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
    result = build_site(_server.root, _server.url, timeout=300)
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


@dataclass
class AdversarialBuild:
    """The adversarial corpus (tests/adversarial.py) built in a copy of the site, served at `url`."""

    source: Path  # the copy: mkdocs.yml, hooks/, overrides/, docs/ with every case
    out: Path
    url: str
    result: subprocess.CompletedProcess[str]
    docs_before: dict[str, str]
    docs_after: dict[str, str]


PAGE_EXTENSION = "  - partner_guide.markdown.page\n"


def _adversarial_build(sanitize: bool = True):
    parent = world_readable_tmpdir("partner-guide-adversarial-")
    source = parent / "source"
    source.mkdir()
    write_site(source, ROOT)
    if not sanitize:  # this test's own configuration: the page extension without its sanitizer step
        config = (source / "mkdocs.yml").read_text(encoding="utf-8")
        assert PAGE_EXTENSION in config
        unsanitized = PAGE_EXTENSION.rstrip("\n") + ":\n      sanitize: false\n"
        (source / "mkdocs.yml").write_text(config.replace(PAGE_EXTENSION, unsanitized), encoding="utf-8")
    out = parent / "site"
    with serving(out) as url:
        before = tree_digest(source / "docs")
        result = build_site(out, url, config=source / "mkdocs.yml", cwd=source, timeout=600)
        yield AdversarialBuild(source, out, url, result, before, tree_digest(source / "docs"))
    shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(scope="session")
def adversarial_build():
    """Every page case in one strict build (it fails: the cases are findings), served on 127.0.0.1."""
    yield from _adversarial_build()


@pytest.fixture(scope="session")
def unsanitized_build():
    """The same corpus built by a configuration of its own without the sanitizer step (`sanitize: false` for the
    page extension in the copy's mkdocs.yml): what the Content-Security-Policy alone must stop."""
    yield from _adversarial_build(sanitize=False)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM}; apt-get install chromium"
        if browser_required():
            pytest.fail(f"{reason} (browser tests are required: REQUIRE_BROWSER or CI is set)")
        pytest.skip(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - declared in the test extra
        pytest.fail(f"playwright is not installed ({error}): run `make install`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context_options() -> dict:
    """Per-test browser context options; override in a module for e.g. a phone."""
    return {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}


@pytest.fixture
def page(browser, site_url, context_options):
    context = new_context(browser, site_url, **context_options)
    yield context.new_page()
    context.close()


def pytest_collection_modifyitems(config, items):
    # Everything that uses the session build is slow-ish; mark it so
    # `-m "not slow"` gives the fast unit tests alone.
    for item in items:
        if {"site_dir", "site_url", "adversarial_build", "unsanitized_build"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
