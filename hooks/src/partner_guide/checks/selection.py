"""Which pages a change can break: the changed pages and their cross-page dependencies (pure module).

`guide-check --changed` (pre-commit, the fast lane) and the preview's
rebuilds (`make serve`, site/preview.py) check only these, so one changed
page costs the same in a guide of 20 pages or of 5,000; the full run (CI,
`make check`, `make build`) still checks every page.

For changed pages (paths as findings show them, e.g. `docs/hot/rebate.md`):

- `affected`: the changed pages that still exist, their other editions
  (translation parity compares the two) and every page that links to one of
  them (an anchor another page links to may be gone, or the page itself).
  These get every check.
- `anchor_sources`: those pages and every page they link to, whose ids the
  links are resolved against (`check_anchors` ignores a link to a page it
  is not given).

A link names its target's file (`rebate.md`, `../hot/rebate.md#q-1`), so a
page that links to another contains the other's file name: a substring
search, without parsing, finds every page that may link to one. It may find
more (pages mentioning the name), never fewer; the English edition's links
name the Chinese file (`rebate.md` reaches `rebate.en.md`), so both names
are searched.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping

from ..languages import LANGS, counterpart, edition


def file_names(path: str) -> set[str]:
    """The file names a link to `path` may use: `rebate.md` for either edition, `rebate.en.md` too."""
    _, default = edition(path)
    return {posixpath.basename(path), posixpath.basename(default)}


def other_editions(path: str) -> set[str]:
    """The page itself and its other editions (`docs/a.md` <-> `docs/a.en.md`)."""
    return {counterpart(path, lang) for lang in LANGS}


def linking_to(paths: Iterable[str], texts: Mapping[str, str]) -> set[str]:
    """The pages of `texts` whose text names the file of one of `paths` (may link to it)."""
    names = set().union(*(file_names(path) for path in paths))
    return {page for page, text in texts.items() if any(name in text for name in names)}


def affected(changed: Iterable[str], texts: Mapping[str, str]) -> set[str]:
    """The pages of `texts` a change to `changed` can break (see the module docstring)."""
    changed = set(changed)
    editions = set().union(*(other_editions(path) for path in changed)) if changed else set()
    return {page for page in editions | linking_to(changed, texts) if page in texts}


def anchor_sources(pages: Iterable[str], texts: Mapping[str, str]) -> dict[str, str]:
    """`pages` and the pages they may link to (by file name), with their texts."""
    pages = [page for page in pages if page in texts]
    by_name: dict[str, set[str]] = {}
    for page in texts:
        for name in file_names(page):
            by_name.setdefault(name, set()).add(page)
    chosen = set(pages)
    for page in pages:
        text = texts[page]
        for name, targets in by_name.items():
            if name in text:
                chosen |= targets
    return {page: texts[page] for page in sorted(chosen)}
