"""`make serve`: a saved page shows in the open browser, and a broken anchor is reported (issue 20).

`make serve` runs in a temporary copy of the site (never the real docs/) on a
free port. The rebate page is open in Chromium; its text is edited and the
page, reloaded by the preview itself, shows the new sentence. Then the
heading id that the overview links to is renamed: the preview's rebuild
renders the overview again and its strict check reports the broken anchor
there; with the id restored, the next rebuild passes again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from partner_guide.tools.site import copy_site

from tests.support import ROOT, free_port, new_context, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SENTENCE = "预览测试：保存后立即可见。"


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture
def served(tmp_path):
    site = copy_site(tmp_path / "site")
    shutil.copytree(ROOT / "docs", site / "docs")
    shutil.copy2(ROOT / "Makefile", site / "Makefile")
    for page in ("docs/hot/index.md", "docs/hot/index.en.md"):
        path = site / page
        path.write_text(
            path.read_text(encoding="utf-8").replace("](rebate.md)", "](rebate.md#rebate-process)"), encoding="utf-8"
        )
    port = free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "SITE_URL")}
    # The project's .venv, never an install from the copy.
    env["MAKEFLAGS"] = f"STAMP= VENV={Path(sys.executable).parent.parent}"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            ["make", "serve", f"PORT={port}"],
            cwd=site,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: _answers(url + "hot/rebate/"), "make serve to answer", timeout=180)
        yield site, url, log
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def _builds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Documentation built in")


def test_a_saved_page_shows_in_the_browser_and_a_broken_anchor_is_reported(browser, served):
    site, url, log = served
    rebate = site / "docs" / "hot" / "rebate.md"
    context = new_context(browser, url, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(url + "hot/rebate/")
        assert SENTENCE not in page.content()
        rebate.write_text(rebate.read_text(encoding="utf-8") + f"\n{SENTENCE}\n", encoding="utf-8")
        # No navigation by the test: the preview reloads the open page itself.
        page.get_by_text(SENTENCE).wait_for(timeout=180_000)
        assert "preview: " in log.read_text(encoding="utf-8")
    finally:
        context.close()

    builds = _builds(log)
    for name in ("rebate.md", "rebate.en.md"):
        path = site / "docs" / "hot" / name
        path.write_text(
            path.read_text(encoding="utf-8").replace("{#rebate-process}", "{#rebate-steps}"), encoding="utf-8"
        )
    wait_for(
        lambda: "Aborted with" in log.read_text(encoding="utf-8").split("Detected file changes")[-1],
        "the rebuild to stop on the broken anchor",
        timeout=180,
    )
    rebuild = log.read_text(encoding="utf-8").split("Detected file changes")[-1]
    assert "docs/hot/index.md" in rebuild and "LINK-ANCHOR" in rebuild and "#rebate-process" in rebuild, rebuild

    for name in ("rebate.md", "rebate.en.md"):
        path = site / "docs" / "hot" / name
        path.write_text(
            path.read_text(encoding="utf-8").replace("{#rebate-steps}", "{#rebate-process}"), encoding="utf-8"
        )
    wait_for(lambda: _builds(log) > builds, "the rebuild to pass again", timeout=180)
