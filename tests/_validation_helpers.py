"""Helpers for the validation-rule tests (fixtures, expectations, paths).

A bad fixture opens with an HTML comment listing its expected findings, one
`line:col RULE-ID` a line:

    <!--
    expect:
    7:4 LINK-ROUTE
    -->
"""

from __future__ import annotations

import re
from pathlib import Path

from findings import Finding
from registry import load_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPECT_RE = re.compile(r"^(\d+):(\d+) ([A-Z][A-Z0-9-]+)$")  # `line:col RULE-ID`
COMMENT_RE = re.compile(r"\A<!--(.*?)-->", re.S)  # the expectation comment at the top

REGISTRY = load_registry()


def fixtures(area: str, prefix: str) -> list[Path]:
    return sorted((FIXTURES / area).glob(f"{prefix}_*.md"))


def expected(path: Path) -> set[tuple[int, int, str]]:
    comment = COMMENT_RE.match(path.read_text(encoding="utf-8"))
    assert comment, f"{path.name} must open with an <!-- expect: … --> comment"
    found = set()
    for line in comment.group(1).splitlines():
        match = EXPECT_RE.match(line.strip())
        if match:
            found.add((int(match.group(1)), int(match.group(2)), match.group(3)))
    assert found, f"{path.name} lists no expected finding"
    return found


def positions(findings: list[Finding]) -> set[tuple[int, int, str]]:
    return {(f.line, f.col, f.rule) for f in findings}


def run(check, path: Path) -> list[Finding]:
    return check(path.read_text(encoding="utf-8"), f"tests/fixtures/{path.parent.name}/{path.name}", REGISTRY)


def ids(paths: list[Path]) -> list[str]:
    return [path.stem for path in paths]


def run_page_checks(path: Path) -> list[Finding]:
    """The five page-check modules of issue 3 (other registered checks, such
    as meta descriptions, have their own fixtures)."""
    from admonitions import check_admonitions
    from diagrams import check_diagrams
    from hygiene import check_hygiene
    from links import check_links
    from safety import check_safety

    return [finding for check in (check_links, check_safety, check_admonitions, check_diagrams, check_hygiene)
            for finding in run(check, path)]
