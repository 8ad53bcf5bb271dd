"""The checks, in one place (pure module, no MkDocs event).

The build (hooks/checks.py) and `make check` (`tools/check.py`) both run
`run_checks`, so a build and the writer's edit loop report the same lines.
Nothing here imports MkDocs or the theme.
"""

from __future__ import annotations

from collections.abc import Callable

from ..registry import Registry
from .admonitions import check_admonitions
from .copy import check_copy
from .diagrams import check_diagrams
from .findings import Finding
from .frontmatter import check_front_matter
from .hygiene import check_hygiene
from .limits import check_limits
from .links import check_links
from .meta import check_description
from .safety import check_safety

Check = Callable[[str, str, Registry], list[Finding]]

CHECKS: tuple[Check, ...] = (
    check_links, check_safety, check_admonitions, check_diagrams, check_hygiene, check_description,
    check_front_matter, check_limits, check_copy,
)


def run_checks(text: str, path: str, registry: Registry) -> list[Finding]:
    """Every finding of one Markdown source, sorted by line and column.

    A check that crashes is a bug in the check, not in the page: it becomes a
    CHECK-CRASH finding instead of a traceback, and the other checks still run.
    """
    text = text.removeprefix("\ufeff")  # a UTF-8 byte order mark is accepted everywhere
    findings: set[Finding] = set()
    for check in CHECKS:
        try:
            findings.update(check(text, path, registry))
        except Exception as error:  # noqa: BLE001 - reported, never swallowed
            findings.add(Finding(path, 1, 1, "CHECK-CRASH", f"{check.__name__} failed: {error!r}",
                                 "report this to the maintainers of hooks/"))
    return sorted(findings, key=lambda f: (f.line, f.col, f.rule, f.message))
