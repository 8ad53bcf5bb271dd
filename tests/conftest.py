"""Session fixtures: each site configuration built once per run, loopback servers, Chromium, one visit per page.

`make test` runs `pytest -n auto --dist loadscope --no-loadscope-reorder`
(pytest-xdist: each module goes whole to one worker, in collection order, the
Lighthouse module first). Every worker is a process with its own session, so
what is expensive is computed once per *run* and shared on disk:
`Run.once(name, compute)` runs `compute()` under a file lock in the run
directory and pickles its result there, and every other process reads it;
`Run.share(names, compute)` splits a list of such results (the page visits)
among the processes that ask at the same time. The controller (or the only
process, without xdist) makes that directory and serves it on 127.0.0.1
before any worker starts, so the servers outlive any one worker.

Fixtures to reuse (new tests: take these, do not build or sweep again):

- `site_dir`: the real site, built once per run by `mkdocs build --strict` in a
  subprocess (the i18n plugin leaves a monkeypatch behind when an in-process
  build fails), into a world-readable folder (linkchecker, run as root, drops
  to `nobody`). Never into `docs/` or the working `site/`.
- `site_url`: that folder served at `/` (language-switcher links are
  root-absolute); the build's `SITE_URL`, so canonical and hreflang links
  point at it. `mirror_url`: the same files on another port (what the page
  visits load: nothing may depend on being served at SITE_URL).
  `error_document_url`: the same files served as a static host does, a
  missing path answered with the root 404.html and status 404.
- `adversarial_build` / `unsanitized_build`: the adversarial corpus
  (tests/adversarial.py) built in a copy of the site, with and without the
  sanitizer, each served at `.url`.
- `deployment_build`: the repository copied without `.git` (an unzipped
  download) and built strictly with `BAIDU_SITE_VERIFICATION` set: the
  settings a deployment adds, in one build.
- `broken_repository`: a copy of the repository whose pages have a pull
  request's findings (tests/support.py: BROKEN_PAGES, MISSING_TRANSLATION),
  built with `make build` as CI runs it (GITHUB_ACTIONS=true).
- `run`: the `Run` (its folder, its servers' URLs, `once()`), for a build or
  result of your own that several tests or workers share.
- `browser` / `page` / `context_options`: Debian's `/usr/bin/chromium` through
  Playwright's `executable_path`, never a downloaded browser; `page` is a
  fresh 1280x900 zh-CN tab on `site_url` (override `context_options` in a
  module). Without Chromium the browser tests skip with the reason, unless
  `REQUIRE_BROWSER` or `CI` is set: then they fail, and so does any skip of a
  test marked `browser` or `lighthouse`.
- `search_tabs`: an open tab per edition's home page (1280x900), for tests
  that type a query and read the results: `search_tabs.search("en/", "rebate")`.
- `visits` (parametrized `phone` / `desktop`), `phone_visits`,
  `desktop_visits`: every page of the site loaded once per viewport, with
  everything recorded during that visit (tests/visits.py: requests, console,
  CSP violations, diagrams, layout at several widths, the contact block, axe
  with every rule in light and dark). A test about "every page" asserts on
  these records; add a measurement to tests/visits.py rather than a sweep.

Helpers to import (paths, page lists, the request log) are in tests/support.py.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import functools
import http.server
import json
import os
import pickle
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar
from urllib.parse import quote

import pytest
from partner_guide.tools.site import ErrorDocumentHandler, QuietHandler, build_site, venv_command

from tests.adversarial import tree_digest as docs_digest
from tests.adversarial import write_site
from tests.support import (
    BAIDU_VERIFICATION,
    BROKEN_PAGES,
    CHROMIUM,
    CHROMIUM_ARGS,
    MISSING_TRANSLATION,
    NOT_COPIED,
    ROOT,
    WARNING_LINE,
    SearchTabs,
    browser_required,
    new_context,
    run_in_copy,
    tree_digest,
    world_readable_tmpdir,
)
from tests.visits import Sweep, Visitor, sweep

T = TypeVar("T")

# What the run serves, each at `/` on its own port: name -> (folder in the run directory, serving() options).
SERVED: dict[str, tuple[str, dict[str, bool]]] = {
    "site": ("site", {}),
    "mirror": ("site", {}),
    "error-document": ("site", {"error_document": True}),
    "adversarial": ("adversarial/site", {}),
    "unsanitized": ("unsanitized/site", {}),
}
RUN_KEY = "partner_guide_run"
RUN = pytest.StashKey["Run"]()
SERVERS = pytest.StashKey[contextlib.ExitStack]()


@dataclass(frozen=True)
class Run:
    """This test run's shared folder and servers (the same in every xdist worker)."""

    root: Path
    urls: dict[str, str] = field(default_factory=dict)

    def once(self, name: str, compute: Callable[[], T]) -> T:
        """`compute()`'s result, computed by the first process of the run that asks; the others wait and read it.

        The result must pickle. A `compute()` that raises stores nothing: the next process asking tries again.
        """
        with self._lock(name) as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            return self._result(name, compute)

    def share(self, names: list[str], compute: Callable[[str], T]) -> dict[str, T]:
        """Each name's `compute(name)`, once per run, the work split among the processes asking at the same time.

        A process takes the names nobody is computing; when the others are all taken, it waits for one.
        """
        results: dict[str, T] = {}
        pending = list(names)
        while pending:
            busy = []
            for name in pending:
                with self._lock(name) as handle:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        busy.append(name)
                        continue
                    results[name] = self._result(name, functools.partial(compute, name))
            if busy and len(busy) == len(pending):
                results[busy[0]] = self.once(busy[0], functools.partial(compute, busy[0]))
                busy = busy[1:]
            pending = busy
        return results

    def _lock(self, name: str) -> IO[str]:
        return (self.root / f"{quote(name, safe='')}.lock").open("w")

    def _result(self, name: str, compute: Callable[[], T]) -> T:
        done = self.root / f"{quote(name, safe='')}.pickle"
        if done.exists():
            return pickle.loads(done.read_bytes())
        value = compute()
        done.write_bytes(pickle.dumps(value))
        return value


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A tab that navigates away mid-response is no error of the site (and this process has no test output)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def _serving(root: Path, *, error_document: bool = False) -> Iterator[str]:
    """partner_guide.tools.site.serving, with the run's own quiet server: `root` at `/` on a free port."""
    handler = functools.partial(ErrorDocumentHandler if error_document else QuietHandler, directory=str(root))
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name=f"serve-{root.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def pytest_configure(config: pytest.Config) -> None:
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:  # an xdist worker: the controller's folder and servers
        data = json.loads(workerinput[RUN_KEY])
        config.stash[RUN] = Run(Path(data["root"]), data["urls"])
        return
    stack = contextlib.ExitStack()
    root = world_readable_tmpdir("partner-guide-run-")
    stack.callback(shutil.rmtree, root, ignore_errors=True)
    urls = {name: stack.enter_context(_serving(root / folder, **options)) for name, (folder, options) in SERVED.items()}
    config.stash[RUN] = Run(root, urls)
    config.stash[SERVERS] = stack


