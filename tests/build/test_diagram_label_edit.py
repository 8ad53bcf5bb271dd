"""A writer edits a diagram label and commits only the Markdown (issue 19): no local browser needed.

In a copy of the site with one label of the rebate diagram changed and no
drawing re-made:

- the fast lane passes: `make check` (guide-check) finds nothing, and the
  strict build succeeds, saying in an INFO line (not a warning) that the
  diagram renders in the browser until it is drawn; and it does, in
  Chromium, from the self-hosted Mermaid, with the new label;
- the publish step draws what is missing (`guide-diagrams --missing`, which
  CI runs before building a preview or the published site) into the copy's
  .cache/diagrams/, never into the committed drawings, and the published
  build then carries a drawing with the new label beside the source.
"""

from __future__ import annotations

import html as htmllib
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from partner_guide.site.diagram_frames import DRAWINGS_DIR
from partner_guide.tools.site import build_site, copy_site, serving

from tests.support import ROOT, RequestLog, new_context, venv_tool
from tests.visits import INIT, RENDERED

pytestmark = [pytest.mark.slow, pytest.mark.browser]

OLD_LABEL = "5 返佣付款：腾讯云签收发票后15个工作日付款"
NEW_LABEL = "5 返佣付款：腾讯云签收发票后 15 个工作日付款"  # a writer's copy edit: spaces only
URL = "http://127.0.0.1:8/"  # only written into the pages; nothing is served from it
WARNING_LINE = re.compile(r"^(WARNING|ERROR)\b")


def rebate_drawing(out) -> str:
    """The text of the drawing the built rebate page carries beside its diagram ("" if none)."""
    soup = BeautifulSoup((out / "hot" / "rebate" / "index.html").read_text(encoding="utf-8"), "html.parser")
    template = soup.select_one(".diagram > template.diagram__svg")
    return htmllib.unescape(re.sub(r"<[^>]+>", "", template.decode_contents())) if template else ""


def test_a_label_edit_without_a_new_drawing_passes_the_fast_lane_and_is_published_drawn(tmp_path, browser):
    source = copy_site(tmp_path / "source")
    shutil.copytree(ROOT / "docs", source / "docs")
    page = source / "docs" / "hot" / "rebate.md"
    text = page.read_text(encoding="utf-8")
    assert text.count(OLD_LABEL) == 1
    page.write_text(text.replace(OLD_LABEL, NEW_LABEL), encoding="utf-8")
    committed = sorted(DRAWINGS_DIR.rglob("*.svg"))

    check = subprocess.run(
        [venv_tool("guide-check"), str(source / "docs")],
        check=False,
        capture_output=True,
        text=True,
        cwd=source,
        timeout=300,
    )
    assert check.returncode == 0, check.stdout + check.stderr

    with serving(tmp_path / "preview") as url:
        preview = build_site(tmp_path / "preview", url, config=source / "mkdocs.yml", cwd=source)
        log = preview.stdout + preview.stderr
        assert preview.returncode == 0, log
        assert not [line for line in log.splitlines() if WARNING_LINE.match(line)], log
        assert re.search(
            r"^INFO .*docs/hot/rebate\.md: diagram 1 has no drawing of its current source", log, re.MULTILINE
        )
        assert rebate_drawing(tmp_path / "preview") == ""
        # Meanwhile the diagram renders in the reader's browser, from the self-hosted Mermaid, new label included.
        context = new_context(browser, url, viewport={"width": 390, "height": 844})
        context.add_init_script(INIT)
        page = context.new_page()
        log_ = RequestLog.attach(page, url)
        page.goto(url + "hot/rebate/", wait_until="load")
        page.wait_for_function(RENDERED, timeout=30_000)
        text = page.evaluate("() => __shadowOf(document.querySelector('div.mermaid')).querySelector('svg').textContent")
        assert "".join(NEW_LABEL.split()) in "".join(text.split())
        assert [u for u in log_.requests if "/vendor/mermaid/" in u], "the live fallback loads the vendored Mermaid"
        assert not log_.page_errors and not log_.console_errors, (log_.page_errors, log_.console_errors)
        context.close()

    drawn = subprocess.run(
        [venv_tool("guide-diagrams"), "--missing", "--site", str(source)],
        check=False,
        capture_output=True,
        text=True,
        cwd=source,
        timeout=600,
    )
    assert drawn.returncode == 0, drawn.stdout + drawn.stderr
    cached = sorted((source / ".cache" / "diagrams").rglob("*.svg"))
    assert [p.relative_to(source / ".cache" / "diagrams").as_posix().split(".")[0] for p in cached] == ["hot/rebate-1"]
    assert sorted(DRAWINGS_DIR.rglob("*.svg")) == committed, "the committed drawings must not change"

    published = build_site(tmp_path / "published", URL, config=source / "mkdocs.yml", cwd=source)
    assert published.returncode == 0, published.stdout + published.stderr
    assert "has no drawing" not in published.stdout + published.stderr
    assert "".join(NEW_LABEL.split()) in "".join(rebate_drawing(tmp_path / "published").split())

    again = subprocess.run(
        [venv_tool("guide-diagrams"), "--missing", "--site", str(source)],
        check=False,
        capture_output=True,
        text=True,
        cwd=source,
        timeout=120,
    )
    assert again.returncode == 0 and "nothing to draw" in again.stdout, again.stdout + again.stderr
