"""The GitHub workflows: valid, secure, and doing what the README promises.

Offline only. `check-jsonschema --builtin-schema vendor.github-workflows`
checks the structure against the schema bundled in the wheel; `zizmor
--offline` audits security (template injection, dangerous triggers, unpinned
actions, credential persistence, excessive permissions, cache poisoning).
Both come from the test extra in pyproject.toml.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PR = WORKFLOWS / "pr.yml"
PUBLISH = WORKFLOWS / "publish.yml"
PREVIEW = WORKFLOWS / "preview.yml"
PREVIEW_DEPLOY = WORKFLOWS / "preview-deploy.yml"
PREVIEW_REMOVE = WORKFLOWS / "preview-remove.yml"
ALL = [PR, PUBLISH, PREVIEW, PREVIEW_DEPLOY, PREVIEW_REMOVE]
SEVERITIES = ["Unknown", "Informational", "Low", "Medium", "High"]
# `uses: owner/repo@<40 hex> # vX.Y.Z`: pinned by commit, release named.
PINNED_USES_RE = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")


def _tool(name: str) -> str:
    """A console script from the same environment as this interpreter."""
    candidate = Path(sys.executable).with_name(name)
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: run `make install` (it is in the test extra)")
    return found


def _offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GH_", "GITHUB_"))}
    env["NO_COLOR"] = "1"
    return env


def _load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); keep it readable.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _zizmor(*paths: Path) -> list[dict]:
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--format", "json", "--persona", "pedantic", *map(str, paths)],
        capture_output=True,
        text=True,
        env=_offline_env(),
        timeout=120,
    )
    # zizmor exits non-zero when it has findings; its JSON is on stdout either way.
    assert result.stdout.strip().startswith("["), f"zizmor failed (exit {result.returncode}):\n{result.stderr}"
    return json.loads(result.stdout)


def _at_least_medium(findings: list[dict]) -> list[str]:
    out = []
    for finding in findings:
        severity = finding["determinations"]["severity"]
        if SEVERITIES.index(severity) >= SEVERITIES.index("Medium"):
            where = finding["locations"][0]["concrete"]["location"]["start_point"]
            path = finding["locations"][0]["symbolic"]["key"]["Local"]["verbatim_path"]
            out.append(f"{path}:{where['row'] + 1}: {finding['ident']} ({severity}) {finding['desc']}")
    return out


def test_every_workflow_exists_and_no_other():
    assert sorted(WORKFLOWS.glob("*.y*ml")) == sorted(ALL)


def test_workflows_match_the_github_workflow_schema():
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, ALL)],
        capture_output=True,
        text=True,
        env=_offline_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_finds_nothing_at_medium_or_above():
    # The pedantic persona shows everything zizmor knows; the bar is severity.
    problems = _at_least_medium(_zizmor(*ALL))
    assert not problems, "zizmor findings at medium or above:\n" + "\n".join(problems)


def test_the_one_zizmor_ignore_is_the_artifact_only_workflow_run_trigger():
    """preview-deploy.yml's `workflow_run` is what zizmor calls a dangerous trigger; it is safe because its
    job runs nothing from the pull request, which tests/repo/test_workflow_privileges.py proves."""
    ignores = [
        (path.name, line.strip())
        for path in ALL
        for line in path.read_text(encoding="utf-8").splitlines()
        if "zizmor: ignore" in line
    ]
    assert ignores == [
        (
            "preview-deploy.yml",
            "workflow_run: # zizmor: ignore[dangerous-triggers] artifact-only: "
            "no checkout or execution of the run's code",
        )
    ]


def test_zizmor_offline_does_catch_a_dangerous_workflow(tmp_path):
    """The audit above is not vacuous: a known-bad workflow fails it."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    idents = {line.split(": ")[1].split(" ")[0] for line in _at_least_medium(_zizmor(bad))}
    assert {"dangerous-triggers", "template-injection", "unpinned-uses"} <= idents, idents


