"""The Tencent syntax facts (partner_guide/markdown/syntax.py, codeblocks.py, dx.py): the block rule,
and every regular expression finishing on 100,000-character pathological lines (none can backtrack)."""

from __future__ import annotations

import re

import pytest
from partner_guide import tencent_import
from partner_guide.markdown import codeblocks, dx, syntax

N = 100_000
PATHOLOGICAL = [
    "`" * N,
    "*" * N,
    "[" * N + "]",
    "[](" * (N // 3),
    "(" * N,
    ">" * N,
    " " * N + "x",
    "#" * N,
    "|" * N,
    "-" * N,
    "- " * (N // 2),
    "<dx-" * (N // 4),
    ":" * N,
    "第" * N,
    "![" * (N // 2),
    "{#" + "a" * N,
    "**" + "说" * N,
    '<dx-alert infotype="' + "x" * N,
    "\\" * N + "`",
    "~" * N,
    "!!! " + "a " * (N // 2),
    '=== "' + "a" * N,
    "a" * N + ":",
    "<" * N + ">",
    "](#" + "a" * N,
    "\t" * N + "x",
]
MODULES = (syntax, codeblocks, dx, tencent_import)
PATTERNS = sorted(
    {
        (module.__name__, name): value
        for module in MODULES
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern)
    }.items()
)


@pytest.mark.parametrize(
    "pattern", [p for _, p in PATTERNS], ids=[f"{m.rsplit('.', 1)[1]}.{n}" for (m, n), _ in PATTERNS]
)
def test_each_regex_finishes_on_pathological_lines(pattern):
    for text in PATHOLOGICAL:
        pattern.search(text)
        pattern.match(text)


def test_the_block_rule_ends_a_marker_block_at_the_first_unquoted_line():
    segments, end = syntax.split_quote_region([">? 说明", "> 续", "下一步", ">! 注意"], any_indent=False)
    assert [(s.start, s.end, s.marker.kind) for s in segments] == [(0, 2, "note")] and end == 2


def test_the_source_faqs_bare_marker_keeps_the_list_under_it():
    segments, end = syntax.split_quote_region([">!", "- 一", "- 二", "后文"], any_indent=False)
    assert segments[0].list_mode and end == 3


def test_a_marker_line_starts_a_new_block_at_the_same_depth():
    segments, _ = syntax.split_quote_region([">? 甲", ">! 乙", "> 丙"], any_indent=False)
    assert [(s.start, s.end, s.marker.kind) for s in segments] == [(0, 1, "note"), (1, 3, "warning")]


def test_a_deeper_marker_alone_is_the_note_itself():
    [segment], _ = syntax.split_quote_region([">>? 单独"], any_indent=False)
    assert segment.collapse


@pytest.mark.parametrize(
    "before, after, label, breaks",
    [
        ("第一步：注册。", "第二步：认证。", False, True),
        ("说明：", "文字", True, True),
        ("wrapped English", "prose goes on", False, False),
        ("Step 1: log in.", "Step 2: open.", False, True),
        ("中文", "English", False, False),
    ],
)
def test_where_tencents_renderer_breaks_a_line(before, after, label, breaks):
    assert syntax.breaks_between(before, after, label) is breaks


def test_nesting_as_written_moves_only_list_item_lines():
    block = "1. 父\n - 子\n   续\n2. 下"
    assert syntax.nest_by_indentation(block) == "1. 父\n    - 子\n   续\n2. 下"


def test_dx_codeblock_becomes_a_fence_long_enough_for_its_backticks():
    lines = ["<dx-codeblock>", "::: python", "x = '```'", ":::", "</dx-codeblock>"]
    assert dx.convert_dx_codeblocks(lines) == ["````python", "x = '```'", "````"]


def test_a_malformed_dx_codeblock_is_left_as_written():
    lines = ["<dx-codeblock>", "no colons", "</dx-codeblock>"]
    assert dx.convert_dx_codeblocks(lines) == lines
