"""Admonitions rewritten into Material blocks with localized titles (partner_guide/site/admonitions.py)."""

from __future__ import annotations

import markdown
import pytest

from partner_guide.site.admonitions import transform_admonitions
from tests.support import ROOT


def render(text: str, lang: str = "zh") -> str:
    return markdown.markdown(transform_admonitions(text, lang),
                             extensions=["admonition", "pymdownx.details", "pymdownx.superfences"])


def test_tencent_warning_with_the_list_after_the_marker_renders_as_one_warning_titled_zhuyi():
    source = (ROOT / "docs/hot/refund.md").read_text(encoding="utf-8")
    html = render(source.split("---\n", 2)[2])
    assert html.count('<div class="admonition warning">') == 1
    block = html.split('<div class="admonition warning">', 1)[1].split("</div>", 1)[0]
    assert '<p class="admonition-title">注意</p>' in block
    assert block.count("<li>") == 2 and "抵扣或代金券不予以退还" in block and "退货说明" in block


def test_rewrite_keeps_the_line_count_of_a_bare_marker_block():
    text = "段落\n\n>!\n- 一\n- 二\n\n后文\n"
    out = transform_admonitions(text, "zh")
    assert out.splitlines() == ["段落", "", '!!! warning "注意"', "    - 一", "    - 二", "", "后文"]


@pytest.mark.parametrize("source, kind, zh, en", [
    (">? 说明文字\n", "note", "说明", "Note"),
    (">! 注意文字\n", "warning", "注意", "Warning"),
    ("> [!NOTE]\n> x\n", "note", "说明", "Note"),
    ("> [!TIP]\n> x\n", "tip", "提示", "Tip"),
    ("> [!IMPORTANT]\n> x\n", "info", "重要", "Important"),
    ("> [!WARNING]\n> x\n", "warning", "注意", "Warning"),
    ("> [!CAUTION]\n> x\n", "danger", "警告", "Caution"),
    ("!!! note\n    x\n", "note", "说明", "Note"),
    ("!!! tip\n    x\n", "tip", "提示", "Tip"),
    ("!!! warning\n    x\n", "warning", "注意", "Warning"),
    ("!!! danger\n    x\n", "danger", "警告", "Caution"),
])
def test_every_syntax_renders_a_material_admonition_with_the_localized_title(source, kind, zh, en):
    for lang, title in (("zh", zh), ("en", en)):
        html = render(source, lang)
        assert f'<div class="admonition {kind}">' in html
        assert f'<p class="admonition-title">{title}</p>' in html


def test_explicit_titles_are_kept():
    assert transform_admonitions('!!! note "自定义"\n    x\n', "zh") == '!!! note "自定义"\n    x\n'


def test_collapsible_details_get_the_localized_title():
    assert transform_admonitions("???+ tip\n    x\n", "en").splitlines()[0] == '???+ tip "Tip"'


def test_admonition_markers_in_code_are_left_alone():
    text = "```\n>!\n- x\n!!! note\n```\n"
    assert transform_admonitions(text, "zh") == text


@pytest.mark.parametrize("source", [">? 说明：\n>- 一\n>- 二\n", "> [!NOTE]\n> 说明：\n> - 一\n> - 二\n"])
def test_a_list_after_text_inside_an_alert_renders_as_a_list_as_in_the_preview(source):
    html = render(source)
    assert html.count("<li>") == 2 and "<p>说明：</p>" in html
