"""A change is checked with the pages it can break, not the whole guide (`guide-check --changed`, issue 20).

In a copy of the site whose overview links to a question of the rebate page
(`rebate.md#rebate-process`), the rebate page's heading id is changed: the
check of that one change, the strict build and nothing else must report the
overview's broken link. A finding on an unrelated page is left to the full
run, except when the change is one every page depends on (the registry).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from partner_guide.tools.site import copy_site

from tests.support import ROOT, venv_tool

REBATE = ("docs/hot/rebate.md", "docs/hot/rebate.en.md")
OVERVIEW = ("docs/hot/index.md", "docs/hot/index.en.md")
UNRELATED = "docs/prepare.md"


def _check(site, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [venv_tool("guide-check"), *args], cwd=site, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def site(tmp_path):
    copy = copy_site(tmp_path / "site")
    shutil.copytree(ROOT / "docs", copy / "docs")
    for page in OVERVIEW:
        path = copy / page
        path.write_text(
            path.read_text(encoding="utf-8").replace("](rebate.md)", "](rebate.md#rebate-process)"), encoding="utf-8"
        )
    return copy


def _rename_the_heading_id(site) -> None:
    for page in REBATE:
        path = site / page
        text = path.read_text(encoding="utf-8")
        assert "{#rebate-process}" in text
        path.write_text(text.replace("{#rebate-process}", "{#rebate-steps}"), encoding="utf-8")


def test_a_renamed_heading_id_is_reported_where_another_page_links_to_it(site, tmp_path):
    assert _check(site, "--changed", *OVERVIEW).returncode == 0, "the copy should start clean"
    _rename_the_heading_id(site)
    result = _check(site, "--changed", *REBATE)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if "LINK-ANCHOR" in line]
    assert broken and all(line.startswith(OVERVIEW) for line in broken), result.stdout
    assert any(line.startswith("docs/hot/index.md:") and "#rebate-process" in line for line in broken)

    build = subprocess.run(
        [venv_tool("mkdocs"), "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    output = build.stdout + build.stderr
    assert build.returncode != 0, output
    assert "docs/hot/index.md" in output and "LINK-ANCHOR" in output and "rebate-process" in output, output


def test_a_one_page_check_leaves_unrelated_pages_to_the_full_run(site):
    path = site / UNRELATED
    path.write_text(path.read_text(encoding="utf-8") + "\n请看 [通知公告][annouce]。\n", encoding="utf-8")
    assert UNRELATED not in _check(site, "--changed", REBATE[0]).stdout
    assert f"{UNRELATED}:" in _check(site, "docs").stdout
    # The registry reaches every page: a change to it checks them all.
    assert f"{UNRELATED}:" in _check(site, "--changed", "hooks/registry.yml").stdout


def test_a_change_to_one_edition_is_compared_with_the_other(site):
    path = site / REBATE[1]
    path.write_text(path.read_text(encoding="utf-8").replace("{#rebate-process}", "{#rebate-steps}"), encoding="utf-8")
    result = _check(site, "--changed", REBATE[1])
    assert result.returncode == 1
    assert "PARITY-" in result.stdout, result.stdout
