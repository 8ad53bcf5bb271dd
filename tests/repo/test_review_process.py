"""Review process files: CODEOWNERS, the pull-request template, the pre-commit config."""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT

MAINTAINERS = "@tencent-cloud-partner-guide/maintainers"
WRITERS = "@tencent-cloud-partner-guide/writers"


def _codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def _matches(pattern: str, path: str) -> bool:
    """The subset of CODEOWNERS patterns used here: `*`, `/file`, `/dir/`."""
    if pattern == "*":
        return True
    if pattern.endswith("/"):
        return ("/" + path).startswith(pattern)
    return fnmatch.fnmatchcase("/" + path, pattern)


def owners_of(path: str) -> list[str]:
    found: list[str] = []
    for pattern, owners in _codeowners():  # the last matching line wins
        if _matches(pattern, path):
            found = owners
    return found


@pytest.mark.parametrize(
    "path",
    [
        "mkdocs.yml",
        "hooks/checks.py",
        "hooks/src/partner_guide/checks/links.py",
        "hooks/registry.yml",
        "overrides/main.html",
        "overrides/partials/contact.html",
        "pyproject.toml",
        "Makefile",
        ".ci/run",
        ".github/workflows/pr.yml",
        ".github/CODEOWNERS",
        ".pre-commit-config.yaml",
        "docs/assets/stylesheets/extra.css",
        "tests/conftest.py",
        "README.md",
    ],
)
def test_code_and_configuration_belong_to_maintainers(path):
    assert owners_of(path) == [MAINTAINERS], path


@pytest.mark.parametrize("path", ["docs/index.md", "docs/hot/rebate.md", "docs/hot/rebate.en.md", "docs/writing.md"])
def test_pages_belong_to_writers(path):
    assert owners_of(path) == [WRITERS], path


def test_codeowners_names_only_real_paths():
    for pattern, _ in _codeowners():
        if pattern != "*":
            assert (ROOT / pattern.strip("/")).exists(), f"CODEOWNERS names {pattern}, which does not exist"


def test_pull_request_template_has_the_bilingual_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(items) == 3, items
    both, check, preview = items
    assert ".en.md" in both and "英文" in both and "Both editions" in both
    assert "`make check`" in check
    assert "make serve" in preview and "site-preview" in preview and "预览" in preview


def _pre_commit_config() -> dict:
    return yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))


def test_pre_commit_config_is_valid():
    pre_commit = Path(sys.executable).with_name("pre-commit")
    result = subprocess.run(
        [str(pre_commit), "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_runs_make_check_on_changed_markdown():
    local = [hook for repo in _pre_commit_config()["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    (hook,) = [h for h in local if h["id"] == "make-check"]
    assert hook["entry"] == "sh -c 'make check FILES=\"$*\"' --" and hook["language"] == "system"
    assert hook["pass_filenames"] is True  # `guide-check --changed` on the commit's files
    files = re.compile(hook["files"])
    assert files.search("docs/hot/rebate.md") and files.search("docs/writing.en.md")
    assert not files.search("hooks/src/partner_guide/checks/links.py")


def test_pre_commit_hooks_are_pinned_and_mkdocs_yml_is_checked_for_syntax_only():
    (repo,) = [r for r in _pre_commit_config()["repos"] if r["repo"].endswith("/pre-commit-hooks")]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"]), repo["rev"]
    hooks = {h["id"] for h in repo["hooks"]}
    assert {"trailing-whitespace", "end-of-file-fixer", "check-yaml"} <= hooks
    yaml_hooks = [h for h in repo["hooks"] if h["id"] == "check-yaml"]
    # mkdocs.yml has !!python/name and !ENV tags: a safe load would reject it.
    for hook in yaml_hooks:
        covers_mkdocs = re.search(hook.get("files", ".*"), "mkdocs.yml") and not (
            hook.get("exclude") and re.search(hook["exclude"], "mkdocs.yml")
        )
        if covers_mkdocs:
            assert "--unsafe" in hook.get("args", []), hook
    assert any("--unsafe" in h.get("args", []) for h in yaml_hooks)


def test_pre_commit_checks_the_commit_message_subject_length_and_runs_the_linters():
    local = {h["id"]: h for repo in _pre_commit_config()["repos"] if repo["repo"] == "local" for h in repo["hooks"]}
    message = local["commit-msg"]
    assert message["stages"] == ["commit-msg"] and message["entry"].endswith("guide-commit-msg")
    lint = local["make-lint"]
    assert lint["entry"] == "make lint" and re.search(lint["files"], "hooks/src/partner_guide/registry.py")
