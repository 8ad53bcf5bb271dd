"""SOURCE_DATE_EPOCH from the last commit (partner_guide/site/reproducible.py)."""

from __future__ import annotations

import os
import subprocess

from partner_guide.site.reproducible import source_date_epoch, use_last_commit_date

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]


def commit_at(repo, epoch: int) -> None:
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "a.md").write_text("a", encoding="utf-8")
    env = {**os.environ, "GIT_COMMITTER_DATE": f"@{epoch} +0000", "GIT_AUTHOR_DATE": f"@{epoch} +0000"}
    subprocess.run([*GIT, "-C", str(repo), "add", "a.md"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "a"], check=True, env=env)


def test_the_epoch_is_the_last_commits_time(tmp_path):
    commit_at(tmp_path, 1_700_000_000)
    assert source_date_epoch(tmp_path) == "1700000000"


def test_outside_a_git_checkout_there_is_no_epoch(tmp_path):
    assert source_date_epoch(tmp_path / "not-a-repo") is None
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert source_date_epoch(tmp_path) is None  # a repository without commits


def test_an_epoch_the_environment_sets_wins(tmp_path, monkeypatch):
    commit_at(tmp_path, 1_700_000_000)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "42")
    use_last_commit_date(tmp_path)
    assert os.environ["SOURCE_DATE_EPOCH"] == "42"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    use_last_commit_date(tmp_path)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
