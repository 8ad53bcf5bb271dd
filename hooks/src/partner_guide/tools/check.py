"""`make check` (`guide-check`): the page checks over Markdown files, without building the site.

Also checks the search synonyms (hooks/synonyms.yml) against every page, and the copy checks' terms list
(hooks/terms.yml).

    guide-check [docs ...]                 every page (make check, CI)
    guide-check --changed FILE ...         a change: those files and the pages they can break (pre-commit)
    guide-check --since REF                the files changed since a git revision, as --changed
    guide-check --no-cache ...             judge every page again (tools/check_cache.py)

`--changed` checks the changed pages, their other editions and the pages
that link to them, resolving links against the pages they link to
(checks/selection.py): a one-page change costs the same in any size of
guide. A change to anything but a page under docs/ (the registry, the
synonyms, mkdocs.yml, the hooks) runs every check, as without the option.

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

import multiprocessing
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .. import REPO_ROOT as ROOT
from ..checks.anchors import check_anchors
from ..checks.copy import check_terms_file, terms_path
from ..checks.files import check_tree, decode
from ..checks.findings import Finding, format_finding, github_annotation, in_github_actions
from ..checks.parity import check_parity, with_counterparts
from ..checks.rendered import Rendered, render_page
from ..checks.ruleset import run_checks
from ..checks.selection import anchor_sources, other_editions
from ..checks.svg import check_drawings
from ..checks.synonyms import check_synonyms_file, synonyms_path
from ..checks.tree import PageModel
from ..compat.mkdocs_build import markdown_config
from ..markdown.slugs import known_words
from ..registry import REGISTRY_PATH, Registry, RegistryError, load_registry, registry_path
from ..site.diagram_frames import DRAWINGS_DIR
from ..site.preview import LazyTexts, files_under, linking_to_bytes
from .check_cache import FindingsCache, PageResult


def display_path(path: Path) -> str:
    """The path relative to the repository root (or the working directory)."""
    resolved = path.resolve()
    for base in (ROOT, Path.cwd().resolve()):
        try:
            return resolved.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def docs_pages(docs: Path) -> dict[str, Path]:
    """Every page under `docs` (not through symbolic links), by its display path, in order; one path resolved."""
    if not docs.is_dir():
        return {}
    base = display_path(docs)
    pages = files_under(str(docs), f"{base}/", lambda name: name.endswith(".md"))
    return {name: Path(entry.path) for name, entry in sorted(pages, key=lambda page: page[0])}


def markdown_files(targets: list[str]) -> list[Path]:
    files: list[Path] = []
    for target in targets:
        path = Path(target)
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    return files


def rendered(text: str, name: str, registry: Registry, markdown: Markdown) -> Rendered:
    """The page rendered as the build renders it (checks/rendered.py); a crash is one CHECK-CRASH, never raised."""
    try:
        return render_page(text, name, registry, markdown)
    except Exception as error:  # noqa: BLE001 - reported, never swallowed
        return Rendered(
            "",
            [
                Finding(
                    name,
                    1,
                    1,
                    "CHECK-CRASH",
                    f"rendering failed: {error!r}",
                    "report this to the maintainers of hooks/",
                )
            ],
            PageModel(name),
        )


def check_file(text: str, name: str, registry: Registry, markdown: Markdown) -> list[Finding]:
    """The source checks, then the rendered page's rules; never raises."""
    return judge_page(name, text, registry, markdown)[0]


def site_root(targets: list[str]) -> Path:
    """The site whose docs/ is checked: the folder above the first target with a mkdocs.yml, else this repository."""
    for target in targets:
        for folder in Path(target).resolve().parents:
            if (folder / "mkdocs.yml").is_file():
                return folder
    return ROOT


def site_registry(site: Path) -> Path:
    """The registry of the site being checked (hooks/registry.yml beside its mkdocs.yml), else this repository's."""
    return registry_path(site) if registry_path(site).is_file() else REGISTRY_PATH


