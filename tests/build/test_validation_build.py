"""Integration: a strict build of a copy of the site with bad pages, in a subprocess.

The copy holds this repository's mkdocs.yml, docs/, hooks/ and overrides/, with
bad lines appended to one Chinese and one English page. The build runs as
`make build` does (subprocess: the i18n plugin leaves a monkeypatch behind
when an in-process build fails; PYTHONDONTWRITEBYTECODE like the Makefile).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from partner_guide.tools.site import copy_site
from tests.support import ROOT, venv_tool

pytestmark = pytest.mark.slow

SITE_FILES = ("mkdocs.yml", "docs", "hooks", "overrides")
LEGACY = "[公告](https://console.qcloud.com/partners/announce)"
ZH_LINE = ("docs/hot/refund.md:{line}:6: LINK-LEGACY-HOST legacy console host console.qcloud.com "
           "(hint: use https://console.cloud.tencent.com/partners/announce)")
EN_SCRIPT = "<script>alert(1)</script>"
EN_LINE = ("docs/hot/rebate.en.md:{line}:1: SAFE-TAG <script> is not allowed (removed with its content) "
           "(hint: remove it: pages use Markdown, and only the HTML the site renders itself "
           "(partner_guide/site/allowlist.py))")


def _copy_site(target: Path) -> Path:
    copy_site(target)
    shutil.copytree(ROOT / "docs", target / "docs")
    return target


def _append(path: Path, text: str) -> int:
    """Append a paragraph; return its 1-based line number in the file."""
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(content + text + "\n", encoding="utf-8")
    return content.count("\n") + 1


def _build(site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **env}
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(env)
    return subprocess.run([venv_tool("mkdocs"), "build", "--strict", "--site-dir", str(site / "out")], cwd=site,
                          env=environment, capture_output=True, text=True, timeout=300)


def _tree_digest(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for name in SITE_FILES for path in sorted((site / name).rglob("*") if (site / name).is_dir()
                                                     else [site / name]) if path.is_file()}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    site = _copy_site(tmp_path_factory.mktemp("bad-site"))
    zh = _append(site / "docs/hot/refund.md", LEGACY)
    en = _append(site / "docs/hot/rebate.en.md", EN_SCRIPT)
    before = _tree_digest(site)
    result = _build(site, GITHUB_ACTIONS="true")
    return result, zh, en, before, _tree_digest(site)


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
    assert (f"::error file=docs/hot/refund.md,line={zh},col=6,title=LINK-LEGACY-HOST::"
            "LINK-LEGACY-HOST legacy console host console.qcloud.com") in result.stdout


def test_failing_build_leaves_the_source_tree_byte_identical(bad_build):
    _, _, _, before, after = bad_build
    assert after == before


def test_broken_registry_stops_the_build_with_a_plugin_error_naming_the_entry(tmp_path):
    site = _copy_site(tmp_path)
    registry = site / "hooks/registry.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("path: /partners/announce", "path: partners"),
                        encoding="utf-8")
    result = _build(site)
    assert result.returncode != 0
    assert "console.routes.announce.path" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_build_fails_on_a_missing_translation_without_fallback(tmp_path):
    """No silent fallback to Chinese: the build names the missing English page."""
    site = _copy_site(tmp_path)
    (site / "docs" / "hot" / "binding.en.md").unlink()
    result = _build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert ("docs/hot/binding.md:1:1: PARITY-MISSING no English page: docs/hot/binding.en.md "
            "does not exist") in output
    assert not (site / "out" / "en" / "hot" / "binding" / "index.html").exists()
