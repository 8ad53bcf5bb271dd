"""Two builds of one commit are byte-identical (issue 14).

The second build runs a year later by its clock (time.time and
datetime.now shifted in the build process), with another hash seed, into
another folder, and must write exactly the files of the session's build.
The dates the site prints come from git: each page's "last updated" from
its file's last commit (hooks/dates.py), the
sitemap's from SOURCE_DATE_EPOCH, which the build takes from the last
commit (partner_guide/site/reproducible.py).
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest
from partner_guide.tools.site import build_env

from tests.support import ROOT, WARNING_LINE

pytestmark = pytest.mark.slow

# MkDocs' command line, run in a process whose clock is a year ahead; the
# patch comes before MkDocs (and its `from datetime import datetime`) loads.
A_YEAR_LATER = """
import datetime, sys, time
YEAR = 366 * 86400
_time = time.time
time.time = lambda: _time() + YEAR
class _Later(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.datetime.fromtimestamp(time.time(), tz)
datetime.datetime = _Later
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
"""


def tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def different_files(a: Path, b: Path) -> list[str]:
    assert tree(a) == tree(b), f"files only in one build: {sorted(set(tree(a)) ^ set(tree(b)))}"
    return [rel for rel in tree(a) if not filecmp.cmp(a / rel, b / rel, shallow=False)]


def build_a_year_later(out: Path, site_url: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", A_YEAR_LATER, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT,
        env=build_env(site_url, PYTHONHASHSEED="12345"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0 and not WARNING_LINE.search(output), output


def test_two_builds_of_one_commit_are_byte_identical(site_dir, site_url, tmp_path):
    later = tmp_path / "later"
    build_a_year_later(later, site_url)
    assert "<lastmod>" in (later / "sitemap.xml").read_text(encoding="utf-8")
    assert not different_files(site_dir, later), "two builds of one commit differ"