def test_pull_request_workflows_use_pull_request_never_target():
    text = "".join(path.read_text(encoding="utf-8") for path in ALL)
    assert "pull_request_target" not in re.sub(r"#.*", "", text)
    for path in (PR, PREVIEW, PREVIEW_REMOVE):
        assert "pull_request" in _load(path)["on"], path.name


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_release_named(path):
    uses = [
        line.split("uses:", 1)[1].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]
    assert uses, f"{path.name} uses no action"
    unpinned = [u for u in uses if not PINNED_USES_RE.match(u)]
    assert not unpinned, f"{path.name}: pin by full SHA with a `# vX.Y.Z` comment: {unpinned}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials_and_builds_from_full_history(path):
    checkouts = [s for s in _steps(_load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False
        if "ref" not in step["with"]:
            # A checkout that builds: last-updated dates come from git, and a one-commit clone makes the
            # date plugin warn on GitHub Actions, which fails the strict build.
            assert step["with"]["fetch-depth"] == 0
        else:
            # The default branch, for the deploy actions' git work tree: nothing is built from it.
            assert step["with"]["ref"] == "${{ github.event.repository.default_branch }}"


def test_pull_request_workflow_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^(make \w+)\s+# strict build \+ the whole test suite", readme, re.M)
    assert match, "README no longer names its test command"
    workflow = _load(PR)
    assert workflow["permissions"] == {"contents": "read"}
    runs = [s["run"].strip() for s in _steps(workflow) if "run" in s]
    assert match.group(1) in runs, runs
    job = workflow["jobs"]["test"]
    assert job["runs-on"].startswith("ubuntu")
    assert job["env"]["REQUIRE_BROWSER"] == "1"  # browser tests may not skip in CI


def test_pull_request_workflow_caches_pip_and_installs_chromium_for_make_test():
    steps = _load(PR)["jobs"]["test"]["steps"]
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    assert any("apt-get install" in s.get("run", "") and "chromium" in s.get("run", "") for s in steps)


def test_the_fast_lane_is_its_own_job_beside_make_test():
    jobs = _load(PR)["jobs"]
    assert [s["run"].strip() for s in jobs["verify"]["steps"] if "run" in s] == ["make verify"]
    assert "needs" not in jobs["verify"] and "needs" not in jobs["test"]  # side by side, neither waits
    assert "REQUIRE_BROWSER" not in jobs["verify"].get("env", {})
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^verify: \$\(STAMP\)\n(\t.*\n)*\t\$\(BIN\)/guide-verify", makefile, re.M)


def test_one_gate_job_always_reports_and_fails_unless_every_other_job_succeeded():
    workflow = _load(PR)
    gate = workflow["jobs"]["gate"]
    assert sorted(gate["needs"]) == sorted(name for name in workflow["jobs"] if name != "gate")
    assert gate["if"] == "${{ always() }}"
    step = gate["steps"][0]
    assert step["env"]["RESULTS"] == "${{ join(needs.*.result, ' ') }}"
    assert '"$result" != "success"' in step["run"] and "exit 1" in step["run"]
    # A path filter on the trigger would skip the gate too: it would wait for ever.
    assert workflow["on"] == {"pull_request": {"branches": ["main"]}}


def test_the_preview_is_built_without_write_access_and_never_waits_for_make_test():
    workflow = _load(PREVIEW)
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["on"] == {"pull_request": {"branches": ["main"]}}
    job = workflow["jobs"]["build"]
    assert "permissions" not in job and "needs" not in job
    assert job["env"]["SITE_PREVIEW"] == "1"
    runs = "\n".join(s.get("run", "") for s in job["steps"])
    assert "/pr-preview/pr-${PR_NUMBER}/" in runs and "make build" in runs and "guide-pr-comment meta" in runs
    # A failed strict build leaves the pages it reported in site/ (issue 11): never uploaded.
    assert 'if [ -z "$BUILT" ]; then rm -rf site; fi' in runs
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "site-preview" and upload["with"]["path"] == "preview/"
    # The deploy workflow follows this workflow, not pr.yml (whose make test takes 15 minutes).
    deploy = _load(PREVIEW_DEPLOY)
    assert deploy["on"]["workflow_run"]["workflows"] == [workflow["name"]]
    assert workflow["name"] != _load(PR)["name"]


def test_the_preview_is_deployed_to_its_own_folder_and_commented_once_it_answers():
    job = _load(PREVIEW_DEPLOY)["jobs"]["deploy"]
    # Only a pull request's successful build run; the artifact's number must be that pull request's open head.
    assert "workflow_run.event == 'pull_request'" in job["if"] and "conclusion == 'success'" in job["if"]
    identify = next(s for s in job["steps"] if s.get("id") == "pr")
    assert '"$state" != "$HEAD_SHA open"' in identify["run"]
    deploy = next(s for s in job["steps"] if s.get("uses", "").startswith("rossjrw/pr-preview-action@"))
    assert deploy["with"]["action"] == "deploy" and deploy["with"]["umbrella-dir"] == "pr-preview"
    assert deploy["with"]["preview-branch"] == "gh-pages" and deploy["with"]["comment"] is False
    assert deploy["with"]["wait-for-pages-deployment"] is True
    comment = next(s for s in job["steps"] if "pr_comment comment" in s.get("run", ""))
    assert (
        "--wait 600" in comment["run"]
        and "PATCH" in comment["run"]
        and "<!-- partner-guide-preview -->" in comment["run"]
    )
    assert job["steps"].index(deploy) < job["steps"].index(comment)
    assert "env.FORK == 'false'" in deploy["if"]  # a fork gets the artifact's link and one line instead
    assert '--fork --artifact-url "$SERVER/$REPO/actions/runs/$RUN_ID/artifacts/$artifact"' in comment["run"]


def test_the_preview_is_removed_when_the_pull_request_closes():
    workflow = _load(PREVIEW_REMOVE)
    assert workflow["on"] == {"pull_request": {"types": ["closed"]}}
    remove = next(s for s in workflow["jobs"]["remove"]["steps"] if s.get("uses", "").startswith("rossjrw/"))
    assert remove["with"]["action"] == "remove" and remove["with"]["umbrella-dir"] == "pr-preview"


def test_publishing_main_deploys_to_the_pages_branch_and_keeps_the_previews():
    workflow = _load(PUBLISH)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"contents": "write"}
    assert deploy["needs"] == "build"
    make_build = next(s for s in build["steps"] if s.get("run") == "make build")
    assert "vars.SITE_URL" in make_build["env"]["SITE_URL"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n\t\$\(BIN\)/mkdocs build --strict$", makefile, re.M)
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    push = next(s for s in deploy["steps"] if s.get("uses", "").startswith("JamesIves/github-pages-deploy-action@"))
    assert push["with"]["branch"] == "gh-pages" and push["with"]["force"] is False
    assert "pr-preview/" in push["with"]["clean-exclude"].split()
    # The artifact method (deploy-pages) and `mkdocs gh-deploy --force` replace the whole site, previews included.
    text = re.sub(r"#.*", "", "".join(path.read_text(encoding="utf-8") for path in ALL))
    assert "deploy-pages@" not in text and "gh-deploy" not in text
