"""Property tests: arbitrary Markdown and Mermaid never crash a check or the rewrite."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from partner_guide.checks.findings import Finding
from partner_guide.checks.ruleset import CHECKS, TREE_RULES, run_checks

from tests.support import REGISTRY, check_diagrams, diagram_shapes, page_findings, render_markdown

# Fragments that steer the generator into the syntax the checks parse.
MARKDOWN_BITS = [
    "\n",
    "\n\n",
    " ",
    "    ",
    "# ",
    "## ",
    "{#",
    "}",
    "{: #id }",
    "- ",
    "1. ",
    "> ",
    ">!",
    ">?",
    "> [!NOTE]",
    "> [!",
    "]",
    "!!! ",
    "??? ",
    "note",
    "warning",
    '"',
    "```",
    "```mermaid\n",
    "~~~",
    "`",
    "---\n",
    "[",
    "](",
    ")",
    "][",
    "[x]: ",
    "<",
    ">",
    '<a href="',
    "<img src='",
    " onerror=",
    "<script>",
    "<!--",
    "-->",
    "https://",
    "http://",
    "//",
    "console.cloud.tencent.com",
    "console.qcloud.com",
    "/partners/announce",
    "admin.qidian.qq.com/template/blue/wpa/link.html?",
    "kfuin=",
    "&",
    "tel:+86",
    "mailto:",
    "javascript:",
    "data:",
    "&#106;",
    "0755-86013388-75727",
    "[annouce]",
    "中文",
    "？",
    "\t",
    "\r\n",
    "|",
]
MERMAID_BITS = [
    "\n",
    " ",
    "flowchart",
    "graph",
    " TD",
    " LR",
    " XY",
    "a",
    "b",
    "c_1",
    "节点",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "((",
    "))",
    "[[",
    "]]",
    "([",
    "])",
    ">",
    '"',
    "-->",
    "---",
    "-.->",
    "==>",
    "<-->",
    "--",
    "-.",
    "==",
    "|",
    "&",
    ";",
    ":::",
    "subgraph ",
    "end",
    "direction ",
    "classDef ",
    "click ",
    "href",
    "%%",
    "%%{init: {}}%%",
    "<b>",
    "<img src=x>",
    "`",
    "@{",
    "\t",
]

markdown_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(MARKDOWN_BITS) | st.text(max_size=5), max_size=60).map("".join),
)
mermaid_text = st.lists(st.sampled_from(MERMAID_BITS) | st.text(max_size=4), max_size=60).map(
    lambda parts: "# T\n\n```mermaid\n" + "".join(parts) + "\n```\n"
)

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_findings(result) -> None:
    assert isinstance(result, list)
    assert all(isinstance(finding, Finding) for finding in result)
    assert all(finding.line >= 1 and finding.col >= 1 and finding.rule for finding in result)


@FUZZ
@given(markdown_text)
def test_every_check_returns_findings_and_never_raises_on_arbitrary_markdown(text):
    for check in CHECKS:  # every registered source check, including ones added later
        _assert_findings(check(text, "docs/fuzz.md", REGISTRY))
    assert all(f.rule != "CHECK-CRASH" for f in run_checks(text, "docs/fuzz.md", REGISTRY))
    # and every rule of the rendered page (the page extension), crash-free too
    found = page_findings(text, "docs/fuzz.md")
    _assert_findings(found)
    assert all(f.rule != "CHECK-CRASH" for f in found)


@FUZZ
@given(mermaid_text)
def test_diagram_check_and_shape_never_raise_on_arbitrary_mermaid(text):
    _assert_findings(check_diagrams(text, "docs/fuzz.md", REGISTRY))
    for diagram in diagram_shapes(text):
        assert set(diagram.labels) <= set(diagram.nodes)
        assert all(edge.source in diagram.nodes and edge.target in diagram.nodes for edge in diagram.edges)


@FUZZ
@given(markdown_text, st.sampled_from(["zh", "en", "zh_TW", ""]))
def test_the_markdown_extension_renders_arbitrary_markdown_without_raising(text, lang):
    assert isinstance(render_markdown(text, lang), str)


def test_the_page_rules_are_registered_and_so_fuzzed():
    from partner_guide.checks.admonitions import admonition_issues
    from partner_guide.checks.diagrams import diagram_issues
    from partner_guide.checks.hygiene import hygiene_issues

    assert {hygiene_issues, admonition_issues, diagram_issues} <= set(TREE_RULES)


# Fragments of the synonyms file's syntax (YAML), for the SYN-* check.
SYNONYM_BITS = [
    "\n",
    "  ",
    "zh:",
    "en:",
    "fr:",
    "返佣",
    "rebate",
    ": ",
    "[",
    "]",
    ", ",
    "- ",
    "&a ",
    "*a",
    "!!python/x",
    "{",
    "}",
    "'",
    '"',
    "#",
    "---\n",
    "? ",
    "\t",
    "佣金",
    "null",
    "1",
]
synonyms_text = st.one_of(
    st.text(max_size=200), st.lists(st.sampled_from(SYNONYM_BITS) | st.text(max_size=4), max_size=50).map("".join)
)


@FUZZ
@given(synonyms_text)
def test_synonyms_check_returns_findings_and_never_raises(text):
    from partner_guide.checks.synonyms import check_synonyms, parse_synonyms

    pages = {"docs/a.md": "---\ntitle: a\n---\n\n返佣\n", "docs/a.en.md": "rebate\n"}
    _assert_findings(check_synonyms(text, "hooks/synonyms.yml", pages))
    entries, _ = parse_synonyms(text, "hooks/synonyms.yml")
    assert all(entry.target and entry.words for entry in entries)


@FUZZ
@given(st.text(max_size=200))
def test_search_sections_and_keys_never_raise(text):
    from partner_guide.site.search_sections import page_sections
    from partner_guide.site.search_text import keys, normalise

    assert page_sections(text)
    assert isinstance(keys(normalise(text)), list)