def changed_since(ref: str, site: Path) -> list[str] | None:
    """The files changed (or added) since `ref` in the working tree of `site`; None if git cannot say."""
    try:
        diff = subprocess.run(
            ["git", "-C", str(site), "diff", "--name-only", "--relative", ref, "--"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        new = subprocess.run(
            ["git", "-C", str(site), "ls-files", "--others", "--exclude-standard"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if diff.returncode != 0 or new.returncode != 0:
        print(diff.stderr.strip() or new.stderr.strip(), file=sys.stderr)
        return None
    return [str(site / name) for name in (diff.stdout + new.stdout).splitlines() if name]


def changed_pages(paths: list[str], site: Path) -> list[str] | None:
    """The changed pages (display paths) of a change, or None when it needs every check (not only pages)."""
    docs = (site / "docs").resolve()
    pages = []
    for path in paths:
        resolved = Path(path).resolve()
        if resolved.suffix != ".md" or not resolved.is_relative_to(docs):
            return None
        pages.append(display_path(resolved))
    return pages


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    use_cache = "--no-cache" not in argv
    argv = [arg for arg in argv if arg != "--no-cache"]
    changed: list[str] | None = None
    if argv[:1] == ["--since"]:
        if len(argv) != 2:
            print("usage: guide-check --since REF", file=sys.stderr)
            return 2
        since = changed_since(argv[1], ROOT)
        if since is None:
            return 2
        changed, argv = changed_pages(since, ROOT), [str(ROOT / "docs")]
    elif argv[:1] == ["--changed"]:
        site = site_root(argv[1:]) if argv[1:] else ROOT
        changed, argv = changed_pages(argv[1:], site), [str(site / "docs")]
    targets = argv or [str(ROOT / "docs")]
    site = site_root(targets)
    try:
        registry = load_registry(site_registry(site))
    except RegistryError as error:
        print(str(error), file=sys.stderr)
        return 2
    registry_file = site_registry(site)
    config_file = site / "mkdocs.yml" if (site / "mkdocs.yml").is_file() else ROOT / "mkdocs.yml"
    cache = FindingsCache(site, [registry_file, config_file, synonyms_path(site), terms_path(site)], enabled=use_cache)
    if changed is not None:
        findings = check_change(changed, site, registry, cache)
    else:
        findings = check_all(targets, site, registry, cache)
    cache.save(prune=changed is None)
    for finding in findings:
        print(format_finding(finding))
    if in_github_actions():
        for finding in findings:
            print(github_annotation(finding))
    if findings:
        print(f"{len(findings)} finding(s) in {len({f.path for f in findings})} file(s)", file=sys.stderr)
        return 1
    return 0


def site_markdown(site: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    return markdown_config(site / "mkdocs.yml" if (site / "mkdocs.yml").is_file() else ROOT / "mkdocs.yml")


Markdown = tuple[list[str], dict[str, dict[str, Any]]]


def judged(cache: FindingsCache, text: str, name: str, registry: Registry, markdown: Markdown) -> PageResult:
    """A page's own findings and the facts the rules across pages compare, kept by its text (check_cache.py)."""

    return cache.page((name, text), lambda: judge_page(name, text, registry, markdown))


def judge_page(name: str, text: str, registry: Registry, markdown: Markdown) -> PageResult:
    """The source checks, then the rendered page's rules and facts; never raises."""
    page = rendered(text, name, registry, markdown)
    return run_checks(text, name, registry) + page.findings, page.model


# Pages judged at once are shared among this many processes (GUIDE_CHECK_JOBS, else the usable cores), from
# PARALLEL_FROM pages judged up (a fork costs a few milliseconds; a page about twenty).
PARALLEL_FROM = 8
_WORKER: list[tuple[Registry, Markdown]] = []  # in a pool's process only: what its pages are judged with


def jobs() -> int:
    setting = os.environ.get("GUIDE_CHECK_JOBS", "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start_worker(registry: Registry, markdown: Markdown) -> None:
    _WORKER.append((registry, markdown))


def _judge(page: tuple[str, str]) -> tuple[PageResult, dict[str, list[str]]]:
    """A page judged in a pool's process, and the heading words it computed (the parent keeps them)."""
    result = judge_page(*page, *_WORKER[-1])
    known = known_words()
    new, known.new = known.new, {}
    return result, new


def judge_pages(
    cache: FindingsCache,
    texts: Mapping[str, str],
    registry: Registry,
    markdown: Markdown,
    meanwhile: Callable[[], None] = lambda: None,
) -> dict[str, PageResult]:
    """Every page's result (judged() for each), the pages not kept in the cache judged in parallel;
    `meanwhile()` runs here while the pool's processes judge them."""
    results: dict[str, PageResult] = {}
    todo: list[tuple[str, str]] = []
    for name, text in texts.items():
        kept = cache.kept((name, text))
        if kept is None:
            todo.append((name, text))
        else:
            results[name] = kept
    workers = min(jobs(), len(todo) // (PARALLEL_FROM // 2) or 1)
    if len(todo) < PARALLEL_FROM or workers < 2:
        meanwhile()
        judged_pages = [judge_page(name, text, registry, markdown) for name, text in todo]
    else:
        # The first page here: what the rules load on first use (pinyin tables, AutoCorrect, the extensions) is
        # loaded once, and the forked workers start with it.
        judged_pages = [judge_page(*todo[0], registry, markdown)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(registry, markdown)) as pool:
            rest = todo[1:]
            known = known_words()
            judging = pool.map(_judge, rest, chunksize=max(1, len(rest) // (workers * 8)))  # submitted now
            meanwhile()
            for result, words in judging:
                judged_pages.append(result)
                for text, found in words.items():
                    known.add(text, found)
    for (name, text), result in zip(todo, judged_pages, strict=True):
        cache.keep((name, text), result)
        results[name] = result
    return {name: results[name] for name in texts}


def check_change(changed: list[str], site: Path, registry: Registry, cache: FindingsCache) -> list[Finding]:
    """The checks of a change to `changed` pages: theirs, their other editions' and their linking pages'."""
    # Every page is searched for links to the changed ones in its raw bytes; only the pages checked and
    # the pages they link to are decoded (LazyTexts): a one-page check stays small in a large guide.
    files = docs_pages(site / "docs")
    texts = LazyTexts(files)
    checked = {page for page in set().union(*(other_editions(path) for path in changed)) if page in texts}
    checked |= linking_to_bytes(changed, files)
    markdown = site_markdown(site)
    results = {
        name: judged(cache, text, name, registry, markdown) for name, text in anchor_sources(checked, texts).items()
    }
    findings = [finding for name in sorted(checked) for finding in results[name][0]]
    findings.extend(check_parity({name: results[name][1] for name in checked}))
    findings.extend(
        f for f in check_anchors({name: result[1] for name, result in results.items()}) if f.path in checked
    )
    return findings


def check_all(targets: list[str], site: Path, registry: Registry, cache: FindingsCache) -> list[Finding]:
    """Every check over the pages of `targets` (folders or files)."""
    files = [path for path in markdown_files(targets) if not path.is_symlink()]
    every = docs_pages(site / "docs")
    by_path = {os.path.abspath(path): name for name, path in every.items()}

    def shown(path: Path) -> str:
        return by_path.get(os.path.abspath(path)) or display_path(path)

    # Each file is read once: the named ones are checked, and each page is
    # compared with its other edition (read even when only one was named).
    texts = {shown(p): decode(p.read_bytes())[0] for p in with_counterparts(files) if p.is_file()}
    # Every page of docs/, whichever files were named: links to another page's
    # #anchor resolve against them, as in the build, and so do the synonyms.
    pages = {name: texts.get(name) or decode(p.read_bytes())[0] for name, p in every.items()}
    before: list[Finding] = []
    after: list[Finding] = []

    def meanwhile() -> None:
        """The checks that need no rendered page: the files, the drawings, the synonyms and the terms."""
        before.extend(f for target in targets if Path(target).is_dir() for f in check_tree(Path(target), site, shown))
        before.extend(check_drawings(DRAWINGS_DIR, display_path))
        synonyms, terms = synonyms_path(site), terms_path(site)
        after.extend(check_synonyms_file(synonyms, pages, display_path(synonyms)))
        after.extend(check_terms_file(terms, display_path(terms)))

    results = judge_pages(cache, {**pages, **texts}, registry, site_markdown(site), meanwhile)
    named = {shown(path) for path in files}
    findings = before + [finding for name in sorted(named) for finding in results[name][0]]
    findings.extend(check_parity({name: results[name][1] for name in texts}))
    findings.extend(f for f in check_anchors({name: result[1] for name, result in results.items()}) if f.path in named)
    return findings + after


if __name__ == "__main__":
    sys.exit(main())
