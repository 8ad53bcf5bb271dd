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
        capture_output=True, text=True, env=_offline_env(), timeout=120,
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


def test_both_workflows_exist():
    assert PR.is_file() and PUBLISH.is_file()


def test_workflows_match_the_github_workflow_schema():
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(PR), str(PUBLISH)],
        capture_output=True, text=True, env=_offline_env(), timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_finds_nothing_at_medium_or_above():
    # The pedantic persona shows everything zizmor knows; the bar is severity.
    problems = _at_least_medium(_zizmor(PR, PUBLISH))
    assert not problems, "zizmor findings at medium or above:\n" + "\n".join(problems)


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
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n",
        encoding="utf-8",
    )
    idents = {line.split(": ")[1].split(" ")[0] for line in _at_least_medium(_zizmor(bad))}
    assert {"dangerous-triggers", "template-injection", "unpinned-uses"} <= idents, idents


def test_pull_request_workflow_uses_pull_request_never_target():
    text = PR.read_text(encoding="utf-8") + PUBLISH.read_text(encoding="utf-8")
    assert "pull_request_target" not in re.sub(r"#.*", "", text)
    assert "pull_request" in _load(PR)["on"]


@pytest.mark.parametrize("path", [PR, PUBLISH], ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_release_named(path):
    uses = [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith(("uses:", "- uses:"))]
    assert uses, f"{path.name} uses no action"
    unpinned = [u for u in uses if not PINNED_USES_RE.match(u)]
    assert not unpinned, f"{path.name}: pin by full SHA with a `# vX.Y.Z` comment: {unpinned}"


@pytest.mark.parametrize("path", [PR, PUBLISH], ids=lambda p: p.name)
def test_checkout_keeps_no_credentials_and_fetches_full_history(path):
    checkouts = [s for s in _steps(_load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False
        # Last-updated dates come from git; a one-commit clone makes the date
        # plugin warn on GitHub Actions, which fails the strict build.
        assert step["with"]["fetch-depth"] == 0


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


def test_pull_request_workflow_caches_pip_installs_chromium_and_uploads_the_site():
    steps = _steps(_load(PR))
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    assert any("apt-get install" in s.get("run", "") and "chromium" in s.get("run", "") for s in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    # Reviewers need the preview when tests failed, but never a site whose strict build failed: its
    # pages hold what the build reported (issue 11), so only a successful build step is uploaded.
    build = next(s for s in steps if s.get("run", "").strip() == "make build")
    assert build["id"] == "build" and steps.index(build) < steps.index(upload)
    assert "cancelled()" in upload["if"] and "steps.build.outcome == 'success'" in upload["if"]


def test_publish_workflow_builds_strict_and_deploys_to_pages_with_minimal_rights():
    workflow = _load(PUBLISH)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"
    runs = [s.get("run", "") for s in build["steps"]]
    assert "make build" in runs
    make_build = next(s for s in build["steps"] if s.get("run") == "make build")
    assert "vars.SITE_URL" in make_build["env"]["SITE_URL"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n\t\$\(BIN\)/mkdocs build --strict$", makefile, re.M)
    uses = [s.get("uses", "") for s in build["steps"] + deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
