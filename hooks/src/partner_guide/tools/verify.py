"""`make verify` (`guide-verify`): the fast lane, a writer's verdict in well under a minute.

    guide-verify

Three steps, each timed, then one line with the times:

1. `make check`: the page checks and the copy checks over docs/ (no build);
2. `mkdocs build --strict`: the build, whose hooks check every page again
   and fail on any warning;
3. the tests that read docs/ and need no browser (pytest marker `content`:
   the source FAQ's facts, both editions, links and anchors on the served
   site, structured data, the search index, the writers' guide's examples),
   so the lane fails on every finding `make test` would report about docs/
   outside a browser. Only the test files that carry the marker are
   collected.

Every step runs even when an earlier one failed, so a writer sees all the
findings at once, except the tests after a failed build (they would only
repeat its findings). On GitHub Actions the findings of `make check` are
annotations on the changed lines; when it found some, the build prints the
same findings again as plain lines only, so no line is annotated twice.
Exits 1 if any step failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import REPO_ROOT
from .site import venv_command

MARKER = "content"
MARK_TEXT = ("pytest.mark.content", "pytestmark = pytest.mark.content")


@dataclass
class Step:
    name: str
    seconds: float
    status: str  # "ok", "FAILED", "skipped"


def content_test_files(root: Path = REPO_ROOT) -> list[str]:
    """The test files with tests marked `content`, relative to `root`."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in (root / "tests").rglob("test_*.py")
        if any(mark in path.read_text(encoding="utf-8") for mark in MARK_TEXT)
    )


def _run(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[bool, float]:
    start = time.monotonic()
    print(f"$ {' '.join(command)}", flush=True)
    ok = subprocess.run(list(command), cwd=REPO_ROOT, env=env).returncode == 0
    return ok, time.monotonic() - start


def summary(steps: Sequence[Step], total: float) -> str:
    parts = [f"{step.name} {step.seconds:.1f} s ({step.status})" for step in steps]
    return f"make verify: {' · '.join(parts)} · {total:.1f} s in all"


def main(argv: Sequence[str] | None = None) -> int:
    del argv  # no options
    start = time.monotonic()
    steps: list[Step] = []
    make = os.environ.get("MAKE", "make")

    ok, seconds = _run([make, "--no-print-directory", "check"])
    steps.append(Step("make check", seconds, "ok" if ok else "FAILED"))

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if not ok and env.get("GITHUB_ACTIONS") == "true":
        env["GITHUB_ACTIONS"] = "false"  # make check annotated these findings already
    built, seconds = _run([venv_command("mkdocs"), "build", "--strict"], env)
    steps.append(Step("strict build", seconds, "ok" if built else "FAILED"))

    if built:
        tested, seconds = _run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-m",
                f"{MARKER} and not browser",
                "-q",
                "-p",
                "no:cacheprovider",
                *content_test_files(),
            ]
        )
        steps.append(Step("docs tests", seconds, "ok" if tested else "FAILED"))
    else:
        steps.append(Step("docs tests", 0.0, "skipped"))

    print(summary(steps, time.monotonic() - start), flush=True)
    return 0 if all(step.status == "ok" for step in steps) else 1


if __name__ == "__main__":
    sys.exit(main())
