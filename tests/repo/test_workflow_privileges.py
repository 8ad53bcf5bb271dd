"""No job that holds a write token checks out or runs the pull request's code.

A pull request's mkdocs.yml, hooks, Makefile and tests are code. They run in
`pull_request` jobs whose token only reads (pr.yml, preview.yml); the jobs
that may write (`contents: write`, `pull-requests: write`) only handle the
built artifact as data, from a checkout of the default branch. The audit
below reads every workflow and fails on any privileged job that:

- checks out anything but the default branch (a checkout without `ref` in a
  `pull_request` workflow is the pull request's merge commit), or names a
  pull request's head in a checkout or action reference;
- uses a local action (`uses: ./…`, code from the work tree);
- runs a build or install command (make, pip, mkdocs, npm, pytest, the
  project's console scripts), or any Python but the standard-library
  guide-pr-comment from the default branch's hooks/src;
- unpacks an artifact inside the work tree, where its files could replace
  the checked-out code.

It is shown not to be vacuous on workflows that break each rule.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
WRITE_SCOPES = ("contents", "pull-requests")
DEFAULT_BRANCH = "${{ github.event.repository.default_branch }}"
# Expressions that name the pull request's own commit or repository.
PR_HEAD = re.compile(
    r"github\.event\.pull_request\.head|github\.event\.workflow_run\.head_(?:sha|branch|repository)"
    r"|github\.head_ref|refs/pull/"
)
# Commands that build, install or run the project's code.
BUILD_COMMAND = re.compile(
    r"(?:^|[\s;&|(])(?:make|pip3?|mkdocs|npm|npx|pytest|pre-commit|\.venv/\S*|guide-[\w-]+)"
    r"(?=\s|$)",
    re.M,
)
PYTHON = re.compile(r"(?:^|[\s;&|(])python3?(?:\.\d+)?\b(?P<rest>[^\n]*)", re.M)
TRUSTED_PYTHON = re.compile(r"^ -m partner_guide\.tools\.pr_comment\b")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _triggers(workflow: dict[str, Any]) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


def privileged(workflow: dict[str, Any], job: dict[str, Any]) -> bool:
    """The job's token may write the repository's contents or its pull requests."""
    permissions = job.get("permissions", workflow.get("permissions", "write-all"))  # GitHub's default may write
    if isinstance(permissions, str):
        return permissions == "write-all"
    return any(permissions.get(scope) == "write" for scope in WRITE_SCOPES)


def audit(workflow: dict[str, Any], name: str) -> list[str]:
    """What lets a privileged job of `workflow` check out or run a pull request's code."""
    problems = []
    pull_request = bool(_triggers(workflow) & {"pull_request", "pull_request_target"})
    for job_id, job in workflow["jobs"].items():
        if not privileged(workflow, job):
            continue
        where = f"{name}: job {job_id}"
        if "uses" in job:
            problems.append(f"{where} calls a reusable workflow with a write token")
        for step in job.get("steps", []):
            uses, inputs, run = step.get("uses", ""), step.get("with", {}) or {}, step.get("run", "")
            if uses.startswith("./"):
                problems.append(f"{where} uses a local action {uses}")
            if PR_HEAD.search(uses) or any(PR_HEAD.search(str(value)) for value in inputs.values()):
                problems.append(f"{where} passes the pull request's head to {uses or 'a step'}")
            if uses.startswith("actions/checkout@"):
                if inputs.get("ref") != DEFAULT_BRANCH or "repository" in inputs:
                    kind = "the pull request's merge commit" if pull_request and "ref" not in inputs else "not main"
                    problems.append(f"{where} checks out {inputs.get('ref', kind)}")
            if uses.startswith("actions/download-artifact@") and not str(inputs.get("path", "")).startswith(
                "${{ runner.temp }}"
            ):
                problems.append(f"{where} unpacks an artifact into the work tree")
            for match in BUILD_COMMAND.finditer(run):
                problems.append(f"{where} runs {match.group(0).strip()!r}")
            for match in PYTHON.finditer(run):
                if not TRUSTED_PYTHON.match(match["rest"]):
                    problems.append(f"{where} runs Python other than guide-pr-comment: {match.group(0).strip()!r}")
            if run and re.search(
                r"(?:^|\s)(?:source|bash|sh|\.)\s+\S*(?:preview|artifact|RUNNER_TEMP|runner\.temp)", run
            ):
                problems.append(f"{where} executes a file from the artifact")
    return problems


def _workflows() -> dict[str, dict[str, Any]]:
    return {path.name: _load(path) for path in sorted(WORKFLOWS.glob("*.y*ml"))}


def test_no_job_with_a_write_token_checks_out_or_runs_the_pull_requests_code():
    problems = [problem for name, workflow in _workflows().items() for problem in audit(workflow, name)]
    assert not problems, "\n".join(problems)


def test_the_write_tokens_are_exactly_where_the_deployments_and_the_comment_are():
    holders = {
        f"{name}:{job_id}"
        for name, workflow in _workflows().items()
        for job_id, job in workflow["jobs"].items()
        if privileged(workflow, job)
    }
    assert holders == {"publish.yml:deploy", "preview-deploy.yml:deploy", "preview-remove.yml:remove"}


def test_every_job_that_checks_out_the_pull_request_can_only_read():
    for name, workflow in _workflows().items():
        if not _triggers(workflow) & {"pull_request"}:
            continue
        for job_id, job in workflow["jobs"].items():
            checkouts = [s for s in job.get("steps", []) if s.get("uses", "").startswith("actions/checkout@")]
            if any((s.get("with") or {}).get("ref") != DEFAULT_BRANCH for s in checkouts):
                permissions = job.get("permissions", workflow.get("permissions"))
                assert permissions == {"contents": "read"}, f"{name}:{job_id} runs the pull request with {permissions}"


BAD = {
    "workflow_run checkout of the head": """
on: {workflow_run: {workflows: [x], types: [completed]}}
permissions: {}
jobs:
  deploy:
    runs-on: ubuntu-24.04
    permissions: {contents: write}
    steps:
      - uses: actions/checkout@v5
        with: {ref: "${{ github.event.workflow_run.head_sha }}"}
""",
    "pull_request checkout with a write token": """
on: pull_request
permissions: {pull-requests: write}
jobs:
  comment:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v5
""",
    "the build run with a write token": """
on: {workflow_run: {workflows: [x], types: [completed]}}
jobs:
  deploy:
    runs-on: ubuntu-24.04
    permissions: {contents: write}
    steps:
      - run: make build && .venv/bin/guide-check docs
""",
    "artifact unpacked into the work tree and executed": """
on: {workflow_run: {workflows: [x], types: [completed]}}
jobs:
  deploy:
    runs-on: ubuntu-24.04
    permissions: {pull-requests: write}
    steps:
      - uses: actions/download-artifact@v4
        with: {name: site-preview, path: preview}
      - run: bash preview/comment.sh && python3 preview/tool.py
""",
    "a local action with the default (write-all) token": """
on: {workflow_run: {workflows: [x], types: [completed]}}
jobs:
  deploy:
    runs-on: ubuntu-24.04
    steps:
      - uses: ./.github/actions/deploy
""",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_audit_catches_a_privileged_job_that_runs_pull_request_code(case):
    workflow = yaml.safe_load(BAD[case])
    workflow["on"] = workflow.pop(True)
    assert audit(workflow, case), f"the audit missed: {case}"
