"""Recorded figures (tools/measurements.py): the tool that measured them, the date and the commit."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from partner_guide.tools import measurements


def _repo(tmp_path: Path) -> Path:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@localhost", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    (tmp_path / "a.md").write_text("a\n", encoding="utf-8")
    git("add", "a.md")
    git("commit", "-q", "-m", "first")
    return tmp_path


def test_the_header_names_the_command_the_date_and_the_commit(tmp_path: Path):
    repo = _repo(tmp_path)
    sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True).stdout
    text = measurements.header("make bench", repo, dt.datetime(2026, 12, 7, 14, 5, tzinfo=dt.UTC))
    assert text.startswith(f"Written by `make bench` on 2026-12-07 14:05 UTC at commit {sha.strip()} (")
    assert "Do not edit by hand: run `make bench` again." in text


def test_uncommitted_changes_are_said(tmp_path: Path):
    repo = _repo(tmp_path)
    (repo / "a.md").write_text("changed\n", encoding="utf-8")
    assert measurements.commit(repo).endswith("+changes")


def test_record_writes_the_title_header_and_body(tmp_path: Path):
    path = measurements.record("lighthouse", "make lighthouse", "Lighthouse", "| a |\n| --- |\n", tmp_path)
    text = path.read_text(encoding="utf-8")
    assert path == tmp_path / "lighthouse.md"
    assert re.match(r"# Lighthouse\n\nWritten by `make lighthouse` on \d{4}-\d\d-\d\d \d\d:\d\d UTC at commit ", text)
    assert text.endswith("| a |\n| --- |\n")
