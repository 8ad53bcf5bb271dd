"""Unsafe raw HTML (partner_guide/checks/safety.py), driven by fixtures/safety/."""

from __future__ import annotations

import pytest

from tests.support import REGISTRY, check_safety


@pytest.mark.parametrize("tag", ["script", "iframe", "style", "object", "embed", "SCRIPT"])
def test_raw_dangerous_tag_is_an_error(tag):
    [finding] = check_safety(f"text\n\n<{tag}>x</{tag}>\n", "docs/x.md", REGISTRY)
    assert (finding.line, finding.col, finding.rule) == (3, 1, "SAFE-TAG")
    assert tag.lower() in finding.message


def test_event_handler_attribute_is_an_error_with_its_name():
    [finding] = check_safety('<span onpointerenter="x()">a</span>\n', "docs/x.md", REGISTRY)
    assert finding.rule == "SAFE-EVENT" and "onpointerenter" in finding.message and finding.col == 7


def test_words_starting_with_on_in_prose_are_not_attributes():
    assert check_safety("online one=1 <b>only</b> onboarding\n", "docs/x.md", REGISTRY) == []


@pytest.mark.parametrize(
    "html",
    [
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        '<base href="https://evil.example/">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
    ],
)
def test_tags_that_redirect_or_load_code_are_errors_too(html):
    assert [f.rule for f in check_safety(html + "\n", "docs/x.md", REGISTRY)] == ["SAFE-TAG"]


def test_an_unclosed_comment_does_not_hide_what_follows():
    assert [f.rule for f in check_safety("<!-- \n\n<script>x()</script>\n", "docs/x.md", REGISTRY)] == ["SAFE-TAG"]
