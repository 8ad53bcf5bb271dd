"""The benchmark's baselines build (`make bench` compares the real build with them).

The real site without its checking hook and without any hook must still
build: the templates fall back where a hook's data (`ui`, the registry) is
missing, instead of failing the benchmark.
"""

from __future__ import annotations

import subprocess

import pytest
from partner_guide.tools import bench

from tests.support import ROOT, venv_tool

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name, drop", [("nochecks", bench.CHECK_HOOKS), ("nohooks", None)])
def test_the_real_site_builds_without_its_hooks(tmp_path, name, drop):
    config = ROOT / f".bench-test-{name}.yml"  # beside mkdocs.yml, for its relative paths; gitignored
    config.write_text(bench.without_hooks((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), drop), encoding="utf-8")
    try:
        result = subprocess.run(
            [venv_tool("mkdocs"), "build", "-f", str(config), "-d", str(tmp_path / "site")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
    finally:
        config.unlink()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "site" / "404.html").is_file() and (tmp_path / "site" / "en" / "index.html").is_file()


def test_a_synthetic_site_builds_strictly_with_its_search_index(tmp_path):
    """The benchmark's generated sites pass every check (their synonyms point at their own words)."""
    site = bench.synthetic_site(tmp_path / "src", 10)
    result = subprocess.run(
        bench.build_cmd("mkdocs.yml", tmp_path / "out"),
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        env=bench.ENV,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert bench.index_size(tmp_path / "out") > 0


def test_the_empty_baseline_builds_both_editions_strictly(tmp_path):
    """The baseline the real build is measured against pays the same per-edition cost: two languages."""
    site = bench.empty_material_site(tmp_path / "src")
    result = subprocess.run(
        bench.build_cmd("mkdocs.yml", tmp_path / "out"),
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        env=bench.ENV,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "空" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Empty" in (tmp_path / "out" / "en" / "index.html").read_text(encoding="utf-8")


def test_the_plain_material_baseline_builds_committed_pages_with_the_date_plugin(tmp_path):
    """The baseline a user would pick: plain Material, same i18n, the date plugin at its defaults, no hook."""
    site = bench.commit_site(bench.synthetic_site(tmp_path / "src", 20))
    assert (
        subprocess.run(
            ["git", "-C", str(site), "status", "--porcelain", "docs"], capture_output=True, text=True, check=True
        ).stdout
        == ""
    ), "every page should be committed"
    config = bench.plain_material_config((site / "mkdocs.yml").read_text(encoding="utf-8"))
    settings = [line for line in config.splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in settings if "partner_guide" in line or "custom_dir" in line or line == "hooks:"]
    assert "  - git-revision-date-localized\n" in config
    (site / bench.PLAIN_CONFIG).write_text(config, encoding="utf-8")
    result = subprocess.run(
        bench.build_cmd(bench.PLAIN_CONFIG, tmp_path / "out", strict=False),
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        env=bench.ENV,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "out" / "en" / "stage-00" / "topic-0" / "page-0001" / "index.html").read_text(encoding="utf-8")
    assert "git-revision-date-localized-plugin-date" in page
