"""Every page's "last updated" date is its file's last commit, read in one pass over the history (issue 20).

A site in a temporary git repository gets several commits with known dates:
edits, a pure rename, a rename with edits, a whitespace-only edit, a page
left uncommitted. Each built page must show exactly what
mkdocs-git-revision-date-localized-plugin's own command gives for its file
(`git log -n1 --follow --diff-filter=r --format=%at`, which dates a renamed
file by its last commit before the rename), the uncommitted page the build
date, and the whole build may run only a few `git` processes, however many
pages there are.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from partner_guide.tools import bench

from tests.support import WARNING_LINE

DATE_SPAN = re.compile(
    r'<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date"'
    r' title="[^"]+">([^<]+)</span>'
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
GIT = shutil.which("git") or "/usr/bin/git"


def shown(timestamp: int, english: bool) -> str:
    day = datetime.fromtimestamp(timestamp, tz=UTC)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if english else f"{day.year}年{day.month}月{day.day}日"


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@localhost",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@localhost",
    }
    if when:
        env.update(GIT_AUTHOR_DATE=f"{when} +0000", GIT_COMMITTER_DATE=f"{when} +0000")
    return subprocess.run([GIT, "-C", str(repo), *args], env=env, check=True, capture_output=True, text=True).stdout


def the_plugins_date(repo: Path, path: str) -> str:
    """What mkdocs-git-revision-date-localized-plugin 1.6.3 asks git for a page (util.py)."""
    return git(
        repo,
        "log",
        "-n1",
        "--follow",
        "--diff-filter=r",
        "--format=%at",
        "--ignore-all-space",
        "--ignore-blank-lines",
        "--",
        path,
    ).strip()


def counting_git(folder: Path, log: Path) -> Path:
    """A `git` first on PATH that writes a line to `log` per call, then runs the real one."""
    folder.mkdir()
    shim = folder / "git"
    shim.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec {GIT} "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    return folder


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = bench.synthetic_site(tmp_path_factory.mktemp("dates") / "site", 40)
    docs = site / "docs"
    git(site, "init", "-q")
    git(site, "add", ".")
    git(site, "commit", "-qm", "the site", when="2021-03-04T05:06:07")
    first = docs / "stage-00" / "topic-0"
    page0 = first / "page-0000.md"
    page0.write_text(page0.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    git(site, "commit", "-qam", "an edit", when="2022-04-05T06:07:08")
    # A pure rename (both editions, for parity), then one with edits.
    (docs / "moved").mkdir()
    git(site, "mv", "docs/stage-00/topic-0/page-0001.md", "docs/moved/renamed.md")
    git(site, "mv", "docs/stage-00/topic-0/page-0001.en.md", "docs/moved/renamed.en.md")
    git(site, "commit", "-qm", "a rename", when="2023-05-06T07:08:09")
    git(site, "mv", "docs/stage-00/topic-0/page-0002.md", "docs/moved/edited.md")
    git(site, "mv", "docs/stage-00/topic-0/page-0002.en.md", "docs/moved/edited.en.md")
    edited = docs / "moved" / "edited.en.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    git(site, "commit", "-qam", "a rename with an edit", when="2024-06-07T08:09:10")
    index = docs / "index.en.md"
    index.write_text(index.read_text(encoding="utf-8").replace("# Home", "#   Home"), encoding="utf-8")
    git(site, "commit", "-qam", "whitespace only", when="2025-07-08T09:10:11")
    # Not committed: a new page in both languages.
    for suffix in (".md", ".en.md"):
        text = (first / f"page-0003{suffix}").read_text(encoding="utf-8")
        (docs / f"draft{suffix}").write_text(text.replace("{#q-3", "{#d-3"), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def built(history: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], float]:
    tmp = tmp_path_factory.mktemp("build")
    calls = tmp / "git-calls.log"
    env = {**bench.ENV, "PATH": f"{counting_git(tmp / 'bin', calls)}:{os.environ.get('PATH', '/usr/bin:/bin')}"}
    env.pop("SOURCE_DATE_EPOCH", None)
    started = datetime.now(UTC).timestamp()
    result = subprocess.run(
        bench.build_cmd("mkdocs.yml", tmp / "out"),
        cwd=history,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0 and not WARNING_LINE.search(output), output[-3000:]
    return tmp / "out", calls.read_text(encoding="utf-8").splitlines(), started


def test_every_committed_page_shows_its_last_commits_date_as_the_plugin_read_it(history, built):
    out, _, _ = built
    pages = sorted(
        p.relative_to(history).as_posix() for p in (history / "docs").rglob("*.md") if not p.name.startswith("draft")
    )
    assert "docs/moved/renamed.md" in pages and "docs/moved/edited.en.md" in pages
    seen = set()
    for path in pages:
        english = path.endswith(".en.md")
        stem = path.removeprefix("docs/").removesuffix(".en.md" if english else ".md")
        html = out / ("en" if english else "") / ("" if stem == "index" else stem) / "index.html"
        expected = int(the_plugins_date(history, path))
        assert DATE_SPAN.findall(html.read_text(encoding="utf-8")) == [shown(expected, english)], path
        seen.add(expected)
    # The renamed pages keep the date of their last commit before the rename, as the plugin dates them.
    assert int(the_plugins_date(history, "docs/moved/renamed.md")) == int(
        datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC).timestamp()
    )
    assert int(the_plugins_date(history, "docs/moved/edited.en.md")) == int(
        datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC).timestamp()
    )
    assert len(seen) >= 3, "the repository should give its pages several different dates"


def test_a_page_not_committed_yet_shows_the_build_date(built):
    out, _, started = built
    for english in (False, True):
        html = out / ("en" if english else "") / "draft" / "index.html"
        days = {shown(int(started), english), shown(int(datetime.now(UTC).timestamp()), english)}
        assert set(DATE_SPAN.findall(html.read_text(encoding="utf-8"))) <= days
        assert DATE_SPAN.findall(html.read_text(encoding="utf-8"))


def test_the_build_runs_a_few_git_processes_not_one_per_page(history, built):
    _, calls, _ = built
    pages = len(list((history / "docs").rglob("*.md")))
    assert pages >= 10
    # Per edition: one rev-parse and one log for the dates; SOURCE_DATE_EPOCH's log once per build step.
    assert 0 < len([c for c in calls if c.startswith("-C")]) <= 6, calls
