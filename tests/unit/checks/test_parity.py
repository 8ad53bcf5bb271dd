"""The translation parity rules (partner_guide/checks/parity.py), driven by fixtures.

`fixtures/parity/` holds page pairs named like the site's pages:
`ok_x.md` + `ok_x.en.md` must give no finding; each `bad_x.md` (or, for a
lone English page, `bad_x.en.md`) opens with the findings it expects, one
`zh|en line:col RULE-ID` a line:

    <!--
    expect:
    zh 10:10 PARITY-ID
    en 5:19 PARITY-ID
    -->
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from partner_guide.checks.findings import format_finding
from partner_guide.checks.parity import check_pair, check_parity, with_counterparts
from partner_guide.languages import counterpart, edition

from tests.support import FIXTURES as ALL_FIXTURES
from tests.support import ROOT, page_model, page_models

FIXTURES = ALL_FIXTURES / "parity"
EXPECT_RE = re.compile(r"^(zh|en) (\d+):(\d+) ([A-Z][A-Z0-9-]+)$")  # `zh 10:10 PARITY-ID`
COMMENT_RE = re.compile(r"\A<!--(.*?)-->", re.S)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def cases(prefix: str) -> dict[str, dict[str, Path]]:
    """Fixture pairs by base name: {"bad_ids": {"zh": …, "en": …}}."""
    out: dict[str, dict[str, Path]] = {}
    for path in sorted(FIXTURES.glob(f"{prefix}_*.md")):
        lang, base = edition(rel(path))
        out.setdefault(Path(base).stem, {})[lang] = path
    return out


def expected(pair: dict[str, Path]) -> set[tuple[str, int, int, str]]:
    source = pair.get("zh") or pair["en"]
    comment = COMMENT_RE.match(source.read_text(encoding="utf-8"))
    assert comment, f"{source.name} must open with an <!-- expect: … --> comment"
    found = {
        (m[1], int(m[2]), int(m[3]), m[4])
        for m in (EXPECT_RE.match(line.strip()) for line in comment.group(1).splitlines())
        if m
    }
    assert found, f"{source.name} lists no expected finding"
    return found


def run(pair: dict[str, Path]):
    return check_parity(page_models({rel(p): p.read_text(encoding="utf-8") for p in pair.values()}))


def pair_findings(zh: str, en: str, zh_path: str = "docs/x.md", en_path: str = "docs/x.en.md"):
    return check_pair(page_model(zh, zh_path), page_model(en, en_path), zh_path, en_path)


def side(path: str) -> str:
    return edition(path)[0]


OK = cases("ok")
BAD = cases("bad")


@pytest.mark.parametrize("name", sorted(OK))
def test_faithful_translation_gives_no_finding(name):
    pair = OK[name]
    assert set(pair) == {"zh", "en"}, f"{name} needs both editions"
    assert [format_finding(f) for f in run(pair)] == []


@pytest.mark.parametrize("name", sorted(BAD))
def test_drifted_translation_is_reported_where_it_drifts(name):
    pair = BAD[name]
    got = {(side(f.path), f.line, f.col, f.rule) for f in run(pair)}
    assert got == expected(pair), "\n".join(format_finding(f) for f in run(pair))


def test_fixture_set_covers_every_rule():
    rules = {rule for pair in BAD.values() for *_, rule in expected(pair)}
    assert rules == {"PARITY-MISSING", "PARITY-ID", "PARITY-LINK", "PARITY-CONTACT", "PARITY-DIAGRAM"}


def test_finding_names_both_files_and_keeps_the_shared_format():
    pair = BAD["bad_ids"]
    lines = [format_finding(f) for f in run(pair)]
    assert (
        "tests/unit/checks/fixtures/parity/bad_ids.md:10:10: PARITY-ID question id #second is not in "
        "tests/unit/checks/fixtures/parity/bad_ids.en.md (hint: give the question the same ASCII id in both "
        "editions, e.g. ## … {#rebate-process})"
    ) in lines


def test_missing_english_page_names_the_file_to_create():
    (finding,) = run(BAD["bad_missing_en"])
    assert finding.message == "no English page: tests/unit/checks/fixtures/parity/bad_missing_en.en.md does not exist"


def test_missing_chinese_page_is_reported_too():
    (finding,) = run(BAD["bad_missing_zh"])
    assert finding.path.endswith("bad_missing_zh.en.md")
    assert "no Chinese page: tests/unit/checks/fixtures/parity/bad_missing_zh.md" in finding.message


def test_relabelled_diagram_with_same_ids_and_edges_is_fine():
    zh = '```mermaid\nflowchart TD\n  a["甲"] --> b["乙"]\n  a -->|是| c["丙"]\n```\n'
    en = '```mermaid\nflowchart TD\n  a["A"] --> b["B"]\n  a -->|Yes| c["C"]\n```\n'
    assert pair_findings(zh, en) == []


def test_reversed_edge_is_a_different_shape():
    zh = "```mermaid\nflowchart TD\n  a --> b\n```\n"
    en = "```mermaid\nflowchart TD\n  b --> a\n```\n"
    rules = {f.rule for f in pair_findings(zh, en)}
    assert rules == {"PARITY-DIAGRAM"}


def test_ids_inside_code_fences_are_not_questions():
    text = "## Q {#real}\n\n```md\n## Example {#not-a-question}\n```\n"
    assert list(page_model(text).question_ids) == ["real"]


def test_link_text_may_differ_but_short_name_must_not():
    assert set(page_model("[通知公告][announce] [渠道小助手][]").link_targets) == {"[announce]", "[渠道小助手]"}
    assert pair_findings("[通知公告][announce]", "[Announcements][announce]", "a.md", "a.en.md") == []


def test_checking_one_file_reads_its_other_edition(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert with_counterparts([Path("docs/hot/rebate.en.md")]) == [
        Path("docs/hot/rebate.en.md"),
        Path("docs/hot/rebate.md"),
    ]


@pytest.mark.content
def test_the_site_itself_is_in_parity():
    sources = {rel(p): p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))}
    assert [format_finding(f) for f in check_parity(page_models(sources))] == []
    chinese = [p for p in sources if edition(p)[0] == "zh"]
    assert chinese and all(counterpart(p, "en") in sources for p in chinese)
