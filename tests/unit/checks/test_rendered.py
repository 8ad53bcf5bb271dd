"""make check renders each page with plain Python-Markdown and mkdocs.yml's extensions
(partner_guide/checks/rendered.py): the page extension judges the rendered page as in the build."""

from __future__ import annotations

import pytest
from partner_guide.checks.rendered import render_page
from partner_guide.compat.mkdocs_build import markdown_config
from partner_guide.tools.check import check_file

from tests.support import REGISTRY, ROOT

MARKDOWN = markdown_config(ROOT / "mkdocs.yml")
FRONT = "---\ntitle: 测试\ndescription: 测试。\n---\n\n# 测试\n\n"


def _found(body: str, path: str = "docs/hot/x.md") -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.rule) for f in render_page(FRONT + body, path, REGISTRY, MARKDOWN).findings]


@pytest.mark.content
@pytest.mark.parametrize("source", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_page_of_the_site_renders_clean(source):
    path = source.relative_to(ROOT).as_posix()
    assert render_page(source.read_text(encoding="utf-8"), path, REGISTRY, MARKDOWN).findings == []


def test_script_the_source_scanner_misses_is_found_in_the_rendered_page():
    # backslash-escaped backticks: no code span for Python-Markdown, so the tag is live
    assert _found('\\`<img src=x onerror="alert(1)">\\`\n') == [(8, 8, "SAFE-URL"), (8, 14, "SAFE-EVENT")]
    # a code span inside a raw HTML block is no code span either
    assert _found('<div>\n`<img src=x onerror="alert(1)">`\n</div>\n') == [(9, 7, "SAFE-URL"), (9, 13, "SAFE-EVENT")]
    # a comment ended the way browsers end it
    assert any(rule == "SAFE-EVENT" for *_, rule in _found('<!-- a --!><img src=x onerror="alert(1)"> -->\n'))


def test_attr_list_attributes_are_judged():
    assert _found('段落\n{: onfocus="alert(1)" autofocus }\n') == [(9, 4, "SAFE-EVENT"), (9, 23, "SAFE-ATTR")]


def test_code_blocks_in_quotes_and_indented_code_are_code():
    assert _found("> ```html\n> <script>alert(1)</script>\n> ```\n") == []
    assert _found("示例：\n\n    <script>alert(1)</script>\n") == []


def test_images_from_the_assets_folder_pass_and_others_do_not():
    assert _found("![图](../assets/images/flow.png)\n") == []
    assert [rule for *_, rule in _found("![图](https://evil.example/t.png)\n")] == ["LINK-IMAGE"]  # one verdict


def test_an_unclosed_div_is_named():
    assert _found("<div>\n\n**回答**。\n") == [(8, 1, "HTML-UNCLOSED")]


def test_the_render_uses_the_sites_extensions_and_frames_diagrams():
    html = render_page(
        FRONT + "```mermaid\nflowchart TD\n  A[开始] --> B[结束]\n```\n", "docs/x.md", REGISTRY, MARKDOWN
    ).html
    assert '<div class="diagram diagram--td" role="img" aria-label="流程图：开始 → 结束"' in html


def test_an_address_a_link_check_reported_is_not_reported_again_by_the_boundary():
    found = check_file(
        FRONT + "![图](https://evil.example/t.png) [x](javascript:alert(1))\n", "docs/hot/x.md", REGISTRY, MARKDOWN
    )
    assert [(f.line, f.col, f.rule) for f in found] == [(8, 6, "LINK-IMAGE"), (8, 38, "LINK-SCHEME")]
    # The boundary still reports what no link check saw at that place.
    found = check_file(
        FRONT + '段落\n{: onfocus="alert(1)" href="javascript:alert(1)" }\n', "docs/hot/x.md", REGISTRY, MARKDOWN
    )
    assert "SAFE-EVENT" in {f.rule for f in found}
