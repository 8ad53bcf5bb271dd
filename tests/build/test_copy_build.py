"""The copy checks fail the strict build (issue 19): a COPY-* finding is a warning with its line and hint,
and a broken terms list is reported on its own line, in the build as in `make check`."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from partner_guide.tools.site import build_site, copy_site

from tests.support import ROOT, venv_tool

pytestmark = pytest.mark.slow

URL = "http://127.0.0.1:8/"  # only written into the pages


def test_a_copy_finding_fails_the_strict_build_and_make_check_with_the_same_line(tmp_path):
    source = copy_site(tmp_path / "source")
    shutil.copytree(ROOT / "docs", source / "docs")
    page = source / "docs" / "hot" / "rebate.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("- 业绩结算环节：腾讯云每月 10 号统计上月业绩", "- 业绩结算环节：腾讯云每月10号统计上月业绩"),
        encoding="utf-8",
    )
    (source / "hooks" / "terms.yml").write_text("zh:\n  iOS: ios\n", encoding="utf-8")
    line = (
        "docs/hot/rebate.md:19:15: COPY-SPACE no space between Chinese and Latin letters or digits in "
        "'讯云每月10号统计上' (hint: 讯云每月 10 号统计上)"
    )

    built = build_site(tmp_path / "out", URL, config=source / "mkdocs.yml", cwd=source)
    log = built.stdout + built.stderr
    assert built.returncode != 0, log
    assert line in log
    assert "hooks/terms.yml:2:3: COPY-TERMS-FORMAT" in log

    check = subprocess.run(
        [venv_tool("guide-check"), str(source / "docs")],
        check=False,
        capture_output=True,
        text=True,
        cwd=source,
        timeout=300,
    )
    assert check.returncode == 1
    assert line in check.stdout.splitlines()
    assert any(out.startswith("hooks/terms.yml:2:3: COPY-TERMS-FORMAT") for out in check.stdout.splitlines())
