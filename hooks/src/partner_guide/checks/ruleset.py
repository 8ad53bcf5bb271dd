"""The rules, in one place (pure module, no MkDocs event).

- `run_checks(text, path, registry)`: the rules that read the source file itself (front matter, the limits
  that protect the renderer, the description, the copy of the title and description), for what never
  reaches the rendered page.
- `audit(html, tree)`: every rule that reads a page's content, on the page Python-Markdown rendered
  (`TREE_RULES`, checks/tree.py), then the HTML boundary and the sanitizer (site/boundary.py), then the
  pre-drawn drawings (site/diagram_frames.py). The page
  extension (markdown/page.py) calls it for every page, in the build and in `make check` alike.

A rule that crashes is a bug in the rule, not in the page: it becomes a CHECK-CRASH finding instead of a
traceback, and the other rules still run. Nothing here imports MkDocs or the theme.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..registry import Registry
from ..site.boundary import UrlPolicy, check_page, parse
from ..site.diagram_frames import attach_drawings, frame_diagrams, undrawn
from .admonitions import admonition_issues, unknown_type_boxes
from .copy import check_front_copy, copy_issues
from .diagrams import diagram_issues
from .findings import Finding, Issue, Locator, located
from .frontmatter import check_front_matter
from .hygiene import hygiene_issues
from .limits import check_limits
from .links import link_issues
from .meta import check_description
from .parity import page_facts
from .tree import PageModel, PageTree

Check = Callable[[str, str, Registry], list[Finding]]

# check_front_copy: the copy checks of the front matter's title and description, which never reach the page.
CHECKS: tuple[Check, ...] = (check_description, check_front_matter, check_limits, check_front_copy)
TREE_RULES: tuple[Callable[[PageTree], list[Issue]], ...] = (
    hygiene_issues,
    admonition_issues,
    diagram_issues,
    copy_issues,
)
CRASH_HINT = "report this to the maintainers of hooks/"


def run_checks(text: str, path: str, registry: Registry) -> list[Finding]:
    """Every source-level finding of one Markdown file, sorted by line and column."""
    text = text.removeprefix("\ufeff")  # a UTF-8 byte order mark is accepted everywhere
    findings: set[Finding] = set()
    for check in CHECKS:
        try:
            findings.update(check(text, path, registry))
        except Exception as error:  # noqa: BLE001 - reported, never swallowed
            findings.add(Finding(path, 1, 1, "CHECK-CRASH", f"{check.__name__} failed: {error!r}", CRASH_HINT))
    return sorted(findings, key=lambda f: (f.line, f.col, f.rule, f.message))


@dataclass
class Audit:
    html: str  # what is published
    groups: list[list[Issue]] = field(default_factory=list)  # each rule's issues, in document order
    tree: PageTree | None = None
    undrawn: list[int] = field(default_factory=list)  # the numbers of the diagrams without a drawing (drawn live)

    def findings(self, source: str, body_line: int) -> list[Finding]:
        path = self.tree.path if self.tree else ""
        return [finding for issues in self.groups for finding in located(issues, source, path, body_line)]

    def model(self, source: str, body_line: int) -> PageModel:
        assert self.tree is not None
        return page_facts(self.tree, Locator(source, body_line))


def audit(html: str, tree: PageTree, sanitize: bool = True, cache: Path | None = None) -> Audit:
    """The rendered page judged by every rule and the boundary; what readers get. `cache`: the drawings CI drew
    for this build, besides the committed ones (site/diagram_frames.py)."""
    framed = frame_diagrams(html, tree.lang, tree.url, cache)
    tree.body = parse(framed)
    result = Audit(framed, tree=tree)
    result.undrawn = [int(name.rsplit("-", 1)[1]) for name in undrawn(html, tree.url, cache)]

    def run(rule: Callable[[PageTree], object]) -> object:
        try:
            return rule(tree)
        except Exception as error:  # noqa: BLE001 - reported, never swallowed
            result.groups.append(
                [
                    Issue(
                        "CHECK-CRASH", f"{getattr(rule, '__name__', rule)} failed: {error!r}", (), CRASH_HINT, at=(1, 1)
                    )
                ]
            )
            return None

    links = run(link_issues)
    judged: frozenset[tuple[int, str]] = frozenset()
    if isinstance(links, tuple):
        result.groups.append(links[0])
        judged = links[1]
    for rule in TREE_RULES:
        issues = run(rule)
        if isinstance(issues, list):
            result.groups.append(issues)
    judged |= unknown_type_boxes(tree)
    policy = UrlPolicy.of(tree.registry, tree.links_from or tree.url)
    judgement = check_page(framed, policy, tree.body, judged, raw_html="<" in tree.markdown)
    result.groups.append(judgement.removals)
    if sanitize:
        result.html = judgement.html
    # The pre-drawn drawings join the frames after the sanitizer (which lets no SVG in); each was checked on
    # its own (checks/svg.py), and one that holds more than a drawing may is left out.
    result.html = attach_drawings(result.html, tree.url, cache)
    if not sanitize:
        result.groups.append(
            [
                Issue(
                    "SAFE-UNSANITIZED",
                    "published without the sanitizer (sanitize: false)",
                    (),
                    "it is for the tests of the Content-Security-Policy only",
                    at=(1, 1),
                )
            ]
        )
    return result
