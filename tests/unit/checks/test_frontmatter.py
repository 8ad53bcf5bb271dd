"""Front matter schema (partner_guide/checks/frontmatter.py): the keys a page may set, and nothing else."""

from __future__ import annotations

import pytest
from partner_guide.checks.frontmatter import check_front_matter, read_front_matter
from partner_guide.checks.ruleset import run_checks

from tests.support import REGISTRY, ROOT

PAGE = "---\n{}---\n\n# 标题\n\n正文。\n"


def _rules(front: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in check_front_matter(PAGE.format(front), "docs/x.md", REGISTRY)]


@pytest.mark.content
@pytest.mark.parametrize("source", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_page_of_the_site_passes(source):
    assert check_front_matter(source.read_text(encoding="utf-8"), "docs/x.md", REGISTRY) == []


@pytest.mark.parametrize(
    "key", ["template", "icon", "status", "subtitle", "faq_jsonld", "author", "git_revision_date_localized", "tags"]
)
def test_theme_and_hook_keys_are_not_for_pages(key):
    assert _rules(f"title: t\ndescription: d\n{key}: x\n") == [(4, "FM-KEY")]


@pytest.mark.parametrize(
    "front, rule",
    [
        ("title: [a, b]\n", "FM-TYPE"),
        ("title: {a: b}\n", "FM-TYPE"),
        ("title: 42\n", "FM-TYPE"),
        ('title: ""\n', "FM-TEXT"),
        ('title: "a\\nb"\n', "FM-TEXT"),
        ('title: "a\\u0007b"\n', "FM-TEXT"),
        ('title: "</title><script>x()</script>"\n', "FM-TEXT"),
        (f"title: {'长' * 81}\n", "FM-TEXT"),
        ("hide: 5\n", "FM-TYPE"),
        ("hide: [everything]\n", "FM-VALUE"),
        ('search: {exclude: "yes"}\n', "FM-TYPE"),
        ("search: {exclude: true, boost: 2}\n", "FM-TYPE"),
    ],
)
def test_wrong_values_are_findings_at_their_key(front, rule):
    assert _rules(front) == [(2, rule)]


def test_a_breadcrumb_with_greater_than_signs_is_plain_text():
    assert _rules('description: "website > Cooperation & Ecosystem > Partners"\n') == []


def test_safe_meta_keeps_only_allowed_keys_with_valid_values():
    front = read_front_matter(PAGE.format("title: [a]\ndescription: 好\nhide: [toc]\ntemplate: x.html\n"))
    assert front.safe_meta == {"description": "好", "hide": ["toc"]}
    assert front.lines == 6


def test_a_refused_front_matter_gives_no_meta_and_one_finding():
    front = read_front_matter(PAGE.format("a: &x [1]\nb: *x\ntitle: t\n"))
    assert front.safe_meta == {} and [p[2] for p in front.problems] == ["YAML-ALIAS"]


def test_a_byte_order_mark_before_the_front_matter_is_accepted():
    text = "\ufeff" + PAGE.format("title: 标题\ndescription: 描述。\n")
    assert read_front_matter(text).safe_meta == {"title": "标题", "description": "描述。"}
    assert run_checks(text, "docs/x.md", REGISTRY) == []


def test_only_the_pages_own_text_is_escaped_for_the_templates():
    from markupsafe import Markup
    from partner_guide.checks.frontmatter import escaped_for_templates

    meta = {"title": "A & <b>", "description": "d", "git_revision_date_localized": '<span class="x">1</span>'}
    escaped = escaped_for_templates(meta)
    assert escaped == {"title": Markup("A &amp; &lt;b&gt;"), "description": Markup("d")}
    assert escaped_for_templates({**meta, **escaped}) == {}  # escaped once, however often the hook runs
