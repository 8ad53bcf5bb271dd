"""Unsafe raw HTML (hooks/safety.py), driven by tests/fixtures/safety/."""

from __future__ import annotations

import pytest
from _validation_helpers import REGISTRY, expected, fixtures, ids, positions, run, run_page_checks

from safety import check_safety

BAD = fixtures("safety", "bad")
OK = fixtures("safety", "ok")


@pytest.mark.parametrize("path", BAD, ids=ids(BAD))
def test_bad_safety_fixture_reports_exactly_its_expected_findings(path):
    assert positions(run(check_safety, path)) == expected(path)


@pytest.mark.parametrize("path", OK, ids=ids(OK))
def test_harmless_html_and_code_pass_the_page_checks(path):
    assert run_page_checks(path) == []


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


@pytest.mark.parametrize("html", ['<meta http-equiv="refresh" content="0;url=https://evil.example">',
                                  '<base href="https://evil.example/">', "<frameset></frameset>"])
def test_tags_that_redirect_or_load_code_are_errors_too(html):
    assert [f.rule for f in check_safety(html + "\n", "docs/x.md", REGISTRY)] == ["SAFE-TAG"]


def test_an_unclosed_comment_does_not_hide_what_follows():
    assert [f.rule for f in check_safety("<!-- \n\n<script>x()</script>\n", "docs/x.md", REGISTRY)] == ["SAFE-TAG"]
