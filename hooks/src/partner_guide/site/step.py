"""The site step: what is done over the built folder once every edition is built (pure module).

`finish_site(site, site_url, langs, default)`, in order:

1. the single 404: the root 404.html becomes the error document of every edition (site/editions.py);
2. every page's Content-Security-Policy: its inline scripts hashed (site/csp.py); the same pass reads
   each page's head for the sitemap;
3. robots.txt (site/seo.py) and the sitemap of every edition (site/sitemap.py), when the site has an
   address; a pull request's preview (`preview`, SITE_PREVIEW) gets neither, and no sitemap a renderer
   wrote stays;
4. with `search` (SearchSettings): each edition's search index, read from the built pages' articles
   (`write_search`; site/search_index.py).

hooks/editions.py runs 1-3 in `on_post_build`; hooks/search.py runs `write_search` later, after
Material's search plugin wrote its own `search/search_index.json` for the last time (compat/material_search.py).
`guide-site-step [site] [--site-url URL]` runs all of it alone, over a folder another renderer built
(tools/site_step.py). It may run again over its own output: nothing changes.

`written_since` (ns): `make serve`'s partial rebuild (site/preview.py), whose other pages were finished
before: only the pages it wrote get their policy; the sitemap, robots.txt and the search index stay as the
last full build left them (hooks/search.py does not call `write_search` then).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..languages import DEFAULT_LANG
from .built import article_of, built_pages, head_of
from .csp import with_csp
from .editions import write_single_404
from .reproducible import build_day
from .search_index import built_search_pages, write_indexes
from .seo import drop_search_engine_files, robots_txt
from .sitemap import entry, write_sitemap


@dataclass(frozen=True)
class SearchSettings:
    """What the search index needs besides the pages: `worker_to(folder)`, a site folder relative to the
    search worker's URL; Material's `separator`; per language, (word the pages use, words partners type)."""

    worker_to: Callable[[str], str]
    separator: str
    synonyms: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)


def finish_site(
    site: Path,
    site_url: str,
    langs: list[str],
    default: str = DEFAULT_LANG,
    *,
    preview: bool = False,
    written_since: int | None = None,
    pages: Iterable[Path] | None = None,
    search: SearchSettings | None = None,
) -> None:
    """See the module docstring; `pages`: the only pages a partial rebuild may have written (default: every
    page of `site`)."""
    if (site / "404.html").is_file():
        write_single_404(site, urlsplit(site_url or "/").path, langs, default)
    heads: dict[Path, str] = {}
    for path in sorted(site.rglob("*.html")) if pages is None else pages:
        if written_since is not None and (not path.is_file() or path.stat().st_mtime_ns < written_since):
            continue
        html = path.read_text(encoding="utf-8")
        if written_since is None and article_of(html) is not None:
            heads[path] = head_of(html)
        secured = with_csp(html)
        if secured != html:
            path.write_text(secured, encoding="utf-8")
    if preview:
        drop_search_engine_files(site)
    elif written_since is None:
        if site_url:
            (site / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
        every = built_pages(site, langs, default)
        entries = [entry(page, heads[page.path], site_url) for page in every if page.path in heads]
        if any(entries):
            write_sitemap(site, (item for item in entries if item is not None), build_day())
    if search is not None and written_since is None:
        write_search(site, langs, default, search)


def write_search(site: Path, langs: list[str], default: str, settings: SearchSettings) -> dict[str, int]:
    """Each edition's search index from its built pages; the number of documents per language."""
    return write_indexes(
        site,
        built_search_pages(site, langs, default),
        settings.worker_to,
        default=default,
        separator=settings.separator,
        synonyms=settings.synonyms,
    )
