"""Mermaid flowcharts (partner_guide/checks/diagrams.py), driven by fixtures/diagrams/."""

from __future__ import annotations

import pytest
from partner_guide.checks.diagrams import Edge

from tests.support import REGISTRY, check_diagrams, diagram_shapes


def fence(body: str, before: str = "") -> str:
    return f"{before}```mermaid\n{body}\n```\n"


def test_unknown_diagram_type_is_reported_on_its_line_in_the_file():
    [finding] = check_diagrams(fence('pie\n  "a": 1', "# T\n\n"), "docs/x.md", REGISTRY)
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


@pytest.mark.parametrize(
    "line, rule",
    [
        ('  click a "https://evil.example"', "DIA-CLICK"),
        ("  click a call callback()", "DIA-CLICK"),
        ("  a --> b href", "DIA-CLICK"),
        ('  a["<img src=x onerror=alert(1)>"] --> b', "DIA-HTML"),
        ("%%{init: {'securityLevel': 'loose'}}%%", "DIA-DIRECTIVE"),
    ],
)
def test_unsafe_diagram_content_is_reported(line, rule):
    body = f'flowchart TD\n  a["x"] --> b["y"]\n{line}'
    assert rule in {f.rule for f in check_diagrams(fence(body), "docs/x.md", REGISTRY)}


def test_shape_lists_nodes_edges_and_labels_for_the_parity_check():
    [diagram] = diagram_shapes(fence('flowchart LR\n  a["甲"] -->|是| b["乙"] --> c["丙"]\n  a & c --> d["丁"]'))
    assert diagram.direction == "LR" and diagram.nodes == ["a", "b", "c", "d"]
    assert diagram.labels == {"a": "甲", "b": "乙", "c": "丙", "d": "丁"}
    assert diagram.edges == [Edge("a", "b", "是"), Edge("b", "c"), Edge("a", "d"), Edge("c", "d")]
    assert diagram.shape == (("a", "b", "c", "d"), (("a", "b"), ("a", "d"), ("b", "c"), ("c", "d")))
