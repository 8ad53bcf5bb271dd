"""`make serve`'s rebuilds: the saved page and the pages it can break, not the whole guide (hooks/preview.py).

`make serve` runs `mkdocs serve --dirty`: MkDocs then renders again only
the pages whose source is newer than their output. On its own that would
leave other pages stale where a change reaches them, so before each rebuild
`plan` compares the sources with the manifest the previous build left in
the preview's own output folder (never in docs/):

- a change to the site's inputs other than pages (mkdocs.yml and its
  navigation, anything under hooks/ such as the registry, the synonyms or
  the checks, the templates under overrides/), a page added or removed, or
  no manifest (the first build): a FULL rebuild, every page rendered again;
- otherwise the changed pages, their other editions and the pages that link
  to them (checks/selection.py, by file name) are rendered again, and the
  build's cross-page checks (parity, anchors) run over those only.

What a partial rebuild leaves as it was until the next full one: the search
index, the sitemap, and other pages' navigation showing a changed page's
title.

So that its time does not grow with the guide, a partial rebuild reads no
page it does not render again: the pages linking to a changed one are found
in an index of the file names each page mentions (`link_names`, kept in the
manifest and read again for the changed pages only); the file checks do not
read the unchanged pages (`unchanged`); the site step (site/step.py)
finishes only the pages the rebuild wrote (`outputs`, and the 404 pages).
MkDocs' files and navigation and the i18n plugin's files are those of the
rebuild before, MkDocs is told which pages to render without a `stat` of
each, and its sitemap is not rendered again (compat/mkdocs_serve.py,
compat/i18n_plugin.py). What remains per page is a `stat` of each source
here and in MkDocs' file watcher, and loops over objects already made.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks.files import decode
from ..checks.selection import file_names, other_editions

MANIFEST = ".partner-guide-preview.json"
# What every page depends on, relative to the folder of mkdocs.yml.
SITE_INPUTS = ("mkdocs.yml", "hooks", "overrides")
# The attribute of the MkDocs config (one per build, shared by both editions' builds) that holds the plan.
CONFIG_ATTRIBUTE = "partner_guide_preview"


@dataclass(frozen=True)
class Plan:
    """What a preview rebuild renders again: every page (`full`), or `rebuild` (paths relative to the site)."""

    full: bool
    reason: str
    changed: frozenset[str] = frozenset()
    rebuild: frozenset[str] = frozenset()
    pages: dict[str, int] = field(default_factory=dict)  # every page's mtime, for the next manifest
    inputs: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)  # every page's link names (link_names)
    started: int = field(default_factory=time.time_ns)  # when the rebuild began: what it wrote is newer
    outputs: set[str] = field(default_factory=set)  # the output files of the pages rendered again (absolute)

    @staticmethod
    def absolute(root: str, paths: Iterable[str]) -> frozenset[str]:
        """`paths` (relative to `root`, the folder of mkdocs.yml) as absolute, normalized paths."""
        return frozenset(os.path.normpath(os.path.join(root, path)) for path in paths)

    def unchanged(self, root: str) -> frozenset[str]:
        """Every page this rebuild leaves as it was, as an absolute path."""
        return self.absolute(root, (page for page in self.pages if page not in self.changed))

    def summary(self) -> str:
        """One line for the preview's log."""
        if self.full:
            return f"preview: every page ({self.reason})"
        return f"preview: {len(self.rebuild)} page(s) again: {', '.join(sorted(self.rebuild)[:6])}"


