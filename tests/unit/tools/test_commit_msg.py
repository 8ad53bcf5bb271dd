"""The commit-message check of pre-commit's commit-msg stage (tools/commit_msg.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from partner_guide.tools.commit_msg import SUBJECT_MAX, main, problems

BODY = "\n\nThe body says why the change is made.\n"


def test_a_short_subject_with_a_body_passes():
    assert problems("Search: rank headings above answers" + BODY) == []


def test_a_subject_of_exactly_72_characters_passes_and_73_fails():
    assert problems("x" * SUBJECT_MAX + BODY) == []
    (problem,) = problems("x" * (SUBJECT_MAX + 1) + BODY)
    assert "73 characters" in problem and "at most 72" in problem


def test_a_message_without_a_body_fails():
    assert problems("Fix the 404 links\n") == ["the body is missing: add a blank line and say why the change is made"]


def test_the_body_must_be_separated_by_a_blank_line():
    assert "blank line" in problems("Fix the 404 links\nbecause they left the site\n")[0]


def test_git_comment_lines_and_the_verbose_diff_are_not_part_of_the_message():
    text = (
        "Fix the 404 links" + BODY + "# Please enter the commit message\n"
        "# ------------------------ >8 ------------------------\n" + "diff --git a/x b/x\n" + "y" * 200 + "\n"
    )
    assert problems(text) == []


@pytest.mark.parametrize("subject", ["Merge branch 'issue-20' into main", 'Revert "Fix the 404 links"'])
def test_subjects_that_git_writes_itself_pass(subject):
    assert problems(subject + " " + "x" * 80 + "\n") == []


def test_an_empty_message_fails():
    assert problems("# only comments\n\n") == ["the message is empty"]


def test_the_command_exits_1_and_names_the_problem(tmp_path: Path, capsys):
    message = tmp_path / "COMMIT_EDITMSG"
    message.write_text("y" * 100 + BODY, encoding="utf-8")
    assert main([str(message)]) == 1
    assert "100 characters" in capsys.readouterr().err
    message.write_text("Short subject" + BODY, encoding="utf-8")
    assert main([str(message)]) == 0


def test_the_installed_console_script_is_what_pre_commit_runs(tmp_path: Path):
    message = tmp_path / "COMMIT_EDITMSG"
    message.write_text("z" * 90 + BODY, encoding="utf-8")
    script = Path(sys.executable).with_name("guide-commit-msg")
    result = subprocess.run([str(script), str(message)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "90 characters" in result.stderr
