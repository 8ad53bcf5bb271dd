"""guide-verify (`make verify`): the fast lane's steps, its time line, and the tests it must not miss."""

from __future__ import annotations

import re

import pytest
from partner_guide.tools import verify

from tests.support import ROOT

# A test module that reads the real docs/ or the source FAQ's facts asserts on what docs/ says.
READS_DOCS = re.compile(r'ROOT / "docs"|source_facts|GUIDES = ')


def test_every_test_module_that_reads_docs_has_tests_the_fast_lane_runs():
    lane = set(verify.content_test_files())
    readers = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "tests").rglob("test_*.py")
        if READS_DOCS.search(path.read_text(encoding="utf-8"))
    }
    # Building a copy of docs/ (validation, import, PR annotations) tests the tools, not the pages; the
    # hook entries only take docs/ as the configured folder.
    copies = {
        "tests/unit/test_hook_entries.py",
        "tests/build/test_validation_build.py",
        "tests/build/test_import_build.py",
        "tests/build/test_pr_annotations.py",
        "tests/build/test_diagram_label_edit.py",
        "tests/build/test_copy_build.py",
        "tests/build/test_changed_pages.py",
        "tests/build/test_preview_rebuilds.py",
        "tests/browser/test_preview.py",
        "tests/unit/checks/test_copy.py",
        "tests/unit/tools/test_adversarial_check.py",
        "tests/unit/tools/test_check_parallel.py",
        "tests/unit/tools/test_verify.py",
    }
    assert readers - copies <= lane, sorted(readers - copies - lane)
    for must in ("tests/build/test_content.py", "tests/build/test_i18n.py", "tests/repo/test_writers_guide.py"):
        assert must in lane


def test_the_time_line_names_each_step_its_seconds_and_the_total():
    steps = [
        verify.Step("make check", 0.51, "ok"),
        verify.Step("strict build", 4.0, "FAILED"),
        verify.Step("docs tests", 0.0, "skipped"),
    ]
    assert verify.summary(steps, 4.56) == (
        "make verify: make check 0.5 s (ok) · strict build 4.0 s (FAILED) · docs tests 0.0 s (skipped) · 4.6 s in all"
    )


@pytest.fixture
def runs(monkeypatch):
    """The commands main() runs, each answering as `results` says (by the command's first words)."""
    calls: list[tuple[list[str], dict[str, str] | None]] = []
    results: dict[str, bool] = {}

    def fake_run(command, env=None):
        calls.append((list(command), env))
        key = next(k for k in ("check", "build", "pytest") if k in command)
        return results.get(key, True), 0.1

    monkeypatch.setattr(verify, "_run", fake_run)
    return calls, results


def test_all_green_runs_check_build_and_the_content_tests_and_passes(runs, capsys):
    calls, _ = runs
    assert verify.main([]) == 0
    assert [c[0][-1] if "check" in c[0] else c[0][1] for c in calls][:2] == ["check", "build"]
    pytest_call = calls[2][0]
    assert "content and not browser" in pytest_call and "tests/build/test_content.py" in pytest_call
    assert re.search(r"^make verify: .* s in all$", capsys.readouterr().out, re.M)


def test_findings_of_make_check_still_get_the_build_without_annotating_them_twice(runs, monkeypatch, capsys):
    calls, results = runs
    results["check"] = False
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert verify.main([]) == 1
    build_env = calls[1][1]
    assert build_env is not None and build_env["GITHUB_ACTIONS"] == "false"
    assert "make check 0.1 s (FAILED)" in capsys.readouterr().out


def test_a_failed_build_skips_the_tests_and_fails(runs, capsys):
    calls, results = runs
    results["build"] = False
    assert verify.main([]) == 1
    assert len(calls) == 2
    assert "docs tests 0.0 s (skipped)" in capsys.readouterr().out
