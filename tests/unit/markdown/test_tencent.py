"""The Markdown extension (partner_guide/markdown/tencent.py): every Tencent-format variant renders
as Tencent's docs centre shows it, every admonition syntax gets its title in the page's language.

The pages in fixtures/tencent/ were written for these tests in Tencent's format
(none is copied from Tencent's repositories); each variant the issue lists has one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import ROOT, render_markdown
from tests.unit.markdown.html_summary import summarize

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tencent"
NOTE, WARNING, DANGER = ("note", "说明"), ("warning", "注意"), ("danger", "警告")

# What a reader sees of each fixture: admonitions (type, title) in order, the
# displayed numbers of the top-level numbered steps (continuity), ids, code
# blocks, tabs, tables, line breaks. No Tencent syntax may show as text.
EXPECT: dict[str, dict] = {
    "note_then_next_step": dict(admonitions=[NOTE, WARNING, NOTE, WARNING], numbers=[1, 2, 3]),
    "nested_notes": dict(admonitions=[NOTE, WARNING, NOTE], numbers=[]),
    "markers_in_lists": dict(admonitions=[WARNING, NOTE, WARNING, NOTE], numbers=[1, 2, 3, 4, 5, 6]),
    "quote_lists": dict(admonitions=[], numbers=[], items_in_quote=2, headings=["普通引用", "引用中的标题"]),
    "heading_anchors": dict(admonitions=[], ids=["binding", "step1", "model.step2"], anchors=["notice"]),
    "codeblocks": dict(
        admonitions=[],
        numbers=[1, 2],
        code=2,
        headings=["查询返佣的脚本"],
        code_has=["# 这一行是注释，不是标题", "[文字][annouce]"],
    ),
    "tabs": dict(admonitions=[], tabs=["电脑 浏览器", "手机"], code=1, anchors=["mobile"]),
    "alerts": dict(admonitions=[NOTE, ("warning", "关于邮寄"), DANGER], numbers=[1, 2]),
    "table_in_list": dict(admonitions=[], numbers=[1, 2, 3], tables=1),
    "line_breaks": dict(admonitions=[], breaks=4),
    "sublists": dict(admonitions=[], numbers=[1, 2], code=0, nested_items=2, items=6),
    "bold_labels": dict(admonitions=[NOTE, WARNING, DANGER]),
    "no_h1": dict(admonitions=[]),
    "links_contacts": dict(admonitions=[]),
}


def source(name: str, lang: str = "zh") -> str:
    return (FIXTURES / f"{name}_intl_{lang}.md").read_text(encoding="utf-8")


def assert_reads_as_expected(html: str, expect: dict, *, ids: bool = True) -> None:
    """The rendered page shows what `expect` says (shared with the importer's tests)."""
    summary = summarize(html)
    soup = BeautifulSoup(html, "html.parser")
    assert summary.admonitions == expect["admonitions"]
    assert summary.leftovers == []
    if "numbers" in expect:
        assert summary.numbers == expect["numbers"]
    if ids and "ids" in expect:
        assert [h.id for h in summary.headings if h.id in expect["ids"]] == expect["ids"]
    if "anchors" in expect:
        assert set(expect["anchors"]) <= set(summary.anchors) | {h.id for h in summary.headings}
    if "code" in expect:
        assert len(summary.code) == expect["code"]
    for text in expect.get("code_has", []):
        assert any(text in block for block in summary.code)
    for key in ("tabs", "tables", "breaks"):
        if key in expect:
            assert getattr(summary, key) == expect[key], key
    if "headings" in expect:
        assert [h.text for h in summary.headings if h.text in expect["headings"]] == expect["headings"]
    if "items_in_quote" in expect:
        assert len(soup.select("blockquote li")) == expect["items_in_quote"]
    if "nested_items" in expect:
        assert len(soup.select("ol > li > ul > li")) == expect["nested_items"]
        assert len(soup.find_all("li")) == expect["items"]


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_each_tencent_variant_renders_as_on_tencents_docs_centre(name):
    assert_reads_as_expected(render_markdown(source(name)), EXPECT[name])


def test_every_fixture_has_expectations():
    assert {path.name.rsplit("_intl_", 1)[0] for path in FIXTURES.glob("*.md")} == set(EXPECT)


def test_an_unquoted_line_ends_a_note_so_the_next_step_stays_in_its_list():
    html = render_markdown("1. 第一步\n>? 说明\n2. 第二步\n")
    assert summarize(html).numbers == [1, 2]
    assert "第二步" not in BeautifulSoup(html, "html.parser").select_one("div.admonition").get_text()


def test_a_bare_marker_keeps_the_list_right_under_it_as_in_the_source_faq():
    source_faq = (ROOT / "docs/hot/refund.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    soup = BeautifulSoup(render_markdown(source_faq), "html.parser")
    [box] = soup.select("div.admonition.warning")
    assert box.select_one(".admonition-title").get_text() == "注意"
    assert len(box.find_all("li")) == 2 and "退货说明" in box.get_text()


# Every way to write each box, and its titles (zh, en).
SYNTAXES = {
    "note": [
        ">? 说明文字\n",
        ">**说明：**\n>文字\n",
        "> [!NOTE]\n> x\n",
        "!!! note\n    x\n",
        '<dx-alert infotype="explain" title="">\nx\n</dx-alert>\n',
    ],
    "warning": [">! 注意文字\n", "> [!WARNING]\n> x\n", "!!! warning\n    x\n"],
    "tip": ["> [!TIP]\n> x\n", "!!! tip\n    x\n"],
    "info": ["> [!IMPORTANT]\n> x\n"],
    "danger": ["> [!CAUTION]\n> x\n", "!!! danger\n    x\n"],
}
TITLES = {
    "note": ("说明", "Note"),
    "warning": ("注意", "Warning"),
    "tip": ("提示", "Tip"),
    "info": ("重要", "Important"),
    "danger": ("警告", "Caution"),
}


@pytest.mark.parametrize("kind, text", [(kind, text) for kind, texts in SYNTAXES.items() for text in texts])
def test_every_syntax_renders_a_material_admonition_with_the_localized_title(kind, text):
    for lang, title in zip(("zh", "en"), TITLES[kind], strict=False):
        assert summarize(render_markdown(text, lang)).admonitions == [(kind, title)]


def test_explicit_titles_are_kept_and_collapsible_blocks_are_titled_too():
    assert summarize(render_markdown('!!! note "自定义"\n    x\n', "en")).admonitions == [("note", "自定义")]
    html = render_markdown("???+ tip\n    x\n", "en")
    assert BeautifulSoup(html, "html.parser").find("summary").get_text() == "Tip"


@pytest.mark.parametrize("text", [">? 说明：\n>- 一\n>- 二\n", "> [!NOTE]\n> 说明：\n> - 一\n> - 二\n"])
def test_a_list_after_text_inside_an_alert_renders_as_a_list_as_in_the_preview(text):
    html = render_markdown(text)
    assert html.count("<li>") == 2 and "<p>说明：</p>" in html


def test_markers_in_code_stay_code():
    html = render_markdown("```\n>!\n- x\n!!! note\n```\n\n    >? indented code\n")
    assert summarize(html).admonitions == [] and len(summarize(html).code) == 2


def test_code_comments_in_a_dx_codeblock_are_not_headings():
    assert "<h1" not in render_markdown(source("codeblocks"))


def test_english_prose_wrapped_over_lines_keeps_its_soft_breaks():
    assert summarize(render_markdown("This sentence is\nwrapped over lines.\n", "en")).breaks == 0


def test_a_line_that_already_ends_with_br_gets_no_second_break():
    assert summarize(render_markdown("第一行<br>\n第二行\n")).breaks == 1


FUZZ_BITS = [
    ">",
    ">?",
    ">!",
    ">>?",
    "> [!NOTE]",
    ">**说明：**",
    "- ",
    "1. ",
    "    ",
    "  ",
    "\n",
    "\n\n",
    "`",
    "```",
    "<dx-codeblock>",
    "</dx-codeblock>",
    "::: py",
    ":::",
    "<dx-tabs>",
    "</dx-tabs>",
    '<dx-alert infotype="notice" title="t">',
    "</dx-alert>",
    "[](id:a)",
    "## [t](id:b)",
    "第一步",
    "**b**",
    "|",
    "| - |",
    "中文",
    "\t",
    "!!! note",
    "<br>",
    "\\",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(FUZZ_BITS) | st.text(max_size=4), max_size=50).map("".join), st.sampled_from(["zh", "en"])
)
def test_the_extension_renders_any_text_without_raising(text, lang):
    assert isinstance(render_markdown(text, lang), str)
