"""The copy checks (checks/copy.py, COPY-*) and their fixes (`make fix`), on small inputs.

Each rule reports the place and the corrected text; the fix applies exactly
that; what is not copy (code, URLs, link targets, front matter keys, HTML
attributes, the registry's contact data) is never read nor changed; a second
fix changes nothing.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from partner_guide.checks.copy import (
    MORE,
    TERMS_FORMAT,
    check_copy,
    check_terms_file,
    copy_edits,
    fix_copy,
    load_terms,
    parse_terms,
)
from partner_guide.checks.rendered import render_page
from partner_guide.checks.ruleset import run_checks
from partner_guide.compat.mkdocs_build import markdown_config
from partner_guide.registry import load_registry
from partner_guide.tools.check import judge_page

from tests.support import ROOT, venv_tool

REGISTRY = load_registry()
MARKDOWN = markdown_config(ROOT / "mkdocs.yml")
ZH, EN = "docs/hot/rebate.md", "docs/hot/rebate.en.md"


def findings(text: str, path: str = ZH) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.col, f.rule, f.hint) for f in check_copy(text, path, REGISTRY)]


def fixed(text: str, path: str = ZH) -> str:
    return fix_copy(text, path, REGISTRY)


# --------------------------------------------------------------------------- the rules


def test_a_digit_or_latin_word_beside_chinese_needs_a_space_and_the_hint_writes_it():
    assert findings("腾讯云每月10号统计\n") == [(1, 6, "COPY-SPACE", "讯云每月 10 号统计")]
    assert fixed("支持API接口\n") == "支持 API 接口\n"


def test_a_space_beside_full_width_punctuation_is_removed():
    assert [rule for _, _, rule, _ in findings("腾讯云 ，你好\n")] == ["COPY-SPACE"]
    assert fixed("腾讯云 ，你好\n") == "腾讯云，你好\n"


def test_half_width_punctuation_in_a_chinese_sentence_becomes_full_width():
    assert findings("你好,世界!\n") == [(1, 3, "COPY-PUNCT", "你好，世界！")]
    assert fixed("结果:成功\n") == "结果：成功\n"


def test_an_english_sentence_keeps_its_punctuation_after_a_chinese_word_but_gets_the_space():
    text = "Partners type 佣金, 返点 for 返佣. Mail it to 腾讯大厦27楼.\n"
    assert fixed(text, EN) == "Partners type 佣金, 返点 for 返佣. Mail it to 腾讯大厦 27 楼.\n"
    assert {rule for _, _, rule, _ in findings(text, EN)} == {"COPY-SPACE"}


def test_doubled_punctuation_is_reported_once_and_fixed_to_one_mark():
    assert findings("真的吗！！\n") == [(1, 4, "COPY-DOUBLE", "真的吗！")]
    assert fixed("好的。。。再见??\n") == "好的。再见？\n"


def test_chinese_ellipsis_and_dash_are_one_mark_each():
    assert findings("等等……然后——结束。\n") == []


def test_terms_are_spelled_as_the_terms_list_says_in_each_edition():
    assert fixed("1. 支持ios和APP,请登陆WIFI\n") == "1. 支持 iOS 和 App，请登录 WiFi\n"
    assert [(rule, hint) for _, _, rule, hint in findings("用 ios 登陆\n")] == [
        ("COPY-TERM", "用 iOS 登陆"),
        ("COPY-TERM", "ios 登录"),
    ]
    assert fixed("Open the wechat app on ios.\n", EN) == "Open the WeChat app on iOS.\n"  # "app" is English
    assert findings("iOSX and Android-like\n", EN) == []  # whole words only


def test_emphasis_and_link_text_are_copy_and_the_space_goes_outside_the_markup():
    assert fixed("腾讯云**API**接口\n") == "腾讯云 **API** 接口\n"
    assert fixed("使用[API](https://cloud.tencent.com/a_b)文档\n") == "使用 [API](https://cloud.tencent.com/a_b) 文档\n"
    assert fixed("可联系[渠道小助手][assistant]获取3个\n") == "可联系[渠道小助手][assistant]获取 3 个\n"


def test_markdown_markers_and_admonition_titles_keep_their_syntax():
    assert fixed(">?说明3个\n") == ">?说明 3 个\n"
    assert fixed('!!! note "注意3个"\n') == '!!! note "注意 3 个"\n'
    assert fixed('=== "中文3"\n') == '=== "中文 3"\n'
    assert fixed("| 表头3 | 值A |\n") == "| 表头 3 | 值 A |\n"


# --------------------------------------------------------------------------- what is never touched


UNTOUCHED = [
    "运行 `make3中` 命令，再看 ``a,b中`` 的结果。\n",
    "```\n代码3中,a!!\n```\n",
    "    缩进代码3中\n",
    "访问https://cloud.tencent.com/a3查看或写信给a3@example.com。\n",
    "[ref3中]: https://cloud.tencent.com/x\n",
    "*[API]: 应用接口3个\n",
    "标题 {#id3中}\n",
    '<img src="a3中.png" alt="图3片">\n',
    "<!-- 注释3中,, -->\n",
    '<div class="x"\n     data-note="中文3,">\n</div>\n',
    '```mermaid\nflowchart TD\n  a["腾讯云每月10号"] --> b["15个工作日"]\n```\n',
]


@pytest.mark.parametrize("text", UNTOUCHED, ids=range(len(UNTOUCHED)))
def test_code_urls_link_definitions_ids_html_and_comments_are_never_read(text):
    assert findings(text) == []
    assert fixed(text) == text


def test_an_html_attribute_stays_while_the_text_of_the_element_is_copy():
    assert fixed('<span title="中文3">文本3</span>\n') == '<span title="中文3">文本 3</span>\n'


def test_front_matter_keys_stay_and_the_title_and_description_values_are_copy():
    page = "---\ntitle: 返佣3步\ndescription: '每月10号, 统计'\nsearch:\n  exclude: true\n---\n\n# 标题\n"
    assert (
        fixed(page)
        == "---\ntitle: 返佣 3 步\ndescription: '每月 10 号，统计'\nsearch:\n  exclude: true\n---\n\n# 标题\n"
    )


def test_the_registry_contact_data_stays_verbatim_wherever_it_is_written():
    mail = REGISTRY.mail
    text = (
        f"- 邮寄地址：{mail['address']}\n- {mail['recipient']}   {mail['phone']}\n"
        f"- Address: {mail['address']} ({mail['address_en']})\n"
    )
    assert "10000号腾讯大厦27楼" in mail["address"]  # the case that matters: digits beside Chinese
    assert findings(text) == [] and findings(text, EN) == []
    assert fixed(text) == text and fixed(text, EN) == text


def test_text_written_with_an_escape_or_a_reference_is_placed_and_fixed_where_it_is_written():
    assert fixed("中文\\*3个\n\n```\n中文*3个\n```\n") == "中文\\*3 个\n\n```\n中文*3个\n```\n"
    assert fixed("腾讯&amp;云3个 &nbsp;中文\n") == "腾讯&amp;云 3 个 &nbsp;中文\n"


def test_text_not_written_as_it_reads_is_reported_at_its_line_and_left_to_the_writer():
    [finding] = check_copy("# 标题\n\n正文\n\n<span>&#x4e2d;文3个</span>\n", ZH, REGISTRY)
    assert (finding.line, finding.rule) == (5, "COPY-SPACE")
    assert finding.hint.startswith("中文 3 个") and "make fix leaves it" in finding.hint
    assert fixed("<span>&#x4e2d;文3个</span>\n") == "<span>&#x4e2d;文3个</span>\n"


def test_a_correction_placed_in_the_wrong_text_is_never_written():
    """The link text's next text node is written first inside the link's address: placing it there would
    change the address, so the fix renders the result, sees it, and leaves the page as it is."""
    text = "[a](https://x.cn/中文3个)中文3个\n"
    assert findings(text)  # reported (at the nearest place it could find)
    assert fixed(text) == text


# --------------------------------------------------------------------------- the fix


MESSY = (
    "---\ntitle: 示例3\ndescription: 一个示例,有10个问题。\n---\n\n# 示例\n\n"
    "## 问题？ {#q}\n\n腾讯云每月10号统计,签收发票后15个工作日付款！！\r\n"
    "- 支持ios和APP,请登陆\n- 邮寄至广东省深圳市南山区深南大道10000号腾讯大厦27楼\n\n"
    "```python\nprint('中文3,')\n```\n\n运行 `make fix`后再看[文档][doc-center]。\n"
)


def test_fix_leaves_nothing_to_report_and_a_second_fix_changes_nothing():
    once = fixed(MESSY)
    assert once != MESSY
    assert check_copy(once, ZH, REGISTRY) == []
    assert fixed(once) == once


def test_fix_changes_only_the_corrected_lines_and_keeps_their_endings():
    once = fixed(MESSY)
    before, after = MESSY.splitlines(keepends=True), once.splitlines(keepends=True)
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    assert all(copy_edits(MESSY, ZH, REGISTRY)[0].line <= i for i in changed)
    assert {i + 1 for i in changed} == {e.line + 1 for e in copy_edits(MESSY, ZH, REGISTRY)}
    assert after[9].endswith("\r\n")  # the line's own ending
    assert "```python\nprint('中文3,')\n```\n" in once
    assert "深南大道10000号腾讯大厦27楼" in once


def test_a_byte_order_mark_stays():
    assert fixed("\ufeff中文3\n") == "\ufeff中文 3\n"


def test_a_page_with_more_findings_than_anyone_reads_gets_one_more_line():
    found = check_copy("中文3\n" * 300, ZH, REGISTRY)
    assert len(found) == 101 and found[-1].rule == MORE


def test_copy_findings_come_from_the_page_audit_the_build_and_make_check_run():
    page = "---\ntitle: 示例3\n---\n\n中文3\n"
    assert {(f.line, f.rule) for f in run_checks(page, ZH, REGISTRY)} >= {(2, "COPY-SPACE")}  # the front matter
    found, _ = judge_page(ZH, page, REGISTRY, MARKDOWN)  # as `make check` judges it
    assert {(f.line, f.rule) for f in found} >= {(2, "COPY-SPACE"), (5, "COPY-SPACE")}


# --------------------------------------------------------------------------- the terms list


def test_the_terms_list_is_valid_and_has_both_editions():
    assert check_terms_file(ROOT / "hooks" / "terms.yml", "hooks/terms.yml") == []
    terms = load_terms()
    assert {"zh", "en"} <= set(terms)
    assert {"腾讯云", "iOS", "App", "WiFi"} <= {term.spelling for term in terms["zh"]}


@pytest.mark.parametrize(
    "source, line",
    [
        ("zh: [a]\n", 1),
        ("fr:\n  a: []\n", 1),
        ("zh:\n  iOS: ios\n", 2),
        ("zh:\n  账号: [账号]\n", 2),
        ("zh:\n  a: []\n  a: []\n", 3),
        ("zh: [\n", 2),
        ("- a\n", 1),
    ],
)
def test_a_broken_terms_list_is_a_finding_naming_the_line(source, line):
    found = parse_terms(source, "hooks/terms.yml")[1]
    assert found and found[0].rule == TERMS_FORMAT and found[0].line == line


# --------------------------------------------------------------------------- make fix on a copy of docs/


def test_make_fix_on_a_copy_of_docs_fixes_pages_keeps_code_and_contacts_and_is_idempotent(tmp_path):
    site = tmp_path / "site"
    (site / "hooks").mkdir(parents=True)
    shutil.copytree(ROOT / "docs", site / "docs")
    for name in ("registry.yml", "terms.yml"):
        shutil.copy2(ROOT / "hooks" / name, site / "hooks" / name)
    (site / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    page = site / "docs" / "hot" / "rebate.md"
    messy = page.read_text(encoding="utf-8").replace("每月 10 号", "每月10号", 1) + "\n运行 `a,b中3` 后,登陆!!\n"
    page.write_bytes(messy.encode("utf-8"))
    before = {p: p.read_bytes() for p in (site / "docs").rglob("*.md")}

    first = subprocess.run([venv_tool("guide-fix"), str(site / "docs")], capture_output=True, text=True, check=True)
    assert "fixed" in first.stdout and "hot/rebate.md" in first.stdout
    after = page.read_text(encoding="utf-8")
    assert "每月 10 号" in after and after.endswith("\n运行 `a,b中3` 后，登录！\n")
    assert [p for p in before if p != page and p.read_bytes() != before[p]] == []  # clean pages untouched
    assert messy.split("```mermaid")[1].split("```")[0] == after.split("```mermaid")[1].split("```")[0]  # the diagram

    snapshot = {p: p.read_bytes() for p in (site / "docs").rglob("*.md")}
    second = subprocess.run([venv_tool("guide-fix"), str(site / "docs")], capture_output=True, text=True, check=True)
    assert "fixed" not in second.stdout
    assert {p: p.read_bytes() for p in (site / "docs").rglob("*.md")} == snapshot
    agreement = (site / "docs" / "hot" / "agreement.md").read_text(encoding="utf-8")
    assert REGISTRY.mail["address"] in agreement and REGISTRY.mail["phone"] in agreement


# --------------------------------------------------------------------------- any input


MARKDOWN_BITS = st.sampled_from(
    [
        "中文",
        "腾讯云",
        "API",
        "ios",
        "10",
        " ",
        ",",
        ".",
        "!",
        "！",
        "。",
        "`",
        "**",
        "[",
        "]",
        "(",
        ")",
        "<b>",
        "</b>",
        "\n",
        "- ",
        "> ",
        "https://cloud.tencent.com/a",
        "{#id}",
        "登陆",
        "\t",
        "|",
        '"',
        "!!! note ",
        "```\n",
    ]
)


def code(source: str) -> list[str]:
    """The text of every code element of the page as Python-Markdown renders it: what the fix must keep."""
    tree = render_page(source, ZH, REGISTRY, MARKDOWN).tree
    body = tree.body if tree is not None else None
    return [node.text(deep=True) for node in body.css("code, pre, kbd")] if body is not None else []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWN_BITS, max_size=30).map("".join))
def test_on_any_input_fix_settles_keeps_code_and_leaves_nothing_it_could_fix(text):
    once = fixed(text)
    assert fixed(once) == once
    assert code(once) == code(text)
    assert once.count("https://cloud.tencent.com/a") == text.count("https://cloud.tencent.com/a")


@pytest.mark.parametrize(
    "text",
    [
        "运行 `make3中` 再看 ``a`b中`` 的结果",
        "中文ios``\n登陆中文 3个`",
        "不是\\`代码3个\\`",
        "```\n多行`\n代码",
        "a `b` c `d",
        "- 列表`项3,`\n\n        缩进代码3中,\n",
        "> 引用`a\n> b3中`结束",
    ],
)
def test_what_is_code_is_the_renderers_answer(text):
    """No model of backticks, fences or indentation beside the renderer: what it renders as code is never
    read nor changed, what it renders as text is copy."""
    once = fixed(text)
    assert code(once) == code(text)
    assert all(f.rule.startswith("COPY-") for f in check_copy(text, ZH, REGISTRY))
    assert fixed(once) == once
