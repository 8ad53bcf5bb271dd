"""Links to a heading of a page (partner_guide/checks/anchors.py): `make check` resolves them as the build does."""

from __future__ import annotations

from partner_guide.checks.anchors import check_anchors

from tests.support import page_model, page_models

PAGES = {
    "docs/a.md": "# 甲\n\n## 问题 {#q1}\n\n## 没有 id 的问题\n\n"
    "见 [乙](b.md#x)、[乙](b.md#y)、[本页](#q1)、[本页](#nope)。\n",
    "docs/a.en.md": "# A\n\nSee [B](b.md#x) and [B](b.md#only-chinese).\n",
    "docs/b.md": "# 乙\n\n## 题 {#x}\n\n## 只有中文 {#only-chinese}\n",
    "docs/b.en.md": "# B\n\n## Title {#x}\n",
}


def test_a_link_to_a_missing_anchor_of_another_page_is_reported_where_it_is():
    found = {(f.path, f.line, f.col, f.message) for f in check_anchors(page_models(PAGES))}
    assert ("docs/a.md", 7, 19, "docs/b.md has no heading or anchor #y") in found
    assert ("docs/a.md", 7, 42, "this page has no heading or anchor #nope") in found


def test_an_english_page_links_to_the_english_edition():
    found = {(f.path, f.message) for f in check_anchors(page_models(PAGES))}
    assert ("docs/a.en.md", "docs/b.en.md has no heading or anchor #only-chinese") in found


def test_ids_are_the_builds_explicit_and_generated_ones():
    ids = page_model(
        '# 标题\n\n## 中文问题\n\n## English question\n\n段落\n{: #para }\n\n<a id="raw"></a>\n\n[](id:tencent)\n'
    ).ids
    assert {"biao-ti", "zhong-wen-wen-ti", "english-question", "para", "raw", "tencent"} <= ids  # pinyin slugs


def test_links_in_code_are_not_followed():
    assert check_anchors(page_models({"docs/a.md": "```\n[x](#nope)\n```\n\n`[x](#nope)`\n"})) == []
