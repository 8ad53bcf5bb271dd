"""Every Tencent-format fixture, imported (`guide-import`), builds in the real site with only the
findings a person must decide (registry entries, translations, images) left as warnings."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from partner_guide.tools.importer import HUMAN_DECISIONS

from tests.support import ROOT, venv_tool
from tests.unit.markdown.test_tencent import FIXTURES

pytestmark = pytest.mark.slow
WARNING_RE = re.compile(r"^WARNING\s+-\s+(?P<text>.*)$", re.M)
FINDING_RE = re.compile(r":\d+:\d+: (?P<rule>[A-Z][A-Z0-9-]+) ")


def test_imported_fixtures_build_with_only_a_persons_decisions_left(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "imported").mkdir()
    imported = subprocess.run(
        [venv_tool("guide-import"), str(FIXTURES), "--into", "docs/imported"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    # Beside mkdocs.yml (its relative paths) and gitignored like the benchmark's configs.
    config = ROOT / ".bench-test-import.yml"
    config.write_text(f"INHERIT: mkdocs.yml\ndocs_dir: {docs}\nvalidation:\n  omitted_files: info\n", encoding="utf-8")
    try:
        # --no-strict: the warnings are the decisions; the pages must still come out.
        built = subprocess.run(
            [venv_tool("mkdocs"), "build", "--no-strict", "-f", str(config), "-d", str(tmp_path / "site")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
    finally:
        config.unlink()
    log = built.stdout + built.stderr
    assert "Traceback" not in log
    warnings = WARNING_RE.findall(log)
    rules = [FINDING_RE.search(text).group("rule") if FINDING_RE.search(text) else text for text in warnings]
    assert rules and set(rules) <= set(HUMAN_DECISIONS), rules
    assert built.returncode == 0, log
    for name in ("note-then-next-step", "customer-binding", "tabs", "codeblocks"):
        assert (tmp_path / "site" / "imported" / name / "index.html").is_file()
    assert (tmp_path / "site" / "en" / "imported" / "customer-binding" / "index.html").is_file()
