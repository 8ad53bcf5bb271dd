"""Meta description rule (partner_guide/checks/meta.py): present, in limits, per language."""

from __future__ import annotations

import pytest
from partner_guide.checks.meta import LIMITS, check_description
from partner_guide.checks.ruleset import run_checks

from tests.support import REGISTRY, ROOT


def _page(description: str | None, extra: str = "") -> str:
    front = f"title: 标题\n{extra}" + (f"description: {description}\n" if description is not None else "")
    return f"---\n{front}---\n\n# 标题\n"


@pytest.mark.content
@pytest.mark.parametrize("source", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_page_of_both_editions_has_a_description_within_its_limit(source):
    path = source.relative_to(ROOT).as_posix()
    assert check_description(source.read_text(encoding="utf-8"), path, REGISTRY) == []


def test_missing_description_is_reported_at_the_top_with_the_limit_in_the_hint():
    [finding] = check_description(_page(None), "docs/hot/x.md", REGISTRY)
    assert (finding.line, finding.rule) == (1, "META-DESCRIPTION")
    assert "120" in finding.hint


def test_empty_description_counts_as_missing():
    [finding] = check_description(_page('""'), "docs/x.en.md", REGISTRY)
    assert "no front-matter" in finding.message and "160" in finding.hint


def test_chinese_limit_is_120_and_english_160():
    assert LIMITS == {"zh": 120, "en": 160}
    assert check_description(_page("合" * 120), "docs/x.md", REGISTRY) == []
    [long_zh] = check_description(_page("合" * 121), "docs/x.md", REGISTRY)
    assert "121 characters" in long_zh.message and long_zh.line == 3
    assert check_description(_page("a" * 160), "docs/x.en.md", REGISTRY) == []
    assert check_description(_page("a" * 161), "docs/x.en.md", REGISTRY)


def test_unquoted_colon_breaks_the_front_matter_and_is_named_once_by_the_front_matter_check():
    text = _page("Steps: one: two")
    assert check_description(text, "docs/x.en.md", REGISTRY) == []
    [finding] = [f for f in run_checks(text, "docs/x.en.md", REGISTRY) if f.rule != "HYG-ID"]
    assert finding.rule == "YAML-SYNTAX" and "not valid YAML" in finding.message and "quote" in finding.hint
    assert finding.line == 3


def test_files_outside_docs_are_not_pages():
    assert check_description("# no front matter\n", "tests/fixtures/links/ok_x.md", REGISTRY) == []
