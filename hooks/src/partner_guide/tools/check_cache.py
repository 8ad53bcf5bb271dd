"""`guide-check`'s page results kept between runs, by the content they judged (tools/check.py).

A page's findings depend only on its text, the registry, mkdocs.yml's
Markdown settings and the checks' code: an entry is kept under a hash of the
page's path and text, in a folder named by a hash of everything else (the
code fingerprint), so a changed page is judged again, and a changed registry
or check judges every page again. Each page's result (its findings and the
facts the rules across pages compare) is a file of its own: a run reads
only the pages it checks and writes only the ones it judged, so a one-page
check (`guide-check --changed`) costs the same in any size of guide. A run
over every page drops the entries it did not use; the rules across pages
(parity, anchors, synonyms) are computed again each run from the kept facts.

The cache lives in the user's cache folder (user_cache.py, never in the
repository); `guide-check --no-cache` or
`PARTNER_GUIDE_CACHE=off` judges every page from scratch (the benchmark's
cold figure).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from ..checks.findings import Finding
from ..checks.tree import PageModel
from ..user_cache import cache_folder

# A page's own findings and the facts of it that the rules across pages compare (parity, anchors).
PageResult = tuple[list[Finding], PageModel]

PACKAGE = Path(__file__).resolve().parent.parent
# Third parties whose behaviour the findings depend on (the checks render pages with them).
DISTRIBUTIONS = ("Markdown", "pymdown-extensions", "nh3", "selectolax", "PyYAML", "autocorrect-py", "pypinyin")
UNREADABLE = (OSError, pickle.UnpicklingError, ValueError, TypeError, EOFError, AttributeError, ImportError)


def code_fingerprint(*inputs: Path) -> str:
    """A hash of the checks' code, the third parties' versions and `inputs` (registry, mkdocs.yml)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for name in DISTRIBUTIONS:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    for path in inputs:
        digest.update(path.as_posix().encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-"))
    return digest.hexdigest()


class FindingsCache:
    """Page results by (path, text), one file each, in a folder per site and code fingerprint."""

    def __init__(self, site: Path, inputs: list[Path], enabled: bool = True) -> None:
        folder = cache_folder() if enabled else None
        self._site_folder: Path | None = None
        self._folder: Path | None = None
        if folder is not None:
            self._site_folder = folder / f"check-{hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]}"
            self._folder = self._site_folder / code_fingerprint(*inputs)[:32]
        self._used: set[str] = set()
        self._new: dict[str, PageResult] = {}

    @staticmethod
    def key(*parts: str) -> str:
        digest = hashlib.sha256(b"page")
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", errors="surrogatepass"))
        return digest.hexdigest()

    def kept(self, parts: tuple[str, ...]) -> PageResult | None:
        """The result kept for a page (its path and text), if any; remembered as used."""
        key = self.key(*parts)
        self._used.add(key)
        if key in self._new:
            return self._new[key]
        if self._folder is None:
            return None
        try:
            found = pickle.loads((self._folder / f"{key}.pickle").read_bytes())
        except UNREADABLE:
            return None
        return found if isinstance(found, tuple) and len(found) == 2 else None

    def keep(self, parts: tuple[str, ...], result: PageResult) -> None:
        key = self.key(*parts)
        self._used.add(key)
        self._new[key] = result

    def page(self, parts: tuple[str, ...], compute: Callable[[], PageResult]) -> PageResult:
        """The result kept for a page, else `compute()`'s, kept for the next run."""
        found = self.kept(parts)
        if found is None:
            found = compute()
            self.keep(parts, found)
        return found

    def save(self, *, prune: bool = False) -> None:
        """Write the results judged in this run; with `prune` (a run over every page), drop the unused ones
        and the folders of other fingerprints. A read-only home only costs the next run its speed."""
        if self._folder is None or self._site_folder is None:
            return
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            for key, result in self._new.items():
                temporary = self._folder / f"{key}.{os.getpid()}.tmp"
                temporary.write_bytes(pickle.dumps(result))
                temporary.replace(self._folder / f"{key}.pickle")
            if prune:
                for entry in self._folder.iterdir():
                    if entry.suffix == ".pickle" and entry.stem not in self._used:
                        entry.unlink(missing_ok=True)
                for other in self._site_folder.iterdir():
                    if other != self._folder and other.is_dir():
                        shutil.rmtree(other, ignore_errors=True)
        except (OSError, pickle.PicklingError):
            pass