def files_under(
    folder: str, prefix: str, keep: Callable[[str], bool], skip: frozenset[str] = frozenset()
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(`prefix` + path below `folder`, entry) of every file whose name `keep`s, not through symbolic links nor
    into folders named in `skip` (os.scandir: no path objects, one stat per file; a preview rebuild of 5,000
    questions lists 1,000 pages)."""
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            if entry.name not in skip:
                yield from files_under(entry.path, f"{prefix}{entry.name}/", keep, skip)
        elif entry.is_file(follow_symlinks=False) and keep(entry.name):
            yield prefix + entry.name, entry


def _mtimes(folder: str, prefix: str, keep: Callable[[str], bool], found: dict[str, int]) -> None:
    """`found[prefix + name] = mtime` for every file under `folder` whose name `keep`s."""
    for name, entry in files_under(folder, prefix, keep, frozenset({"__pycache__"})):
        found[name] = entry.stat(follow_symlinks=False).st_mtime_ns


def site_inputs(root: Path) -> dict[str, int]:
    """The mtime of every file the whole site depends on (SITE_INPUTS), by path relative to `root`."""
    found: dict[str, int] = {}
    for name in SITE_INPUTS:
        path = root / name
        if path.is_dir():
            _mtimes(str(path), f"{name}/", lambda file: not file.endswith(".pyc"), found)
        elif path.is_file():
            found[name] = path.stat().st_mtime_ns
    return found


def page_mtimes(root: Path, docs: Path) -> dict[str, int]:
    """The mtime of every page under `docs`, by path relative to `root` (`docs/a.md`)."""
    found: dict[str, int] = {}
    if docs.is_dir():
        prefix = os.path.relpath(docs, root).replace(os.sep, "/")
        _mtimes(str(docs), "" if prefix == "." else f"{prefix}/", lambda file: file.endswith(".md"), found)
    return found


def plan(root: Path, docs: Path, site_dir: Path) -> Plan:
    """What the rebuild of the preview in `site_dir` must render again (see the module docstring)."""
    pages, inputs = page_mtimes(root, docs), site_inputs(root)
    try:
        manifest = json.loads((site_dir / MANIFEST).read_text(encoding="utf-8"))
        before_pages, before_inputs = dict(manifest["pages"]), dict(manifest["inputs"])
        before_names = {page: list(runs) for page, runs in dict(manifest["names"]).items()}
    except (OSError, ValueError, KeyError, TypeError):
        return Plan(True, "first build", pages=pages, inputs=inputs, names=link_names(root, pages))
    if before_inputs != inputs:
        inputs_changed = sorted(set(before_inputs.items()) ^ set(inputs.items()))
        return Plan(True, f"{inputs_changed[0][0]} changed", pages=pages, inputs=inputs, names=link_names(root, pages))
    if set(before_pages) != set(pages) or set(before_names) != set(pages):
        added_or_removed = sorted(set(before_pages) ^ set(pages)) or ["the manifest"]
        reason = f"{added_or_removed[0]} added or removed"
        return Plan(True, reason, pages=pages, inputs=inputs, names=link_names(root, pages))
    changed = frozenset(path for path, mtime in pages.items() if before_pages[path] != mtime)
    names = {**before_names, **link_names(root, changed)}
    rebuild = set().union(*(other_editions(path) for path in changed)) if changed else set()
    if all(NAME.fullmatch(name) for path in changed for name in file_names(path)):
        rebuild |= linking_to_names(changed, names)
    else:  # a name the index does not answer for (FILE-NAME reports it): every page is read
        rebuild |= linking_to_bytes(changed, {page: root / page for page in pages})
    rebuild = {page for page in rebuild if page in pages}
    return Plan(False, "pages changed", changed, frozenset(rebuild), pages, inputs, names=names)


def current(config: Any) -> Plan | None:
    """The plan of this build (both editions'), or None outside the preview."""
    found = getattr(config, CONFIG_ATTRIBUTE, None)
    return found if isinstance(found, Plan) else None


def partial(config: Any) -> Plan | None:
    """The plan of this build if it renders only some pages again, else None."""
    found = current(config)
    return found if found is not None and not found.full else None


# A run of the characters a plain file name is made of (FILE-NAME), and such a run with `.md` in it: a page
# whose text contains a plain page name has it inside one of those runs.
NAME = re.compile(r"[A-Za-z0-9._-]+")
NAME_RUN = re.compile(rb"[A-Za-z0-9._-]+")  # a maximal run (linear: each character is read once)


def link_names(root: Path, pages: Iterable[str]) -> dict[str, list[str]]:
    """Each page's runs of file-name characters with `.md` in them (NAME_RUN), read from its file: the index
    that `linking_to_names` searches instead of every page's text."""
    found = {}
    for page in pages:
        try:
            data = (root / page).read_bytes()
        except OSError:
            data = b""
        found[page] = sorted({run.decode("ascii") for run in NAME_RUN.findall(data) if b".md" in run})
    return found


def linking_to_names(changed: Iterable[str], names: Mapping[str, list[str]]) -> set[str]:
    """The pages whose text names the file of one of `changed`, from the index of `link_names`: the same pages
    as `linking_to_bytes` finds for plain names (a plain name is in a text only inside one of its runs)."""
    wanted = {name for path in changed for name in file_names(path)}
    return (
        {page for page, runs in names.items() if any(name in run for run in runs for name in wanted)}
        if wanted
        else set()
    )


def linking_to_bytes(changed: Iterable[str], files: Mapping[str, Path]) -> set[str]:
    """The pages (name -> file) whose file names one of `changed` (checks/selection.py), searched in raw bytes."""
    names = [name.encode("utf-8") for path in changed for name in file_names(path)]
    if not names:
        return set()
    found = set()
    for page, file in files.items():
        try:
            data = file.read_bytes()
        except OSError:
            continue
        if any(name in data for name in names):
            found.add(page)
    return found


def written_pages(site_dir: Path, done: Plan, langs: Iterable[str]) -> list[Path]:
    """The pages a partial rebuild may have written: those it rendered again and every edition's 404 page."""
    not_found = [site_dir / "404.html", *(site_dir / lang / "404.html" for lang in langs)]
    return sorted({*(Path(output) for output in done.outputs), *not_found})


def write_manifest(site_dir: Path, done: Plan) -> None:
    """Record what this build saw, for the next rebuild's plan."""
    data = {"pages": done.pages, "inputs": done.inputs, "names": done.names}
    (site_dir / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")


class LazyTexts(Mapping[str, str]):
    """Every page's text (name -> text) from its file (name -> path), read when first asked for."""

    def __init__(self, files: Mapping[str, Path]) -> None:
        self._files = dict(files)
        self._read: dict[str, str] = {}

    def __getitem__(self, page: str) -> str:
        if page not in self._read:
            self._read[page] = decode(self._files[page].read_bytes())[0]
        return self._read[page]

    def __contains__(self, page: object) -> bool:
        return page in self._files

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)
