"""What the checks read as prose (partner_guide/checks/scan.py): code in every form Python-Markdown renders as code."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from partner_guide.checks.safety import check_safety
from partner_guide.checks.scan import _blank_code_spans, _blank_comments, prose_lines
from tests.support import REGISTRY

# The regexes scan.py used before: same results, but minutes on a few thousand backticks or `<!--`.
OLD_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
OLD_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _blank(text: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("`a \\")), max_size=40))
def test_code_spans_are_found_where_the_old_regex_found_them(line):
    assert _blank_code_spans(line) == OLD_CODE_SPAN.sub(lambda m: _blank(m.group(0)), line)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["<!--", "-->", "a", "\n", "-", "<", "!", ">"]), max_size=30).map("".join))
def test_comments_are_blanked_where_the_old_regex_blanked_them(text):
    assert _blank_comments(text) == OLD_COMMENT.sub(lambda m: _blank(m.group(0)), text)


def test_long_runs_are_scanned_in_one_pass():
    assert prose_lines("`" * 100_000 + "\n" + "<!--\n" * 20_000)  # returns at once (was minutes)


def test_a_fence_inside_a_quote_is_code():
    text = "> 示例：\n>\n> ```html\n> <script>alert(1)</script>\n> ```\n"
    assert prose_lines(text)[2:5] == ["", "", ""]
    assert check_safety(text, "docs/x.md", REGISTRY) == []


def test_an_indented_code_block_is_code_but_an_indented_list_paragraph_is_not():
    assert check_safety("示例：\n\n    <script>alert(1)</script>\n", "docs/x.md", REGISTRY) == []
    [finding] = check_safety("- 项目\n\n    <script>alert(1)</script>\n", "docs/x.md", REGISTRY)
    assert (finding.line, finding.rule) == (3, "SAFE-TAG")
