"""A sitemap in every page folder (pure module; hooks/editions.py writes them).

Every page's `<link rel="alternate" hreflang>` points at the same page in
each edition (right for search engines), and Material's language code
fetches `sitemap.xml` next to each of those links (mkdocs-material#6582).
So every page folder gets the part of the sitemap in its scope:
`/en/sitemap.xml` lists the English pages, `/hot/rebate/sitemap.xml` that
page with its alternates. Without them each page load logs two 404s.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from urllib.parse import urlsplit

URL_BLOCK = re.compile(r"(?<![ \t])[ \t]*<url>.*?</url>\n?", re.S)  # one <url> entry, from its indentation's start
LOC = re.compile(r"<loc>([^<]*)</loc>")


class Sitemap:
    """A sitemap split into its <url> entries, sorted by path, once."""

    def __init__(self, sitemap: str) -> None:
        blocks = URL_BLOCK.findall(sitemap)
        self.head = sitemap[: sitemap.index(blocks[0])] if blocks else sitemap.split("</urlset>")[0]
        entries = sorted((urlsplit(LOC.search(b).group(1)).path, i, b) for i, b in enumerate(blocks))
        self.paths = [path for path, _, _ in entries]
        self.entries = entries

    def scoped(self, scope_path: str) -> str:
        """The entries whose <loc> path lies under `scope_path`, in sitemap order."""
        # Paths under a prefix are contiguous once sorted: no scan of the rest.
        start = bisect.bisect_left(self.paths, scope_path)
        end = start
        while end < len(self.paths) and self.paths[end].startswith(scope_path):
            end += 1
        keep = sorted(self.entries[start:end], key=lambda entry: entry[1])
        return self.head + "".join(block for _, _, block in keep) + "</urlset>\n"


def write_scoped_sitemaps(site: Path, site_path: str) -> int:
    """A scoped sitemap.xml in every folder holding a page; returns how many."""
    root = site / "sitemap.xml"
    if not root.is_file():
        return 0
    sitemap = Sitemap(root.read_text(encoding="utf-8"))
    count = 0
    for html in sorted(site.rglob("index.html")):
        folder = html.parent
        if folder == site or (folder / "sitemap.xml").exists():
            continue
        scope = site_path.rstrip("/") + "/" + folder.relative_to(site).as_posix() + "/"
        (folder / "sitemap.xml").write_text(sitemap.scoped(scope), encoding="utf-8")
        count += 1
    return count
