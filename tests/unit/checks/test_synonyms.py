"""Search synonyms: the SYN-* checks of hooks/synonyms.yml (partner_guide/checks/synonyms.py)."""

from __future__ import annotations

import pytest
from partner_guide.checks.findings import format_finding
from partner_guide.checks.synonyms import SYNONYMS_PATH, check_synonyms, load_synonyms, parse_synonyms

from tests.support import ROOT, table

PATH = "hooks/synonyms.yml"
PAGES = {
    "docs/hot/rebate.md": "---\ntitle: 返佣流程\n---\n\n# 返佣流程\n\n合作伙伴返佣流程。\n",
    "docs/hot/rebate.en.md": "---\ntitle: Rebate process\n---\n\n# Rebate process\n\nThe partner rebates.\n",
    "docs/writing.md": "---\ntitle: 写作指南\nsearch:\n  exclude: true\n---\n\n提示框\n",
}


def lines(source: str, pages=PAGES) -> list[str]:
    return [format_finding(f) for f in check_synonyms(source, PATH, pages)]


@pytest.mark.content
def test_the_real_synonyms_point_at_words_the_pages_use():
    pages = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")}
    assert check_synonyms(SYNONYMS_PATH.read_text(encoding="utf-8"), PATH, pages) == []
    assert load_synonyms()["zh"][0] == ("返佣", ("佣金", "返点", "提成"))


def test_a_synonym_for_a_word_no_page_uses_is_reported_where_it_is():
    assert lines("zh:\n  返佣: [佣金]\n  反佣: [回扣, 佣金]\n") == [
        "hooks/synonyms.yml:3:3: SYN-UNUSED zh: '反佣' is on no page of this edition, so 回扣, 佣金 would find "
        "nothing (hint: point the synonyms at a word the pages use, spelled as they spell it)"
    ]


def test_words_count_per_edition_and_by_their_stem_not_in_excluded_pages():
    assert lines("en:\n  rebate: [commission]\n") == []  # "rebates" on the page
    assert [line.split(": ")[1] for line in lines("en:\n  返佣: [x]\nzh:\n  rebate: [y]\n  提示框: [z]\n")] == [
        "SYN-UNUSED en",
        "SYN-UNUSED zh",
        "SYN-UNUSED zh",
    ]


@pytest.mark.parametrize("source, where, message", table("synonyms/malformed.yml", "source", "where", "message"))
def test_a_malformed_file_is_a_finding_with_its_position(source, where, message):
    found = [f for f in check_synonyms(source, PATH, PAGES) if f.rule == "SYN-FORMAT"]
    assert [(f"{f.line}:{f.col}", f.message) for f in found] == [(where, message)]


def test_an_empty_or_missing_file_has_nothing_to_report(tmp_path):
    assert lines("") == [] and lines("# only a comment\n") == []
    assert load_synonyms(tmp_path / "none.yml") == {}


def test_only_valid_entries_reach_the_index():
    entries, findings = parse_synonyms("zh:\n  返佣: [佣金]\n  协议: 合同\nxx: 1\n", PATH)
    assert [(e.lang, e.target, e.words) for e in entries] == [("zh", "返佣", ("佣金",))]
    assert len(findings) == 2
