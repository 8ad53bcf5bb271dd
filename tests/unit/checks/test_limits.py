"""Render-time bounds (partner_guide/checks/limits.py): what would make Python-Markdown hang or recurse.

Each pathological input here takes Python-Markdown minutes or a RecursionError
unguarded (measured: 4,000 `![` 23 s, 300 nested list levels RecursionError);
guarded, it is a finding and renders at once. No timing is asserted: a hang
would stop the test run, and the guard's own scans are single passes.
"""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from partner_guide.checks.limits import MAX_DEPTH, MAX_OPEN, MAX_PAGE_CHARS, check_limits, depth, guard

from tests.support import REGISTRY, ROOT

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]
PATHOLOGICAL = {
    "nested-list": ("".join("    " * i + "- x\n" for i in range(300)), "LIMIT-NESTING"),
    "nested-ordered-list": ("".join("    " * i + "1. x\n" for i in range(300)), "LIMIT-NESTING"),
    "nested-quote": (">" * 2000 + " x\n", "LIMIT-NESTING"),
    "growing-quotes": ("".join(">" * i + " x\n" for i in range(1, 400)), "LIMIT-NESTING"),
    "emphasis-run": ("*" * 3000 + "x" + "*" * 3000 + "\n", "LIMIT-RUN"),
    "brackets": ("[" * 50_000 + "\n", "LIMIT-PARAGRAPH"),
    "images": ("![" * 4000 + "\n", "LIMIT-OPEN"),
    "unclosed-links": (("[a](" * 20 + "\n\n") * 500, "LIMIT-OPEN"),
    "unclosed-tags": (("<a " * 32 + "\n\n") * 200, "LIMIT-OPEN"),
    "comment-openers": ("<!--\n\n" * 5000, "LIMIT-OPEN"),
    "entities-in-one-paragraph": ("&amp;" * 20_000 + "\n", "LIMIT-PARAGRAPH"),
    "backticks": ("`a" * 30_000 + "\n", "LIMIT-PARAGRAPH"),
    "one-megabyte": ("x" * (MAX_PAGE_CHARS + 1), "LIMIT-SIZE"),
}


def _render(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_is_a_finding_and_the_guarded_page_renders(name):
    text, rule = PATHOLOGICAL[name]
    safe, problems = guard(text)
    assert rule in {p.rule for p in problems}
    _render(safe)  # returns: no hang, no RecursionError


@pytest.mark.content
@pytest.mark.parametrize("source", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_sites_pages_are_within_every_limit_and_unchanged(source):
    text = source.read_text(encoding="utf-8")
    assert check_limits(text, "docs/x.md", REGISTRY) == []
    assert guard(text)[0] == text


def test_findings_are_at_the_files_lines():
    text = "---\ntitle: t\n---\n\n# t\n\n" + ">" * 30 + " x\n"
    [finding] = check_limits(text, "docs/x.md", REGISTRY)
    assert (finding.line, finding.rule) == (7, "LIMIT-NESTING")


def test_depth_counts_quotes_list_markers_and_indentation():
    assert depth("> > - x")[0] == 3
    assert depth("        - x")[0] == 3
    assert depth("\t\t> x")[0] == 3
    assert depth("x")[0] == 0


def test_ordinary_nesting_and_brackets_pass():
    nested = "".join("    " * i + "- x\n" for i in range(MAX_DEPTH))
    links = " ".join(f"[x{i}](https://cloud.tencent.com/{i})" for i in range(200)) + "\n"
    a_few_open = "[" * MAX_OPEN + " text\n"
    code = "```\n" + "[" * 1000 + "\n<a " * 100 + "\n```\n"
    for text in (nested, links, a_few_open, code, "| a | b |\n|---|---|\n" + "| [x](y) | z |\n" * 2000):
        assert guard(text) == (text, ()), text[:40]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "[",
                "]",
                "(",
                ")",
                "<a ",
                ">",
                "<!--",
                "`",
                "*",
                "_",
                "> ",
                "- ",
                "    ",
                "\n",
                "\n\n",
                "x",
                "```\n",
                "|",
                "#",
            ]
        ),
        max_size=400,
    ).map("".join)
)
def test_any_text_is_guarded_without_raising_and_renders(text):
    safe, problems = guard(text)
    assert all(p.line >= 1 and p.col >= 1 for p in problems)
    _render(safe)
