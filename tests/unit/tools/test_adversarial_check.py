"""`make check` rejects every adversarial case with a finding, and passes the valid look-alikes (tests/adversarial.py).

One `guide-check docs` run over a copy of the site holding every page case,
as a writer runs it; the registry cases each in their own run (the registry
is one file); the tampered drawing through the same function `make check`
calls. No case prints a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import defaultdict

import pytest
from partner_guide.site.diagram_frames import DRAWINGS_DIR
from partner_guide.tools import check

from tests.adversarial import REGISTRY_CASES, TAMPERED_LABEL, page_cases, source_name, write_site
from tests.support import ROOT, venv_tool

FINDING = re.compile(r"^(?P<path>\S[^:]*):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z][A-Z0-9-]+) ", re.M)


@pytest.fixture(scope="module")
def checked(run):
    def check_copy() -> subprocess.CompletedProcess[str]:
        site = write_site(run.root / "adversarial-check", ROOT)
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("GITHUB_ACTIONS", None)
        return subprocess.run(
            [venv_tool("guide-check"), "docs"], cwd=site, env=env, capture_output=True, text=True, timeout=600
        )

    result = run.once("adversarial-check", check_copy)  # once per run, whichever worker asks first
    rules = defaultdict(set)
    for match in FINDING.finditer(result.stdout):
        rules[match.group("path")].add(match.group("rule"))
    return result, rules


@pytest.mark.parametrize("case", page_cases(), ids=lambda case: case.name)
def test_each_case_is_judged_as_expected(case, checked):
    result, rules = checked
    found = rules.get(f"docs/adv/{source_name(case)}", set())
    if case.expect == "reject":
        assert any(rule.startswith(case.rules) for rule in found), f"{case.name}: {sorted(found)}"
    elif case.expect == "clean":
        assert found == set(), f"{case.name}: {sorted(found)}"


def test_a_link_out_of_the_repository_is_named(checked):
    result, rules = checked
    assert rules["docs/assets/passwd.txt"] == {"FILE-SYMLINK"}


def test_no_case_prints_a_traceback_and_the_run_fails(checked):
    result, _ = checked
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr and "CHECK-CRASH" not in result.stdout


@pytest.mark.parametrize("name", REGISTRY_CASES)
def test_each_registry_case_stops_the_check_with_its_finding(name, tmp_path, capsys, monkeypatch):
    old, new, rule = REGISTRY_CASES[name]
    site = write_site(tmp_path, ROOT, (old, new))
    monkeypatch.chdir(site)
    assert check.main(["docs"]) == 2
    err = capsys.readouterr().err
    assert re.search(rf"^hooks/registry\.yml:\d+:\d+: {rule}", err, re.M), err
    assert "Traceback" not in err


def test_a_tampered_drawing_is_a_finding_of_make_check(tmp_path, capsys, monkeypatch):
    drawings = tmp_path / "diagrams"
    drawings.mkdir()
    source = sorted(DRAWINGS_DIR.rglob("*.svg"))[0]
    text = source.read_text(encoding="utf-8")
    (drawings / source.name).write_text(text.replace("<p>", TAMPERED_LABEL, 1), encoding="utf-8")
    monkeypatch.setattr(check, "DRAWINGS_DIR", drawings)
    assert check.main([str(ROOT / "docs")]) == 1
    out = capsys.readouterr().out
    assert f"{source.name}:1:" in out and "SVG-TAG" in out and "SVG-ATTR" in out
