"""Markdown hygiene (partner_guide/checks/hygiene.py), driven by fixtures/hygiene/."""

from __future__ import annotations

from partner_guide.checks.hygiene import check_hygiene
from tests.support import REGISTRY


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