def pytest_unconfigure(config: pytest.Config) -> None:
    if SERVERS in config.stash:
        config.stash[SERVERS].close()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist, in the controller: each worker gets the run's folder and servers."""
    run = node.config.stash[RUN]
    node.workerinput[RUN_KEY] = json.dumps({"root": str(run.root), "urls": run.urls})


@pytest.fixture(scope="session")
def run(pytestconfig: pytest.Config) -> Run:
    return pytestconfig.stash[RUN]


# --------------------------------------------------------------------------- builds


@pytest.fixture(scope="session")
def site_dir(run: Run) -> Path:
    """The real site, built once per run with `--strict` in a subprocess."""
    out = run.root / "site"
    result = run.once("site", lambda: build_site(out, run.urls["site"], timeout=300))
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed (exit {result.returncode}):\n{output}"
    warnings = [line for line in output.splitlines() if WARNING_LINE.match(line)]
    assert not warnings, "mkdocs build logged warnings:\n" + "\n".join(warnings)
    assert (out / "index.html").is_file(), f"no index.html in {out}:\n{output}"
    return out


@pytest.fixture(scope="session")
def site_url(site_dir: Path, run: Run) -> str:
    """The built site served at `/` on 127.0.0.1, e.g. `http://127.0.0.1:41234/`: the build's SITE_URL."""
    return run.urls["site"]


