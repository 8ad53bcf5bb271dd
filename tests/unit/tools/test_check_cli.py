"""`make check` (`guide-check`, partner_guide/tools/check.py): the page checks without building the site."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support import ROOT, venv_tool

CHECK = venv_tool("guide-check")
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
ENV.pop("GITHUB_ACTIONS", None)


def _run(*args: str, cwd=ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHECK, *args], cwd=cwd, env={**ENV, **env}, capture_output=True, text=True, timeout=120)


def test_real_docs_have_no_finding_and_exit_zero():
    result = _run("docs")
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_bad_page_exits_one_with_the_exact_line(tmp_path):
    page = tmp_path / "docs" / "hot" / "bad.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: 坏\n---\n\n# 坏\n\n## 问题 {#q}\n\n请看 [通知公告][annouce]。\n", encoding="utf-8")
    result = _run("docs", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "docs/hot/bad.md:9:4: LINK-REF unknown link name [annouce] (hint: did you mean [announce]?)"
        in result.stdout.splitlines()
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_github_actions_adds_error_annotations(tmp_path):
    page = tmp_path / "docs" / "x.md"
    page.parent.mkdir()
    page.write_text("# x\n\n<script>alert(1)</script>\n", encoding="utf-8")
    result = _run("docs", cwd=tmp_path, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert any(
        line.startswith("::error file=docs/x.md,line=3,col=1,title=SAFE-TAG::") for line in result.stdout.splitlines()
    )


def test_check_imports_neither_mkdocs_nor_the_theme_nor_jieba():
    # Python-Markdown is imported: make check renders each page to judge its HTML as the build does.
    code = (
        f"import sys\nfrom partner_guide.tools import check; rc = check.main([{str(ROOT / 'docs')!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'jieba'))\n"
        "print(rc, loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stdout + result.stderr


def test_make_check_runs_the_same_command_after_the_install_stamp():
    result = subprocess.run(
        ["make", "--no-print-directory", "--dry-run", "--always-make", "check"],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == ".venv/bin/guide-check docs"
    assert "pip install" in result.stdout  # it depends on the install stamp, like the other targets


def test_make_check_reports_parity(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# 甲\n\n## 问题 {#q}\n", encoding="utf-8")
    (docs / "a.en.md").write_text("# A\n\n## Question {#question}\n", encoding="utf-8")
    result = _run("docs", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/a.md:3:8: PARITY-ID question id #q is not in docs/a.en.md" in result.stdout
    assert "docs/a.en.md:3:14: PARITY-ID question id #question is not in docs/a.md" in result.stdout
