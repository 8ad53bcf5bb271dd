"""The site step: what is done over the built folder once every edition is built (pure module).

`finish_site(site, site_url, langs, default)`, in order:

1. the single 404: the root 404.html becomes the error document of every edition (site/editions.py);
2. robots.txt, pointing at the sitemap built from `site_url` (site/seo.py), when there is one; a pull
   request's preview (`preview`, SITE_PREVIEW) gets none, and no sitemap either;
3. last, the Content-Security-Policy of every page: its inline scripts hashed (site/csp.py).

hooks/editions.py runs it in `on_post_build`; `guide-site-step [site] [--site-url URL]` runs it alone, over a
folder another renderer built (tools/site_step.py). It may run again over its own output: nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from ..languages import DEFAULT_LANG
from .csp import with_csp
from .editions import write_single_404
from .seo import drop_search_engine_files, robots_txt


def finish_site(
    site: Path,
    site_url: str,
    langs: list[str],
    default: str = DEFAULT_LANG,
    *,
    preview: bool = False,
    written_since: int | None = None,
    pages: Iterable[Path] | None = None,
) -> None:
    """`written_since` (ns): `make serve`'s partial rebuild, whose other pages were finished before; `pages`:
    the only pages it may have written (default: every page of `site`)."""
    if (site / "404.html").is_file():
        write_single_404(site, urlsplit(site_url or "/").path, langs, default)
    if preview:
        drop_search_engine_files(site)
    elif site_url:
        (site / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
    for page in sorted(site.rglob("*.html")) if pages is None else pages:
        if written_since is not None and (not page.is_file() or page.stat().st_mtime_ns < written_since):
            continue
        html = page.read_text(encoding="utf-8")
        secured = with_csp(html)
        if secured != html:
            page.write_text(secured, encoding="utf-8")
