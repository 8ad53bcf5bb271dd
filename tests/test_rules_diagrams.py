"""Mermaid flowcharts (hooks/diagrams.py), driven by tests/fixtures/diagrams/."""

from __future__ import annotations

import pytest
from _validation_helpers import REGISTRY, expected, fixtures, ids, positions, run, run_page_checks

from diagrams import Edge, check_diagrams, diagram_shapes

BAD = fixtures("diagrams", "bad")
OK = fixtures("diagrams", "ok")


def fence(body: str, before: str = "") -> str:
    return f"{before}```mermaid\n{body}\n```\n"


@pytest.mark.parametrize("path", BAD, ids=ids(BAD))
def test_bad_diagram_fixture_reports_exactly_its_expected_findings(path):
    assert positions(run(check_diagrams, path)) == expected(path)


@pytest.mark.parametrize("path", OK, ids=ids(OK))
def test_supported_flowchart_subset_passes_the_page_checks(path):
    assert run_page_checks(path) == []


def test_unknown_diagram_type_is_reported_on_its_line_in_the_file():
    [finding] = check_diagrams(fence("pie\n  \"a\": 1", "# T\n\n"), "docs/x.md", REGISTRY)
    assert (finding.line, finding.col, finding.rule) == (4, 1, "DIA-TYPE")


def test_syntax_the_parser_does_not_understand_is_reported_with_its_column():
    [finding] = check_diagrams(fence('flowchart TD\n  a["x"] --> b["y"] ?? c'), "docs/x.md", REGISTRY)
    assert (finding.line, finding.col, finding.rule) == (3, 21, "DIA-SYNTAX")


def test_node_without_label_and_orphan_node_are_reported():
    findings = check_diagrams(fence('flowchart TD\n  a --> b["y"]\n  c["z"]'), "docs/x.md", REGISTRY)
    assert {(f.line, f.rule) for f in findings} == {(3, "DIA-NOLABEL"), (4, "DIA-ORPHAN")}


def test_empty_label_is_reported():
    [finding] = check_diagrams(fence('flowchart TD\n  a[" "] --> b["y"]'), "docs/x.md", REGISTRY)
    assert finding.rule == "DIA-EMPTY-LABEL"


@pytest.mark.parametrize("line, rule", [
    ('  click a "https://evil.example"', "DIA-CLICK"),
    ("  click a call callback()", "DIA-CLICK"),
    ("  a --> b href", "DIA-CLICK"),
    ('  a["<img src=x onerror=alert(1)>"] --> b', "DIA-HTML"),
    ("%%{init: {'securityLevel': 'loose'}}%%", "DIA-DIRECTIVE"),
])
def test_unsafe_diagram_content_is_reported(line, rule):
    body = f'flowchart TD\n  a["x"] --> b["y"]\n{line}'
    assert rule in {f.rule for f in check_diagrams(fence(body), "docs/x.md", REGISTRY)}


def test_shape_lists_nodes_edges_and_labels_for_the_parity_check():
    [diagram] = diagram_shapes(fence('flowchart LR\n  a["甲"] -->|是| b["乙"] --> c["丙"]\n  a & c --> d["丁"]'))
    assert diagram.direction == "LR" and diagram.nodes == ["a", "b", "c", "d"]
    assert diagram.labels == {"a": "甲", "b": "乙", "c": "丙", "d": "丁"}
    assert diagram.edges == [Edge("a", "b", "是"), Edge("b", "c"), Edge("a", "d"), Edge("c", "d")]
    assert diagram.shape == (("a", "b", "c", "d"), (("a", "b"), ("a", "d"), ("b", "c"), ("c", "d")))

