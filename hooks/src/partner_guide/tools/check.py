"""`make check` (`guide-check`): the page checks over Markdown files, without building the site.

Also checks the search synonyms (hooks/synonyms.yml) against every page.

    guide-check [docs ...]

Prints one line per finding, `path:line:col: RULE-ID message (hint: …)`, the
same lines the build logs, plus GitHub `::error` annotations when
GITHUB_ACTIONS=true. Exits 1 if there is any finding, 2 if the registry is
broken, 0 otherwise. Imports neither MkDocs nor the theme.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import REPO_ROOT as ROOT
from ..checks.anchors import check_anchors
from ..checks.findings import Finding, format_finding, github_annotation, in_github_actions
from ..checks.parity import check_parity, with_counterparts
from ..checks.ruleset import run_checks
from ..checks.synonyms import SYNONYMS_PATH, check_synonyms_file
from ..registry import RegistryError, load_registry


def display_path(path: Path) -> str:
    """The path relative to the repository root (or the working directory)."""
    resolved = path.resolve()
    for base in (ROOT, Path.cwd().resolve()):
        try:
            return resolved.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def markdown_files(targets: list[str]) -> list[Path]:
    files: list[Path] = []
    for target in targets:
        path = Path(target)
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    return files


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        registry = load_registry()
    except RegistryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    files = markdown_files(argv or [str(ROOT / "docs")])
    # Each file is read once: the named ones are checked, and each page is
    # compared with its other edition (read even when only one was named).
    texts = {display_path(p): p.read_text(encoding="utf-8", errors="replace") for p in with_counterparts(files)}
    findings: list[Finding] = []
    for path in files:
        name = display_path(path)
        findings.extend(run_checks(texts[name], name, registry))
    findings.extend(check_parity(texts, registry))
    # Every page of docs/, whichever files were named: links to another page's
    # #anchor resolve against them, as in the build, and so do the synonyms.
    pages = {display_path(p): texts.get(display_path(p)) or p.read_text(encoding="utf-8", errors="replace")
             for p in markdown_files([str(ROOT / "docs")])}
    named = {display_path(path) for path in files}
    findings.extend(f for f in check_anchors({**pages, **texts}) if f.path in named)
    findings.extend(check_synonyms_file(SYNONYMS_PATH, pages, display_path(SYNONYMS_PATH)))
    for finding in findings:
        print(format_finding(finding))
    if in_github_actions():
        for finding in findings:
            print(github_annotation(finding))
    if findings:
        print(f"{len(findings)} finding(s) in {len({f.path for f in findings})} file(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
