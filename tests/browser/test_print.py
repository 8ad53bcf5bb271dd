"""Print (issue 5): a page prints on A4 with its text and diagram, without the
site's navigation, search or footer, and external links followed by their URL.

Chromium's `page.pdf()` (print media, A4) is read back with poppler's
`pdftotext`; `make print-preview`-style PNGs are written by `pdftoppm` when
PRINT_PNG_DIR is set, to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import browser_required

pytestmark = pytest.mark.browser

# Strings of the site's chrome that must not be printed (both editions).
CHROME_STRINGS = [
    "跳转至",
    "Skip to content",
    "搜索",
    "Search",
    "Made with",
    "Material for MkDocs",
    "上一页",
    "下一页",
    "Previous",
    "Next",
]
RENDERED = (
    "() => document.querySelectorAll('pre.mermaid').length === 0 && document.querySelectorAll('div.mermaid').length > 0"
)


def _pdf_text(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        reason = "pdftotext missing: apt-get install poppler-utils"
        if browser_required():
            pytest.fail(f"{reason} (browser tests are required: REQUIRE_BROWSER or CI is set)")
        pytest.skip(reason)
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    "path, title, question, url_fragment",
    [
        ("hot/rebate/", "返佣流程", "合作伙伴返佣流程？", None),
        (
            "hot/refund/",
            "退款去向",
            "合作伙伴为客户代付的订单退款费用会退回到哪个账号？",
            "cloud.tencent.com/document/product/555/7440",
        ),
        ("en/prepare/", "Preparation", "What is the Tencent Cloud partner assessment?", "console.cloud.tencent.com"),
    ],
)
def test_page_prints_its_text_and_diagram_without_site_chrome(
    page, site_url, tmp_path, path, title, question, url_fragment
):
    page.goto(site_url + path)
    if page.locator(".diagram").count():
        page.wait_for_function(RENDERED, timeout=20_000)
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = _pdf_text(pdf)
    flat = "".join(text.split())
    assert "".join(title.split()) in flat and "".join(question.split()) in flat, text[:800]
    printed_chrome = [s for s in CHROME_STRINGS if s in text]
    assert not printed_chrome, f"site chrome printed: {printed_chrome}"
    if url_fragment:
        assert url_fragment in flat, "external links must print their URL"
    # The contact block stays (the reader's next step), without the 300-character chat URL.
    assert ("渠道小助手" in flat) or ("ChannelAssistant" in flat)
    assert "qidian.qq.com" not in flat
    if page.locator(".diagram").count():
        # The diagram is drawn (an SVG in the frame), and its frame is laid out on paper.
        page.emulate_media(media="print")
        box = page.locator(".diagram").first.bounding_box()
        assert box and box["height"] > 100
    if os.environ.get("PRINT_PNG_DIR"):
        out = Path(os.environ["PRINT_PNG_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(out / path.strip("/").replace("/", "_"))], check=True
        )
