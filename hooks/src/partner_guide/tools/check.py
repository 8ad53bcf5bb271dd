"""`make check` (`guide-check`): the page checks over Markdown files, without building the site.

Also checks the search synonyms (hooks/synonyms.yml) against every page, and the copy checks' terms list
(hooks/terms.yml).

    guide-check [docs ...]

Prints one line per finding, `path:line:col: RULE-ID message (hint: …)`, the
same lines the build logs, plus GitHub `::error` annotations when
GITHUB_ACTIONS=true. Exits 1 if there is any finding, 2 if the registry is
broken (one line per problem), 0 otherwise. Imports neither MkDocs nor the
theme: besides the source checks, it renders each page with plain
Python-Markdown and mkdocs.yml's extensions, whose page extension runs every
page rule as in the build (checks/rendered.py); it checks the files under docs/ (checks/files.py) and
the pre-drawn diagrams (checks/svg.py). A check that crashes on a file is
one CHECK-CRASH finding naming it, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import REPO_ROOT as ROOT
from ..checks.anchors import check_anchors
from ..checks.copy import check_terms_file, terms_path
from ..checks.files import check_tree, decode
from ..checks.findings import Finding, format_finding, github_annotation, in_github_actions
from ..checks.parity import check_parity, with_counterparts
from ..checks.rendered import Rendered, render_page
from ..checks.ruleset import run_checks
from ..checks.svg import check_drawings
from ..checks.synonyms import check_synonyms_file, synonyms_path
from ..checks.tree import PageModel
from ..compat.mkdocs_build import markdown_config
from ..registry import REGISTRY_PATH, Registry, RegistryError, load_registry, registry_path
from ..site.diagram_frames import DRAWINGS_DIR


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


def rendered(text: str, name: str, registry: Registry, markdown) -> Rendered:
    """The page rendered as the build renders it (checks/rendered.py); a crash is one CHECK-CRASH, never raised."""
    try:
        return render_page(text, name, registry, markdown)
    except Exception as error:  # noqa: BLE001 - reported, never swallowed
        return Rendered("", [Finding(name, 1, 1, "CHECK-CRASH", f"rendering failed: {error!r}",
                                     "report this to the maintainers of hooks/")], PageModel(name))


def check_file(text: str, name: str, registry: Registry, markdown) -> list[Finding]:
    """The source checks, then the rendered page's rules; never raises."""
    return run_checks(text, name, registry) + rendered(text, name, registry, markdown).findings


def site_root(targets: list[str]) -> Path:
    """The site whose docs/ is checked: the folder above the first target with a mkdocs.yml, else this repository."""
    for target in targets:
        for folder in Path(target).resolve().parents:
            if (folder / "mkdocs.yml").is_file():
                return folder
    return ROOT


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    targets = argv or [str(ROOT / "docs")]
    site = site_root(targets)
    try:
        registry = load_registry(registry_path(site) if registry_path(site).is_file() else REGISTRY_PATH)
    except RegistryError as error:
        print(str(error), file=sys.stderr)
        return 2
    files = [path for path in markdown_files(targets) if not path.is_symlink()]
    findings: list[Finding] = [finding for target in targets if Path(target).is_dir()
                               for finding in check_tree(Path(target), site, display_path)]
    findings.extend(check_drawings(DRAWINGS_DIR, display_path))
    # Each file is read once: the named ones are checked, and each page is
    # compared with its other edition (read even when only one was named).
    texts = {display_path(p): decode(p.read_bytes())[0] for p in with_counterparts(files) if p.is_file()}
    markdown = markdown_config(site / "mkdocs.yml" if (site / "mkdocs.yml").is_file() else ROOT / "mkdocs.yml")
    models: dict[str, PageModel] = {}
    for path in files:
        name = display_path(path)
        page = rendered(texts[name], name, registry, markdown)
        models[name] = page.model
        findings.extend(run_checks(texts[name], name, registry) + page.findings)
    for name, text in texts.items():
        if name not in models:
            models[name] = rendered(text, name, registry, markdown).model
    findings.extend(check_parity(models))
    # Every page of docs/, whichever files were named: links to another page's
    # #anchor resolve against them, as in the build, and so do the synonyms.
    pages = {display_path(p): texts.get(display_path(p)) or decode(p.read_bytes())[0]
             for p in markdown_files([str(site / "docs")]) if not p.is_symlink()}
    for name, text in pages.items():
        if name not in models:
            models[name] = rendered(text, name, registry, markdown).model
    named = {display_path(path) for path in files}
    findings.extend(f for f in check_anchors(models) if f.path in named)
    synonyms = synonyms_path(site)
    findings.extend(check_synonyms_file(synonyms, pages, display_path(synonyms)))
    terms = terms_path(site)
    findings.extend(check_terms_file(terms, display_path(terms)))
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
