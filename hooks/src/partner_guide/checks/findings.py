"""Findings: the one type every check returns, and the one way to report them.

Pure module, no MkDocs event. A check is a function
`check_x(text, path, registry) -> list[Finding]`; the hook adapters and
`make check` print findings with `format_finding`, one line each:

    docs/hot/rebate.md:12:5: LINK-HOST unknown host evil.example (hint: …)
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the repository root, with "/" separators
    line: int  # 1-based, in the source file, front matter counted
    col: int  # 1-based
    rule: str  # e.g. "LINK-HOST"
    message: str
    hint: str = ""


def format_finding(finding: Finding) -> str:
    hint = f" (hint: {finding.hint})" if finding.hint else ""
    return f"{finding.path}:{finding.line}:{finding.col}: {finding.rule} {finding.message}{hint}"


def github_annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command that annotates the line in the diff."""

    def escape(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def escape_prop(value: str) -> str:
        return escape(value).replace(":", "%3A").replace(",", "%2C")

    text = f"{finding.rule} {finding.message}" + (f" (hint: {finding.hint})" if finding.hint else "")
    return (
        f"::error file={escape_prop(finding.path)},line={finding.line},col={finding.col},"
        f"title={escape_prop(finding.rule)}::{escape(text)}"
    )


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


Place = tuple  # (path, line, rule), or (path, line, col, "address")


def places(finding: Finding) -> set[Place]:
    """What a reported finding covers: its rule at its line; a link finding (LINK-*) also the address at
    its line and column, which the HTML boundary would report again as SAFE-URL."""
    covered: set[Place] = {(finding.path, finding.line, finding.rule)}
    if finding.rule.startswith("LINK-"):
        covered.add((finding.path, finding.line, finding.col, "address"))
    return covered


def repeats(finding: Finding, covered: set[Place]) -> bool:
    """Whether `finding` says again what a finding covering `covered` said."""
    if (finding.path, finding.line, finding.rule) in covered:
        return True
    return finding.rule == "SAFE-URL" and (finding.path, finding.line, finding.col, "address") in covered


def new_places(findings: list[Finding], known: list[Finding]) -> list[Finding]:
    """The findings that do not repeat one of `known` (see `repeats`)."""
    covered = set().union(*(places(finding) for finding in known))
    return [finding for finding in findings if not repeats(finding, covered)]