@pytest.fixture(scope="session")
def mirror_url(site_dir: Path, run: Run) -> str:
    """The same files served on another port than the build's SITE_URL."""
    return run.urls["mirror"]


@pytest.fixture(scope="session")
def error_document_url(site_dir: Path, run: Run) -> str:
    """The same files served with the root 404.html (status 404) for any missing path, as COS and GitHub Pages do."""
    return run.urls["error-document"]


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


def _adversarial_build(run: Run, name: str, sanitize: bool = True) -> AdversarialBuild:
    def build() -> AdversarialBuild:
        source = run.root / name / "source"
        source.mkdir(parents=True)
        write_site(source, ROOT)
        if not sanitize:  # this test's own configuration: the page extension without its sanitizer step
            config = (source / "mkdocs.yml").read_text(encoding="utf-8")
            assert PAGE_EXTENSION in config
            unsanitized = PAGE_EXTENSION.rstrip("\n") + ":\n      sanitize: false\n"
            (source / "mkdocs.yml").write_text(config.replace(PAGE_EXTENSION, unsanitized), encoding="utf-8")
        out, url = run.root / name / "site", run.urls[name]
        before = docs_digest(source / "docs")
        result = build_site(out, url, config=source / "mkdocs.yml", cwd=source, timeout=600)
        return AdversarialBuild(source, out, url, result, before, docs_digest(source / "docs"))

    return run.once(name, build)


@pytest.fixture(scope="session")
def adversarial_build(run: Run) -> AdversarialBuild:
    """Every page case in one strict build (it fails: the cases are findings), served on 127.0.0.1."""
    return _adversarial_build(run, "adversarial")


@pytest.fixture(scope="session")
def unsanitized_build(run: Run) -> AdversarialBuild:
    """The same corpus built by a configuration of its own without the sanitizer step (`sanitize: false` for the
    page extension in the copy's mkdocs.yml): what the Content-Security-Policy alone must stop."""
    return _adversarial_build(run, "unsanitized", sanitize=False)


@dataclass
class CopyBuild:
    """A copy of the repository built in another environment than the session's."""

    copy: Path
    out: Path
    result: subprocess.CompletedProcess[str]
    started: datetime.datetime  # when the build began (UTC)


# What an unzipped download of the repository lacks: git, and everything installed or built.
NOT_IN_A_DOWNLOAD = shutil.ignore_patterns(".git", ".venv*", *NOT_COPIED)


