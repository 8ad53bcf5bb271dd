"""The boundary's allowlist (partner_guide/site/allowlist.py): ids, classes and attribute values."""

from __future__ import annotations

import pytest
from partner_guide.site.allowlist import DROP_WITH_CONTENT, TAGS, allowed_classes, is_id, value_problem


@pytest.mark.parametrize("value", ["rebate-process", "_1", "q1", "__tabbed_1_2", "__codelineno-0-12"])
def test_ids_the_site_renders_are_allowed(value):
    assert is_id(value)


@pytest.mark.parametrize("value", ["__config", "__search", "__palette_0", "", "a b", "x" * 101, '"><img'])
def test_theme_ids_and_odd_ids_are_not(value):
    assert not is_id(value)


def test_classes_are_kept_token_by_token():
    assert allowed_classes("div", "admonition warning md-dialog") == (["admonition", "warning"], ["md-dialog"])
    assert allowed_classes("span", "k nt s2 p-Indicator l-Scalar-Plain") == (
        ["k", "nt", "s2", "p-Indicator", "l-Scalar-Plain"],
        [],
    )
    assert allowed_classes("span", "md-dialog p-x") == ([], ["md-dialog", "p-x"])
    assert allowed_classes("div", "language-python highlight") == (["language-python", "highlight"], [])


# tag, attribute, an allowed value | a refused one
VALUES = """
td    style  text-align: center; | color: red
th    style  text-align: left | aspect-ratio: 586 / 822
div   role   img | dialog
input type   radio | password
input name   __tabbed_3 | q
label for    __tabbed_3_1 | password
img   width  120 | 120px; x
"""


@pytest.mark.parametrize(
    "row", [line for line in VALUES.strip().splitlines()], ids=lambda row: " ".join(row.split()[:2])
)
def test_attribute_values(row):
    tag, name, values = row.split(None, 2)
    allowed, refused = (value.strip() for value in values.split("|"))
    assert value_problem(tag, name, allowed) is None
    assert value_problem(tag, name, refused) is not None


def test_nothing_is_both_kept_and_dropped_with_its_content():
    assert not TAGS & DROP_WITH_CONTENT
    assert {"script", "style", "svg", "iframe", "object", "embed", "template", "math", "noscript"} <= DROP_WITH_CONTENT
