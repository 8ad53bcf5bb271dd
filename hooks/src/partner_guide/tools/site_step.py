"""`guide-site-step [site] [--site-url URL]`: the site step alone, over a built folder (site/step.py).

The single 404, robots.txt and every page's Content-Security-Policy; the editions are the language folders
that hold a 404.html (`en/`). `make build` runs the same step at the end of the build.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..languages import DEFAULT_LANG
from ..site.step import finish_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide-site-step", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built folder (default: site)")
    parser.add_argument("--site-url", default="", help="the published address, for robots.txt")
    parser.add_argument("--preview", action="store_true", help="a pull request's preview: no robots.txt, no sitemap")
    args = parser.parse_args(argv)
    if not any(args.site.rglob("*.html")):
        print(f"error: no HTML pages under {args.site}: build the site first (make build)", file=sys.stderr)
        return 2
    others = sorted(
        folder.name
        for folder in args.site.iterdir()
        if re.fullmatch(r"[a-z]{2}", folder.name) and (folder / "404.html").is_file()
    )
    finish_site(args.site, args.site_url, [DEFAULT_LANG, *others], DEFAULT_LANG, preview=args.preview)
    return 0


if __name__ == "__main__":
    sys.exit(main())
