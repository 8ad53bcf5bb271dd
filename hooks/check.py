"""`make check`: run the page checks over Markdown files without building the site.

    python hooks/check.py [docs ...]

Prints one line per finding, `path:line:col: RULE-ID message (hint: …)`, the
same lines the build logs, plus GitHub `::error` annotations when
GITHUB_ACTIONS=true. Exits 1 if there is any finding, 2 if the registry is
broken, 0 otherwise. Imports neither MkDocs nor the theme.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import Finding, format_finding, github_annotation, in_github_actions  # noqa: E402
from registry import RegistryError, load_registry  # noqa: E402
from parity import check_parity, with_counterparts  # noqa: E402
from ruleset import run_checks  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


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


def main(argv: list[str]) -> int:
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
    sys.exit(main(sys.argv[1:]))
