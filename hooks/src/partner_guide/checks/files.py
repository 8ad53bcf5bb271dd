"""Files under docs/: links that leave it, and text that is not UTF-8 (pure module).

- FILE-SYMLINK  a symbolic link (to a file or a folder) under docs/ whose
                target is outside the repository: MkDocs follows links and
                would publish the target;
- FILE-UTF8     a text file (Markdown, YAML, CSS, JavaScript…) that is not
                valid UTF-8, at the line and column of the first bad byte.
                A UTF-8 byte order mark is accepted.

`decode(data)` is how every reader of a page's bytes decodes it: the text
without a BOM, and the problem if any (the bad bytes then read as U+FFFD, so
the build goes on and reports everything).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Container, Iterator
from pathlib import Path

from .findings import Finding

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".yml", ".yaml", ".txt", ".css", ".js", ".json", ".html", ".svg"})
BOM = b"\xef\xbb\xbf"
NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$")  # a file or folder name that is a clean URL part


def decode(data: bytes) -> tuple[str, tuple[int, int, str] | None]:
    """(text, (line, col, message) of the first undecodable byte or None)."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        message = f"not valid UTF-8: byte 0x{data[error.start]:02x} ({error.reason})"
        return data.decode("utf-8", errors="replace"), (line, col, message)


def inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _entries(folder: str) -> Iterator[os.DirEntry[str]]:
    """Every file and folder under `folder`, without following links (one `scandir` per folder: a preview
    rebuild of 5,000 questions walks 1,000 pages; the order does not matter, findings are sorted)."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return
    for entry in entries:
        yield entry
        if not entry.is_symlink() and entry.is_dir():
            yield from _entries(entry.path)


def check_tree(
    docs: Path, repository: Path, display: Callable[[Path], str] = Path.as_posix, *, unread: Container[str] = ()
) -> list[Finding]:
    """Every problem of the files under `docs` (walked without following links), in path order. The files of
    `unread` (paths under `docs` as given) are not read: `make serve`'s rebuilds pass the unchanged pages."""
    findings: list[Finding] = []
    root = repository.resolve()
    for entry in _entries(str(docs)):
        name = entry.name
        if not NAME_RE.match(name):
            findings.append(
                Finding(
                    display(Path(entry.path)),
                    1,
                    1,
                    "FILE-NAME",
                    f"the name {name!r} is not a plain URL part",
                    "use ASCII letters, digits, - and _, e.g. refund-destination.md",
                )
            )
        if entry.is_symlink():
            target = Path(os.path.realpath(entry.path))  # never raises, even for a loop
            if not inside(target, root) or not target.exists():
                what = "outside the repository" if target.exists() else "that does not exist"
                findings.append(
                    Finding(
                        display(Path(entry.path)),
                        1,
                        1,
                        "FILE-SYMLINK",
                        f"a symbolic link to something {what}",
                        "copy the file into docs/ instead of linking it",
                    )
                )
            continue
        if not entry.is_dir() and os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
            if entry.path in unread:
                continue
            path = Path(entry.path)
            try:
                _, bad = decode(path.read_bytes())
            except OSError as error:
                findings.append(Finding(display(path), 1, 1, "FILE-UTF8", f"cannot be read ({error.strerror})"))
                continue
            if bad:
                findings.append(Finding(display(path), bad[0], bad[1], "FILE-UTF8", bad[2], "save the file as UTF-8"))
    return sorted(findings)


def outside_links(findings: list[Finding]) -> set[str]:
    """The displayed paths of the links FILE-SYMLINK reported (the build leaves them and what is under them out)."""
    return {finding.path for finding in findings if finding.rule == "FILE-SYMLINK"}
