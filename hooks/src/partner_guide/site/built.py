"""The built folder as the site step reads it: each edition's pages and what their HTML says (pure module).

- `built_pages(site, langs, default)`: every page of every edition, the 404 documents aside: the default
  edition at the root, another in its language's folder (`en/`). In one order whatever wrote them: edition
  by edition (as `langs` lists them), then by address, a folder's own page before the pages under it.
- `head_of(html)`: the part before `</head>`; `links(head)`: its canonical address and its hreflang
  alternates (`<link rel="alternate" hreflang=…>`), as the page tells search engines.
- `article_of(html)`: the page's `<article>` (its content and what the theme puts around it there); no
  page without one is indexed.
- `SEARCH_EXCLUDED`: what the head of a page its writer left out of search carries
  (`search: exclude: true` in its front matter; overrides/main.html prints it).
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from pathlib import Path

SEARCH_EXCLUDED = '<meta name="partner-search" content="exclude">'
ERROR_DOCUMENT = "404.html"
LINK = re.compile(r"<link\b[^<>]*>", re.I)
# A name starts where no name character precedes it (possessive: a long run of them is tried once, not
# once per position: linear time, tests/unit/test_linear_regexes.py).
ATTRIBUTE = re.compile(r"""(?<![a-zA-Z-])([a-zA-Z-]++)\s*+=\s*+(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


@dataclass(frozen=True)
class BuiltPage:
    path: Path  # the HTML file
    lang: str
    prefix: str  # the edition's folder: "" for the default edition, "en/"
    url: str  # relative to the edition's root: "" for its home page, "hot/rebate/"

    def read(self) -> str:
        return self.path.read_text(encoding="utf-8")


def _url(relative: str) -> str:
    """`hot/rebate/index.html` -> `hot/rebate/`; `index.html` -> ``; `faq.html` stays (no directory URLs)."""
    return relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html") else relative


def _order(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)


def built_pages(site: Path, langs: list[str], default: str) -> list[BuiltPage]:
    """Every built page of every edition (see the module docstring for the order)."""
    others = [lang for lang in langs if lang != default]
    found: list[BuiltPage] = []
    for lang in [default, *others]:
        prefix = "" if lang == default else f"{lang}/"
        root = site / prefix
        if not root.is_dir():
            continue
        pages = []
        for path in root.rglob("*.html"):
            relative = path.relative_to(root).as_posix()
            if relative == ERROR_DOCUMENT or (lang == default and relative.split("/", 1)[0] in others):
                continue
            pages.append(BuiltPage(path, lang, prefix, _url(relative)))
        found += sorted(pages, key=lambda page: _order(page.url))
    return found


def head_of(html: str) -> str:
    end = html.find("</head>")
    return html[:end] if end >= 0 else ""


def article_of(html: str) -> str | None:
    """From the first `<article` to the end of the last `</article>` (an article inside the page's content
    included); None for a page without one."""
    start, end = html.find("<article"), html.rfind("</article>")
    return html[start : end + len("</article>")] if 0 <= start < end else None


def _attributes(tag: str) -> dict[str, str]:
    return {
        match.group(1).lower(): htmllib.unescape(next(v for v in match.groups()[1:] if v is not None))
        for match in ATTRIBUTE.finditer(tag)
    }


def links(head: str) -> tuple[str | None, list[tuple[str, str]]]:
    """(canonical address or None, [(hreflang, address), …] in the head's order)."""
    canonical, alternates = None, []
    for tag in LINK.findall(head):
        attributes = _attributes(tag)
        rel, href = attributes.get("rel", "").lower(), attributes.get("href")
        if href is None:
            continue
        if rel == "canonical" and canonical is None:
            canonical = href
        elif rel == "alternate" and attributes.get("hreflang"):
            alternates.append((attributes["hreflang"], href))
    return canonical, alternates
