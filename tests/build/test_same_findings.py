"""`make check` and the build give the same rule ids at the same lines as before issue 18 moved the page
rules onto the rendered page: on every check fixture, every adversarial page case and every example of the
writers' guide (tests/golden/layout.py lays them out in one copy of the site). tests/golden/check.txt and
build.txt hold what they gave before; tests/golden/deliberate.txt lists each difference with its reason."""

from __future__ import annotations

import fnmatch
import os
import subprocess

import pytest
from partner_guide.tools.site import build_site

from tests.golden.layout import GOLDEN, findings, write_layout
from tests.support import venv_tool


def expected(name: str) -> set[str]:
    """The golden findings with the deliberate differences applied."""
    found = set((GOLDEN / name).read_text(encoding="utf-8").split("\n")) - {""}
    for line in (GOLDEN / "deliberate.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(("-", "+")):
            entry = line[2:].split("  #", 1)[0].strip()
            if line.startswith("-"):
                found -= {item for item in found if fnmatch.fnmatchcase(item, entry)}
            else:
                found.add(entry)
    return found


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    return write_layout(tmp_path_factory.mktemp("golden") / "site")


def test_make_check_gives_the_same_rules_at_the_same_lines(layout):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(
        [venv_tool("guide-check"), "docs"], cwd=layout, env=env, capture_output=True, text=True, timeout=600
    )
    assert "Traceback" not in result.stdout + result.stderr
    now = set(findings(result.stdout))
    want = expected("check.txt")
    assert (sorted(now - want), sorted(want - now)) == ([], [])


def test_the_build_gives_the_same_rules_at_the_same_lines(layout):
    result = build_site(layout.parent / "out", "http://127.0.0.1:9/", config=layout / "mkdocs.yml", cwd=layout)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    now = set(findings(output))
    want = expected("build.txt")
    assert (sorted(now - want), sorted(want - now)) == ([], [])
