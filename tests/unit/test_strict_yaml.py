"""The strict YAML loader (partner_guide/strict_yaml.py): refuses what could expand, hide or run."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from partner_guide.strict_yaml import MAX_DEPTH, load

ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n" for prev, name in zip("abcdefgh", "bcdefghi", strict=False)
).replace("*a", '"lol"')


def _rules(text: str, **options) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.rule) for p in load(text, **options).problems]


def test_plain_data_loads_with_the_positions_of_its_values():
    loaded = load("title: 返佣\nhide:\n  - toc\nsearch: {exclude: true}\n", line_offset=1)
    assert loaded.value == {"title": "返佣", "hide": ["toc"], "search": {"exclude": True}}
    assert loaded.problems == []
    assert loaded.where(("hide", 0)) == (4, 5)  # the file's line: one line before the text
    assert loaded.where(("search", "exclude")) == (5, 10)


def test_an_alias_bomb_is_refused_before_anything_expands():
    assert _rules(ALIAS_BOMB) == [(1, 4, "YAML-ALIAS")]


@pytest.mark.parametrize("text", ["a: &x 1\n", "a: *x\n", "&k a: 1\n", "- &x [1]\n"])
def test_every_anchor_and_alias_is_refused(text):
    assert [rule for _, _, rule in _rules(text)] == ["YAML-ALIAS"]


def test_a_duplicate_key_is_refused_naming_both_lines():
    [problem] = load("title: a\ndescription: b\ntitle: c\n", line_offset=1).problems
    assert (problem.line, problem.rule) == (4, "YAML-DUPLICATE")
    assert "lines 2 and 4" in problem.message


@pytest.mark.parametrize(
    "text", ['a: !!python/object/apply:os.system ["true"]\n', "a: !ENV HOME\n", "a: !!binary aGk=\n", "!!map {a: 1}\n"]
)
def test_explicit_tags_are_refused(text):
    assert [rule for _, _, rule in _rules(text)] == ["YAML-TAG"]


def test_quoted_strings_and_plain_scalars_keep_their_yaml_types():
    loaded = load("a: '1'\nb: 1\nc: yes\nd: ~\ne: 2024-01-02\n")
    assert loaded.value["a"] == "1" and loaded.value["b"] == 1 and loaded.value["d"] is None
    assert str(loaded.value["e"]) == "2024-01-02"


def test_merge_keys_complex_keys_and_second_documents_are_refused():
    assert _rules("a: {x: 1}\nb:\n  <<: {x: 2}\n") == [(3, 3, "YAML-MERGE")]
    assert [r for _, _, r in _rules("? [a]\n: 1\n")] == ["YAML-KEY"]
    assert [r for _, _, r in _rules("a: 1\n---\nb: 2\n")] == ["YAML-SYNTAX"]


def test_nesting_is_bounded():
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert [r for _, _, r in _rules(deep)] == ["YAML-DEPTH"]
    assert load("a: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "\n").problems == []


def test_the_number_of_values_is_bounded():
    text = "".join(f"k{i}: {i}\n" for i in range(50))
    assert [r for _, _, r in _rules(text, max_nodes=20)] == ["YAML-SIZE"]


@pytest.mark.parametrize(
    "text", ['title: "a\x07b"\n', "title: a\x00b\n", "title: \udcff\n", "a: b: c\n", "[" * 100_000]
)
def test_bad_text_is_a_problem_never_an_exception(text):
    loaded = load(text)
    assert loaded.value is None and [p.rule for p in loaded.problems] in (["YAML-SYNTAX"], ["YAML-DEPTH"])


def test_a_byte_order_mark_is_accepted():
    assert load("\ufefftitle: x\n").value == {"title": "x"}


def test_the_hint_for_an_unquoted_colon_says_to_quote():
    [problem] = load("description: a: b\n").problems
    assert "quote" in problem.hint


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-&*!<>[]{}?,'\"|#%@` \n\t\u00e9\u4e2d~.0")), max_size=200))
def test_any_text_loads_or_is_refused_without_raising(text):
    loaded = load(text)
    assert (loaded.problems == []) or (loaded.value is None and len(loaded.problems) == 1)
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.col >= 1 and problem.rule.startswith("YAML-")
