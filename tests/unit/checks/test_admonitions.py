"""Admonition checks (partner_guide/checks/admonitions.py), driven by fixtures/admonitions/."""

from __future__ import annotations

from tests.support import check_admonitions


def test_unknown_type_is_reported_with_its_column():
    [finding] = check_admonitions("text\n\n!!! notte\n    x\n", "docs/x.md")
    assert (finding.line, finding.col, finding.rule) == (3, 5, "ADM-TYPE")


def test_empty_tencent_marker_is_reported():
    [finding] = check_admonitions("# T\n\n>?\n\n后文\n", "docs/x.md")
    assert (finding.line, finding.rule) == (3, "ADM-EMPTY")


def test_unterminated_title_is_reported():
    text = '!!! note "没有结束\n    x\n'
    [finding] = check_admonitions(text, "docs/x.md")
    assert finding.rule == "ADM-UNTERMINATED"


def test_admonition_markers_in_code_are_not_checked():
    assert check_admonitions("```\n>!\n- x\n!!! notte\n```\n", "docs/x.md") == []
