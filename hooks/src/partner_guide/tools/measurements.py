"""The recorded figures of `make bench` and `make lighthouse`: `measurements/<name>.md`.

Tables of measured figures are written by the tool that measures them, never
copied by hand: each file says which command wrote it, when, at which commit
(and whether the work tree had uncommitted changes), and on what machine.
The README and the maintainers' guide link these files.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from pathlib import Path

from .. import REPO_ROOT as ROOT

FOLDER = ROOT / "measurements"


def commit(root: Path = ROOT) -> str:
    """The checked-out commit, short, with `+changes` when the work tree differs from it."""

    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
        return result.stdout.strip() if result.returncode == 0 else ""

    sha = git("rev-parse", "--short", "HEAD") or "unknown"
    return sha + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def header(command: str, root: Path = ROOT, now: dt.datetime | None = None, at: str | None = None) -> str:
    """Who wrote the figures below, when, at which commit (`at`: read when the measuring began), on what machine."""
    now = now or dt.datetime.now(dt.UTC)
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}"
    return (
        f"Written by `{command}` on {now.strftime('%Y-%m-%d %H:%M')} UTC at commit {at or commit(root)} "
        f"({machine}). Do not edit by hand: run `{command}` again.\n"
    )


def record(name: str, command: str, title: str, body: str, folder: Path = FOLDER, at: str | None = None) -> Path:
    """Write `folder/<name>.md`: a title, the header (`at`: the commit measured) and the tool's tables."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(f"# {title}\n\n{header(command, at=at)}\n{body.rstrip()}\n", encoding="utf-8")
    return path
