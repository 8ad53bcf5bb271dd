"""Links to a heading of a page (pure module; `make check` and the build run it over every page).

`check_anchors(sources)` reports LINK-ANCHOR for a link `[x](other.md#id)`
or `[x](#id)` whose page has no such id, as MkDocs' `validation.anchors`
does in the strict build, so `make check` sees it too, with the line and
column of the link.

A page's ids are those the build gives it: the explicit ones (`{#id}` on a
heading or any block, `id="…"` in HTML, Tencent's `(id:x)` anchors) and the
the page extension gives the other headings (their pinyin slug,
markdown/slugs.py). A link from `page.en.md` to `other.md` reaches
`other.en.md` when it exists (mkdocs-static-i18n's suffix layout).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from ..languages import counterpart, edition
from .findings import Finding
from .tree import PageModel


def _target(page: str, url: str, sources: Mapping[str, PageModel]) -> tuple[str, str] | None:
    """(page path, fragment) a link points to inside the docs, or None (external, no fragment, unknown page)."""
    if "#" not in url or "://" in url or url.startswith(("//", "mailto:", "tel:")):
        return None
    path, fragment = url.split("#", 1)
    if not fragment:
        return None
    if not path:
        return page, fragment
    if not path.endswith(".md"):
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    lang, _ = edition(page)
    localized = counterpart(resolved, lang)
    if localized in sources:
        return localized, fragment
    return (resolved, fragment) if resolved in sources else None


def check_anchors(sources: Mapping[str, PageModel]) -> list[Finding]:
    """LINK-ANCHOR findings over a set of rendered pages (path -> its facts)."""
    ids = {page: model.ids for page, model in sources.items()}
    findings = []
    for page, model in sources.items():
        for url, number, col in model.anchor_links:
            target = _target(page, url, sources)
            if target is not None:
                other, fragment = target
                if fragment not in ids[other]:
                    where = "this page" if other == page else other
                    findings.append(
                        Finding(
                            page,
                            number,
                            col,
                            "LINK-ANCHOR",
                            f"{where} has no heading or anchor #{fragment}",
                            f"link to one of its ids ({_some(ids[other])}), or give the heading {{#{fragment}}}",
                        )
                    )
    return sorted(findings)


def _some(ids: set[str]) -> str:
    named = sorted(ident for ident in ids if not ident.startswith("_"))
    return ", ".join(f"#{ident}" for ident in named[:8]) + (", …" if len(named) > 8 else "") or "none"
