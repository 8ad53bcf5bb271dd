"""Integration: strict builds of a copy of the site with findings, in a subprocess.

`broken_repository` (conftest.py) is a copy of the repository with bad
lines appended to Chinese and English pages and one English page removed,
built by `make build` with GITHUB_ACTIONS=true as a pull request's CI run
does (subprocess: the i18n plugin leaves a monkeypatch behind when an
in-process build fails; PYTHONDONTWRITEBYTECODE like the Makefile). A
broken registry stops a build of its own before any page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from partner_guide.tools.site import copy_site

from tests.adversarial import REGISTRY_CASES
from tests.support import MISSING_TRANSLATION, ROOT, venv_tool

pytestmark = pytest.mark.slow

ZH_PAGE, EN_PAGE = "docs/hot/refund.md", "docs/hot/rebate.en.md"
ZH_LINE = (
    "docs/hot/refund.md:{line}:6: LINK-LEGACY-HOST legacy console host console.qcloud.com "
    "(hint: use https://console.cloud.tencent.com/partners/announce)"
)
EN_LINE = (
    "docs/hot/rebate.en.md:{line}:1: SAFE-TAG <script> is not allowed (removed with its content) "
    "(hint: remove it: pages use Markdown, and only the HTML the site renders itself "
    "(partner_guide/site/allowlist.py))"
)


@pytest.fixture(scope="module")
def bad_build(broken_repository):
    repo = broken_repository
    return repo.build, repo.lines[ZH_PAGE], repo.lines[EN_PAGE], repo.before, repo.after


def test_bad_chinese_page_fails_the_build_with_the_exact_finding_line(bad_build):
    result, zh, _, _, _ = bad_build
    assert result.returncode != 0
    assert ZH_LINE.format(line=zh) in result.stderr, result.stderr


def test_bad_english_page_fails_the_build_with_the_exact_finding_line(bad_build):
    result, _, en, _, _ = bad_build
    assert EN_LINE.format(line=en) in result.stderr, result.stderr


def test_findings_are_reported_once_although_every_language_is_built(bad_build):
    result, zh, en, _, _ = bad_build
    assert result.stderr.count(ZH_LINE.format(line=zh)) == 1
    assert result.stderr.count(EN_LINE.format(line=en)) == 1


def test_content_errors_cause_no_traceback(bad_build):
    result = bad_build[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_github_actions_gets_error_annotations(bad_build):
    result, zh, _, _, _ = bad_build
    assert (
        f"::error file=docs/hot/refund.md,line={zh},col=6,title=LINK-LEGACY-HOST::"
        "LINK-LEGACY-HOST legacy console host console.qcloud.com"
    ) in result.stdout


def test_failing_build_leaves_the_source_tree_byte_identical(bad_build):
    _, _, _, before, after = bad_build
    assert after == before


def test_strict_build_fails_on_a_missing_translation_without_fallback(broken_repository):
    """No silent fallback to Chinese: the build names the missing English page."""
    result = broken_repository.build
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert (f"docs/hot/binding.md:1:1: PARITY-MISSING no English page: {MISSING_TRANSLATION} does not exist") in output
    assert not (broken_repository.root / "site" / "en" / "hot" / "binding" / "index.html").exists()


def test_broken_registry_stops_the_build_with_a_plugin_error_naming_the_entry(tmp_path: Path):
    """The one build with a broken registry (every other case: tests/unit/test_registry.py): it stops, with the
    registry's finding at its line and the entry's name, and no traceback."""
    copy_site(tmp_path)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    registry = tmp_path / "hooks/registry.yml"
    old, new, rule = REGISTRY_CASES["registry-javascript-contact"]
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("path: /partners/announce", "path: partners").replace(old, new, 1), encoding="utf-8"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(
        [venv_tool("mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "out")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "console.routes.announce.path" in result.stderr
    assert re.search(r"hooks/registry\.yml:\d+:\d+: REG-PATH", result.stderr), result.stderr[-2000:]
    assert re.search(rf"hooks/registry\.yml:\d+:\d+: {rule}", result.stderr), result.stderr[-2000:]
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out" / "index.html").exists()
