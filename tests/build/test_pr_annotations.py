"""A pull request that breaks a console link fails CI, annotated on the right line.

The pull-request workflow runs `make test`, whose first step is `make build`
(mkdocs build --strict). conftest.py's `broken_repository` runs that same
command on a copy of the repository with a broken console link added (and
the other findings of tests/build/test_validation_build.py), with
GITHUB_ACTIONS=true as on a runner: it fails and prints the
`::error file=…,line=…` workflow command GitHub turns into an annotation on
that line of the diff.
`make check`, and the pre-commit hook that runs it, must report the same place.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.support import BROKEN_PAGES, ROOT, run_in_copy, venv_tool

PAGE = "docs/hot/rebate.md"
assert "/partners/contrat)" in BROKEN_PAGES[PAGE]  # a console path that is not a registered route


@pytest.fixture(scope="module")
def broken_copy(broken_repository) -> tuple[Path, int]:
    """The copy of the repository whose rebate page has a broken console link; (root, its line)."""
    return broken_repository.root, broken_repository.lines[PAGE]


def _annotation_re(line: int) -> re.Pattern[str]:
    return re.compile(
        rf"^::error file={re.escape(PAGE)},line={line},col=\d+,title=LINK-ROUTE::"
        r"LINK-ROUTE console path /partners/contrat is not a registered route",
        re.M,
    )


@pytest.mark.slow
def test_make_build_fails_and_annotates_the_broken_console_link(broken_repository, broken_copy):
    copy, line = broken_copy
    result = broken_repository.build
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"make build passed with a broken console link:\n{output}"
    assert _annotation_re(line).search(result.stdout), output
    assert f"{PAGE}:{line}:" in output  # the plain line in the build log too


@pytest.mark.slow
def test_make_check_reports_the_same_line(broken_copy):
    copy, line = broken_copy
    result = run_in_copy(["make", "check"], copy)
    assert result.returncode != 0, result.stdout + result.stderr  # make exits 2 when check.py exits 1
    assert re.search(rf"^{re.escape(PAGE)}:{line}:\d+: LINK-ROUTE ", result.stdout, re.M), result.stdout
    assert _annotation_re(line).search(result.stdout), result.stdout


@pytest.mark.slow
def test_the_pre_commit_hook_blocks_the_commit(broken_copy, tmp_path):
    """The local `make check` hook of .pre-commit-config.yaml, on the changed page.

    Only the local hook: the others come from GitHub, which tests may not reach.
    """
    copy, line = broken_copy
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    config["repos"] = [repo for repo in config["repos"] if repo["repo"] == "local"]
    local_config = tmp_path / "pre-commit-local.yaml"
    local_config.write_text(yaml.safe_dump(config), encoding="utf-8")
    if not (copy / ".git").exists():
        subprocess.run(["git", "init", "-q", str(copy)], check=True, capture_output=True)
    pre_commit = venv_tool("pre-commit")
    result = run_in_copy([pre_commit, "run", "make-check", "--config", str(local_config), "--files", PAGE], copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{PAGE}:{line}:" in result.stdout and "LINK-ROUTE" in result.stdout, result.stdout