@pytest.fixture(scope="session")
def deployment_build(run: Run) -> CopyBuild:
    """The repository without .git, built with `--strict` and BAIDU_SITE_VERIFICATION set (no SITE_URL)."""

    def build() -> CopyBuild:
        parent = run.root / "deployment"
        copy = parent / "partner-guide"
        shutil.copytree(ROOT, copy, ignore=NOT_IN_A_DOWNLOAD, symlinks=True)
        env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "GIT_DIR", "GIT_WORK_TREE")}
        # Outside any repository, so git cannot find one above the copy either.
        env.update(
            NO_MKDOCS_2_WARNING="1",
            PYTHONDONTWRITEBYTECODE="1",
            GIT_CEILING_DIRECTORIES=str(parent),
            BAIDU_SITE_VERIFICATION=BAIDU_VERIFICATION,
        )
        started = datetime.datetime.now(datetime.UTC)
        result = subprocess.run(
            [venv_command("mkdocs"), "build", "--strict", "-d", str(parent / "out")],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        return CopyBuild(copy, parent / "out", result, started)

    return run.once("deployment", build)


@dataclass
class BrokenRepository:
    """A copy of the repository with a pull request's findings (tests/support.py: BROKEN_PAGES), built by CI."""

    root: Path
    lines: dict[str, int]  # page -> the line of the paragraph appended to it
    before: dict[str, str]  # the site's sources, hashed, before and after the build
    build: subprocess.CompletedProcess[str]  # `make build` with GITHUB_ACTIONS=true
    after: dict[str, str]


@pytest.fixture(scope="session")
def broken_repository(run: Run) -> BrokenRepository:
    """`make build` (`mkdocs build --strict`) in a copy of the repository whose pages have findings, as CI runs it."""

    def build() -> BrokenRepository:
        copy = run.root / "broken" / "repo"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv*", *NOT_COPIED), symlinks=True)
        lines = {}
        for name, paragraph in BROKEN_PAGES.items():
            page = copy / name
            text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
            page.write_text(text + paragraph + "\n", encoding="utf-8")
            lines[name] = text.count("\n") + 1
        (copy / MISSING_TRANSLATION).unlink()
        before = tree_digest(copy)
        result = run_in_copy(["make", "build"], copy)
        return BrokenRepository(copy, lines, before, result, tree_digest(copy))

    return run.once("broken-repository", build)


# --------------------------------------------------------------------------- Chromium


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
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
def context_options() -> dict[str, Any]:
    """Per-test browser context options; override in a module for e.g. a phone."""
    return {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}


@pytest.fixture
def page(browser: Any, site_url: str, context_options: dict[str, Any]) -> Iterator[Any]:
    context = new_context(browser, site_url, **context_options)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def search_tabs(browser: Any, site_url: str) -> Iterator[SearchTabs]:
    """An open tab per edition's home page to type queries into, one after the other (tests/support.py)."""
    tabs = SearchTabs(browser, site_url)
    yield tabs
    tabs.close()


# --------------------------------------------------------------------------- one visit per page and viewport


@pytest.fixture(scope="session")
def visitor(run: Run, browser: Any, site_dir: Path) -> Iterator[Visitor]:
    """This process's tabs for the page visits (tests/visits.py), on `mirror_url` and `error_document_url`."""
    visitor = Visitor(browser, site_dir, run.urls["mirror"], run.urls["error-document"])
    yield visitor
    visitor.close()


@pytest.fixture(scope="session")
def phone_visits(run: Run, visitor: Visitor) -> Sweep:
    """Every page at 390x844 (a phone; measured at 360 and 320 px too), each loaded once per run."""
    return sweep(visitor, "phone", run.share)


@pytest.fixture(scope="session")
def desktop_visits(run: Run, visitor: Visitor) -> Sweep:
    """Every page at 1440x900 (measured at 1410 and 1370 px too), each loaded once per run."""
    return sweep(visitor, "desktop", run.share)


@pytest.fixture(scope="session", params=["phone", "desktop"])
def visits(request: pytest.FixtureRequest) -> Sweep:
    """The phone's and then the desktop's visits: a test taking it runs for both."""
    return request.getfixturevalue(f"{request.param}_visits")


# --------------------------------------------------------------------------- collection and CI


SLOW_FIXTURES = {
    "site_dir",
    "site_url",
    "mirror_url",
    "error_document_url",
    "adversarial_build",
    "unsanitized_build",
    "visits",
    "phone_visits",
    "desktop_visits",
}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Everything that uses a session build is slow-ish; mark it so `-m "not slow"` gives the fast unit tests alone.
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    # The longest test first, so that its worker starts it while the others share the rest.
    items.sort(key=lambda item: item.get_closest_marker("lighthouse") is None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI (`CI` or `REQUIRE_BROWSER`), a browser or Lighthouse test that skips fails instead."""
    outcome = yield
    report = outcome.get_result()
    if (
        report.skipped
        and browser_required()
        and (item.get_closest_marker("browser") or item.get_closest_marker("lighthouse"))
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where browser tests must run: {report.longrepr}"
