"""Every page's "last updated" date from ONE pass over the git history (hooks/dates.py).

mkdocs-git-revision-date-localized-plugin 1.6.3 ran `git log -n1 --follow
--diff-filter=r --format="%H %at" <file>` once per page and edition: a
process per page, each walking the whole history when the page is not
committed yet. A guide of 662 pages spent more of its build in those
processes than in its pages, and 6,640 uncommitted pages did not build in 16
minutes. Here one `git log --name-status -M` (plus one `rev-parse`) is read
per commit (kept in the process: the editions of a build and the rebuilds of
`make serve` read it once until the next commit), newest commit first, and
each page gets what that command gave it:

- the author time (`%at`) of the newest commit that touched the file,
- following renames back to the older name (`--follow`),
- where a commit that only renamed the file does not count, even a rename
  with edits (`--diff-filter=r` drops every `R` entry; tested on git 2.39:
  the plugin dates a renamed page by the commit before the rename),
- whitespace-only commits count (`--ignore-all-space` only changes patches).

A file no commit touched (not committed yet) gets the build date, as the
plugin gave it, with no further git call; so does every page outside a git
checkout. The markup is the plugin's (`type: date`, time zone UTC): a span of
class `git-revision-date-localized-plugin-date` titled with the date and
time, so the theme's `page.meta.git_revision_date_localized` shows it.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from babel.dates import format_date

# One commit's header in the log: the marker, then the author time. Status
# tokens (A, M, D, T, R100, ...) never start with it.
HEADER = "@"
LOG_ARGS = ("log", "--no-show-signature", f"--format={HEADER}%at", "--name-status", "-M", "-z")


@dataclass(frozen=True)
class History:
    """The repository's top folder and its `git log` output (see LOG_ARGS)."""

    top: Path
    log: str


# The last history read, by its top folder and commit: the log of a commit never changes, so the editions of a
# build, and the rebuilds of `make serve` until the next commit, read it once (one process: a dict of one).
_READ: dict[tuple[str, str], History] = {}
# The last-commit times found in it, by the paths asked for.
_TIMES: dict[tuple[str, ...], dict[str, int]] = {}


def read_history(folder: Path, timeout: float = 120) -> History | None:
    """The history of the repository around `folder`; None outside git, without git, or without commits."""
    try:
        head = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel", "HEAD"],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        lines = head.stdout.splitlines()
        if head.returncode != 0 or len(lines) != 2 or not lines[0].strip():  # no commit yet: no HEAD
            return None
        key = (lines[0].strip(), lines[1].strip())
        if key in _READ:
            return _READ[key]
        log = subprocess.run(["git", "-C", key[0], *LOG_ARGS], capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if log.returncode != 0:
        return None
    history = History(Path(key[0]).resolve(), log.stdout.decode("utf-8", errors="surrogateescape"))
    _READ.clear()
    _TIMES.clear()
    _READ[key] = history
    return history


Change = tuple[str, tuple[str, ...]]  # (status, paths): ("M", ("a.md",)) or ("R100", ("old.md", "new.md"))


def commits(log: str) -> Iterator[tuple[int, list[Change]]]:
    """(author time, changes) of each commit of `log`, newest first."""
    tokens = iter(token.lstrip("\n") for token in log.split("\0"))
    when: int | None = None
    changes: list[Change] = []
    for token in tokens:
        if not token:
            continue
        if token.startswith(HEADER):
            if when is not None:
                yield when, changes
            when, changes = int(token[len(HEADER) :]), []
            continue
        # A status: renames and copies name two paths, the others one.
        count = 2 if token[0] in "RC" else 1
        paths = tuple(next(tokens, "") for _ in range(count))
        changes.append((token, paths))
    if when is not None:
        yield when, changes


def last_commit_times(log: str, paths: Iterable[str]) -> dict[str, int]:
    """The time of each path's last commit, for the paths (relative to the top folder) that have one.

    Walks the history once, newest first. `wanted` maps the name a file had
    at the point of the walk to the paths it became.
    """
    wanted: dict[str, list[str]] = {}
    for path in paths:
        wanted.setdefault(path, []).append(path)
    found: dict[str, int] = {}
    for when, changes in commits(log):
        if not wanted:
            break
        renames = []
        for status, names in changes:
            if status.startswith("R"):
                renames.append(names)
            elif names[-1] in wanted:
                for path in wanted.pop(names[-1]):
                    found[path] = when
        # Older commits know the file by its old name; the rename itself does not count.
        for old, new in renames:
            if new in wanted:
                wanted.setdefault(old, []).extend(wanted.pop(new))
    return found


@dataclass(frozen=True)
class PageDates:
    """Last-commit times of a build's pages, by path relative to docs/; the build time for the others."""

    times: dict[str, int]
    build_time: int

    def of(self, src_uri: str) -> int:
        return self.times.get(src_uri, self.build_time)


def page_dates(history: History | None, docs: Path, src_uris: Iterable[str], build_time: int) -> PageDates:
    """Each page's last-commit time; `src_uris` are relative to `docs` (MkDocs' `File.src_uri`)."""
    if history is None:
        return PageDates({}, build_time)
    try:
        prefix = docs.resolve().relative_to(history.top).as_posix()
    except ValueError:  # docs/ outside the repository
        return PageDates({}, build_time)
    prefix = "" if prefix == "." else prefix + "/"
    in_repository = {prefix + uri: uri for uri in src_uris}
    kept = any(history is read for read in _READ.values())  # the history read_history keeps
    paths = tuple(in_repository)
    times = _TIMES[paths] if kept and paths in _TIMES else last_commit_times(history.log, in_repository)
    if kept:
        _TIMES[paths] = times
    return PageDates({in_repository[path]: when for path, when in times.items()}, build_time)


def last_updated(docs: Path, src_uris: Iterable[str]) -> PageDates:
    """The dates of a build's pages (paths relative to `docs`) in the repository around it; now for the others."""
    return page_dates(read_history(docs), docs, src_uris, int(time.time()))


def date_markup(timestamp: int, locale: str) -> str:
    """The plugin's markup for `type: date` in UTC: `<span ... title="date time UTC">date</span>`."""
    moment = datetime.fromtimestamp(timestamp, tz=UTC)
    locale = locale.replace("-", "_")
    day = format_date(moment, format="long", locale=locale)
    title = f"{day} {moment.strftime('%H:%M:%S')} UTC"
    return (
        f'<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date"'
        f' title="{escape(title)}">{escape(day)}</span>'
    )
