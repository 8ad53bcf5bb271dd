"""`guide-check`'s findings kept between runs, by the content they judged (tools/check.py).

A page's findings depend only on its text, the registry, mkdocs.yml's
Markdown settings and the checks' code: the cache key of an entry is a hash
of all of them, so a changed page, registry or check is judged again and an
unchanged one is not. Cross-page findings are kept the same way, by the
texts of every page they read (a pair of editions for parity; every page
for anchors and synonyms). Entries not used by a run are dropped when it
saves. The cache lives in the user's cache folder (never in the
repository): `$PARTNER_GUIDE_CACHE`, else `$XDG_CACHE_HOME/partner-guide`,
else `~/.cache/partner-guide`; `guide-check --no-cache` or
`PARTNER_GUIDE_CACHE=off` runs every check from scratch (the benchmark's
cold figure).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Callable
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from ..checks.findings import Finding
from ..checks.tree import PageModel

# A page's own findings and the facts of it that the rules across pages compare (parity, anchors).
PageResult = tuple[list[Finding], PageModel]

PACKAGE = Path(__file__).resolve().parent.parent
# Third parties whose behaviour the findings depend on (the checks render pages with them).
DISTRIBUTIONS = ("Markdown", "pymdown-extensions", "nh3", "selectolax", "PyYAML")


def cache_folder() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    setting = os.environ.get("PARTNER_GUIDE_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "partner-guide"


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
    """Findings by key, loaded from and saved to one file per site and code fingerprint."""

    def __init__(self, site: Path, inputs: list[Path], enabled: bool = True) -> None:
        folder = cache_folder() if enabled else None
        self._fingerprint = code_fingerprint(*inputs) if folder else ""
        self._file = (
            folder / f"check-{hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]}.json" if folder else None
        )
        self._old: dict[str, list[dict[str, object]]] = {}
        self._new: dict[str, list[dict[str, object]]] = {}
        # Rendered pages' results, in a file of their own (pickle: a PageModel holds parsed diagrams). It is
        # the user's own cache folder, written by this tool only, and keyed by the code's fingerprint.
        self._pages_file = self._file.with_suffix(".pages.pickle") if self._file is not None else None
        self._old_pages: dict[str, PageResult] = {}
        self._new_pages: dict[str, PageResult] = {}
        if self._pages_file is not None:
            try:
                fingerprint, pages = pickle.loads(self._pages_file.read_bytes())
                if fingerprint == self._fingerprint and isinstance(pages, dict):
                    self._old_pages = pages
            except (OSError, pickle.UnpicklingError, ValueError, TypeError, EOFError, AttributeError, ImportError):
                self._old_pages = {}
        if self._file is not None:
            try:
                data = json.loads(self._file.read_text(encoding="utf-8"))
                if data.get("fingerprint") == self._fingerprint:
                    self._old = data["entries"]
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                self._old = {}

    def key(self, kind: str, *parts: str) -> str:
        digest = hashlib.sha256(kind.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", errors="surrogatepass"))
        return digest.hexdigest()

    def findings(self, kind: str, parts: tuple[str, ...], compute: Callable[[], list[Finding]]) -> list[Finding]:
        """The findings kept for (kind, parts), else `compute()`'s, kept for the next run."""
        key = self.key(kind, *parts)
        kept = self._old.get(key)
        if kept is not None:
            try:
                found = [Finding(**entry) for entry in kept]  # type: ignore[arg-type]
            except TypeError:
                found = compute()
        else:
            found = compute()
        self._new[key] = [asdict(finding) for finding in found]
        return found

    def page(self, parts: tuple[str, ...], compute: Callable[[], PageResult]) -> PageResult:
        """The result kept for a page (its path and text), else `compute()`'s, kept for the next run."""
        key = self.key("page", *parts)
        found = self._old_pages.get(key)
        if found is None:
            found = compute()
        self._new_pages[key] = found
        return found

    def save(self) -> None:
        if self._file is None:
            return
        if self._pages_file is not None:
            try:
                self._pages_file.parent.mkdir(parents=True, exist_ok=True)
                temporary = self._pages_file.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_bytes(pickle.dumps((self._fingerprint, self._new_pages)))
                temporary.replace(self._pages_file)
            except (OSError, pickle.PicklingError):
                pass  # a read-only home, or a page fact that cannot be kept: the next run renders again
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._file.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(
                json.dumps({"fingerprint": self._fingerprint, "entries": self._new}, ensure_ascii=False),
                encoding="utf-8",
            )
            temporary.replace(self._file)
        except OSError:
            pass  # a read-only home: the next run judges everything again
