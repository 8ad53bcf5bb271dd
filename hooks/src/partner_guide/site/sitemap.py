"""The sitemap of every edition, from the built pages (pure module; the site step, site/step.py, writes it).

One `sitemap.xml` (and `sitemap.xml.gz`) at the site's root lists every page of every edition, as
mkdocs-static-i18n's sitemap template did, in the same layout; robots.txt points at it (site/seo.py).
Read from each page's head (site/built.py), so any renderer's build gets it:

- `<loc>`: the page's canonical address (`<link rel="canonical">`), else `site_url` and its path; a page
  with neither is left out (a sitemap lists absolute addresses only);
- `<lastmod>`: the build's day (site/reproducible.py `build_day`: SOURCE_DATE_EPOCH, the last commit's);
- `<xhtml:link rel="alternate" hreflang=…>` (when the head names any): the page itself first, then every
  page of another edition its head names that names it back. A page without its translation points at
  the other edition's home page, which names another page: no alternate, as the template had none.

`sitemap.xml.gz` is stamped with the day's midnight (UTC) and named `sitemap.xml` inside, as MkDocs
writes it, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import gzip
import html as htmllib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

from .built import BuiltPage, links

NAME = "sitemap.xml"


@dataclass(frozen=True)
class Entry:
    loc: str
    lang: str
    alternates: tuple[tuple[str, str], ...]  # (hreflang, address) the page names in its head


def entry(page: BuiltPage, head: str, site_url: str) -> Entry | None:
    """The page's sitemap entry from its head (alternates made absolute against its address)."""
    canonical, alternates = links(head)
    loc = canonical or (urljoin(site_url, page.prefix + page.url) if site_url else None)
    if not loc:
        return None
    return Entry(loc, page.lang, tuple((lang, urljoin(loc, href)) for lang, href in alternates))


def sitemap_xml(entries: Sequence[Entry], day: str) -> str:
    """The sitemap's text (see the module docstring for what each `<url>` holds)."""
    by_loc = {item.loc: item for item in entries}

    def names_back(item: Entry, lang: str, href: str) -> bool:
        other = by_loc.get(href)
        return other is not None and other.lang == lang and any(back == item.loc for _, back in other.alternates)

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for item in entries:
        out.append(f"\n    <url>\n        <loc>{_e(item.loc)}</loc>")
        out.append(f"\n        <lastmod>{day}</lastmod>\n        <changefreq>daily</changefreq>")
        others = [(lang, href) for lang, href in item.alternates if lang != item.lang and names_back(item, lang, href)]
        if item.alternates:
            for lang, href in [(item.lang, item.loc), *others]:
                out.append(f'\n        <xhtml:link rel="alternate" hreflang="{_e(lang)}" href="{_e(href)}"/>')
        out.append("\n    </url>")
    out.append("\n</urlset>")
    return "".join(out)


def _e(text: str) -> str:
    return htmllib.escape(text, quote=True)


def write_sitemap(site: Path, entries: Iterable[Entry], day: str) -> None:
    """`sitemap.xml` and `sitemap.xml.gz` at the root of `site`."""
    data = sitemap_xml(list(entries), day).encode("utf-8")
    (site / NAME).write_bytes(data)
    midnight = int(datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=NAME, mode="wb", mtime=midnight) as compressed:
        compressed.write(data)
    (site / f"{NAME}.gz").write_bytes(buffer.getvalue())
