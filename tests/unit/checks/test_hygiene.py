"""Markdown hygiene (partner_guide/checks/hygiene.py), driven by fixtures/hygiene/."""

from __future__ import annotations

import pytest

from tests.support import REGISTRY, check_hygiene


def test_list_directly_under_a_paragraph_is_reported_at_the_first_item():
    [finding] = check_hygiene("# T\n\n需要满足以下条件：\n- 一\n- 二\n", "docs/x.md", REGISTRY)
    assert (finding.line, finding.col, finding.rule) == (4, 1, "HYG-LIST")


def test_question_heading_without_explicit_id_is_reported_but_the_page_title_is_not():
    findings = check_hygiene("# 页面标题\n\n## 问题？\n", "docs/x.md", REGISTRY)
    assert [(f.line, f.rule) for f in findings] == [(3, "HYG-ID")]


def test_duplicate_id_names_the_first_use():
    findings = check_hygiene("## a {#x}\n\n## b {#x}\n", "docs/x.md", REGISTRY)
    assert [(f.line, f.rule) for f in findings] == [(3, "HYG-ID-DUP")]
    assert "line 1" in findings[0].message


def test_non_ascii_id_is_reported():
    [finding] = check_hygiene("## 申请 {#申请}\n", "docs/x.md", REGISTRY)
    assert finding.rule == "HYG-ID-ASCII"


# --------------------------------------------------------------------------- issue 12


@pytest.mark.parametrize(
    "text, message, hint",
    [
        ("## 标题 {#1}\n", "id '1' starts with a digit", "{#step-1}"),
        ("## 标题 {#a.b}\n", "id 'a.b' has characters other than letters, digits, - and _", "{#a-b}"),
        ("## 标题 {#步骤}\n", "id '步骤' is not ASCII", "{#refund-destination}"),
    ],
)
def test_each_kind_of_bad_id_gets_its_own_message(text, message, hint):
    [finding] = [f for f in check_hygiene(text, "docs/x.md") if f.rule == "HYG-ID-ASCII"]
    assert finding.message == message and hint in finding.hint


@pytest.mark.parametrize(
    "text, hint",
    [
        ("## [客户关联](id:binding)\n", "write ## 客户关联 {#binding}"),
        ("[](id:step1)\n### 步骤1 {#s}\n", "end the next heading (步骤1) with {#step1}"),
        ("[](id:step1)\n\n### 步骤1\n", "delete this line and end the next heading (步骤1) with {#step1}"),
        ("见 [](id:notice)注意事项。\n", 'write <a id="notice"></a>'),
        (
            "## [标题](id:model.step2)\n",
            "write ## 标题 {#model-step2} (and change links to #model.step2 into #model-step2)",
        ),
    ],
)
def test_a_tencent_anchor_gets_the_exact_fix(text, hint):
    [finding] = [f for f in check_hygiene(text, "docs/x.md") if f.rule == "HYG-ID-TENCENT"]
    assert hint in finding.hint


def test_headings_inside_quotes_and_admonitions_need_ids_too():
    found = [
        (f.line, f.rule) for f in check_hygiene("> ## 引用里的标题\n\n>? 说明\n>\n> ### 说明里的标题\n", "docs/x.md")
    ]
    assert found == [(1, "HYG-ID"), (5, "HYG-ID")]
