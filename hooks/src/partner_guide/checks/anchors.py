"""Links to a heading of a page (pure module; `make check` and the build run it over every page).

`check_anchors(sources)` reports LINK-ANCHOR for a link `[x](other.md#id)`
or `[x](#id)` whose page has no such id, as MkDocs' `validation.anchors`
does in the strict build, so `make check` sees it too, with the line and
column of the link.

A page's ids are those the build gives it: the explicit ones (`{#id}` on a
heading or any block, `id="…"` in HTML, Tencent's `(id:x)` anchors) and the
ones Python-Markdown's toc extension makes for the other headings
(`compat/python_markdown.toc_id`: a Chinese heading becomes `_1`, `_2`…). A link from `page.en.md` to `other.md` reaches `other.en.md`
when it exists (mkdocs-static-i18n's suffix layout).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping

from ..compat.python_markdown import toc_id
from ..languages import counterpart, edition
from ..markdown.syntax import ID_LINK_RE, visible_text
from .findings import Finding
from .hygiene import ATTR_ID_RE, ATTR_LIST_RE, HTML_ID_RE
from .links import INLINE_LINK_RE
from .scan import scan

NAME_ATTR_RE = re.compile(r"<a\s[^<>]*?\bname\s*=\s*[\"'](?P<id>[^\"']*)[\"']", re.I)  # <a name="…">
# The attr list ending a heading; tried only where a run of blanks starts, so linear on long runs.
HEADING_ATTRS_RE = re.compile(r"(?<![ \t])[ \t]*+\{:?[^{}\n]*+\}[ \t]*+$")


def page_ids(text: str) -> set[str]:
    """Every id a rendered page has (see the module docstring)."""
    result = scan(text)
    ids: set[str] = set()
    for line in result.prose:
        if "{" in line:
            for match in ATTR_LIST_RE.finditer(line):
                ids.update(ident.group("id") for ident in ATTR_ID_RE.finditer(match.group("attrs")))
        if "id" in line:
            ids.update(match.group("id") for match in HTML_ID_RE.finditer(line))
            ids.update(match.group("id") for match in ID_LINK_RE.finditer(line))
        if "name" in line:
            ids.update(match.group("id") for match in NAME_ATTR_RE.finditer(line))
    for heading in result.headings:
        has_id = any(ATTR_ID_RE.search(m.group("attrs")) for m in ATTR_LIST_RE.finditer(heading.text))
        if not has_id and "(id:" not in heading.text:
            title = html.unescape(visible_text(HEADING_ATTRS_RE.sub("", heading.text.rstrip("#").rstrip())))
            toc_id(title, ids)
    return ids


def _target(page: str, url: str, sources: Mapping[str, str]) -> tuple[str, str] | None:
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


def check_anchors(sources: Mapping[str, str]) -> list[Finding]:
    """LINK-ANCHOR findings over a set of pages (path -> text)."""
    ids: dict[str, set[str]] = {}
    findings = []
    for page, text in sources.items():
        for number, line in enumerate(scan(text).prose, 1):
            if "](" not in line or "#" not in line:
                continue
            for match in INLINE_LINK_RE.finditer(line):
                group = "angle" if match.group("angle") is not None else "bare"
                url = match.group(group) or ""
                target = _target(page, url, sources)
                if target is None:
                    continue
                other, fragment = target
                if other not in ids:
                    ids[other] = page_ids(sources[other])
                if fragment not in ids[other]:
                    where = "this page" if other == page else other
                    findings.append(Finding(page, number, match.start(group) + 1, "LINK-ANCHOR",
                                            f"{where} has no heading or anchor #{fragment}",
                                            f"link to one of its ids ({_some(ids[other])}), or give the heading "
                                            f"{{#{fragment}}}"))
    return sorted(findings)


def _some(ids: set[str]) -> str:
    named = sorted(ident for ident in ids if not ident.startswith("_"))
    return ", ".join(f"#{ident}" for ident in named[:8]) + (", …" if len(named) > 8 else "") or "none"
