"""`guide-site-step [site] [--site-url URL] [--config mkdocs.yml]`: the site step alone, over a built folder.

The single 404, every page's Content-Security-Policy, robots.txt and the sitemap, each edition's search
index (site/step.py); the editions are the site's languages' folders (`en/`) that hold a home page or a
404.html. The search
settings come from the site's mkdocs.yml (Material's `separator`) and the synonyms file beside it;
the sitemap's date from the last commit (SOURCE_DATE_EPOCH, unless set). `make build` runs the same step
at the end of the build.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .. import REPO_ROOT
from ..checks.synonyms import load_synonyms, synonyms_path
from ..compat import material_search
from ..compat.mkdocs_build import read_config
from ..languages import DEFAULT_LANG, LANGS
from ..site.reproducible import use_last_commit_date
from ..site.step import SearchSettings, finish_site

EDITION = ("index.html", "404.html")  # what an edition's folder holds


def site_config(site: Path) -> Path:
    """The mkdocs.yml beside the built folder, else this repository's."""
    beside = site.resolve().parent / "mkdocs.yml"
    return beside if beside.is_file() else REPO_ROOT / "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide-site-step", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built folder (default: site)")
    parser.add_argument("--site-url", default="", help="the published address, for robots.txt and the sitemap")
    parser.add_argument("--preview", action="store_true", help="a pull request's preview: no robots.txt, no sitemap")
    parser.add_argument("--config", type=Path, help="the site's mkdocs.yml (default: the one beside the folder)")
    args = parser.parse_args(argv)
    if not any(args.site.rglob("*.html")):
        print(f"error: no HTML pages under {args.site}: build the site first (make build)", file=sys.stderr)
        return 2
    config = args.config or site_config(args.site)
    try:
        settings = read_config(config)
    except (OSError, yaml.YAMLError) as error:
        print(f"error: {config}: {error}", file=sys.stderr)
        return 2
    others = [lang for lang in LANGS if lang != DEFAULT_LANG and any((args.site / lang / n).is_file() for n in EDITION)]
    use_last_commit_date(config.resolve().parent)
    search = SearchSettings(
        material_search.worker_to,
        material_search.separator_in(settings),
        load_synonyms(synonyms_path(config.resolve().parent)),
    )
    finish_site(args.site, args.site_url, [DEFAULT_LANG, *others], DEFAULT_LANG, preview=args.preview, search=search)
    return 0


if __name__ == "__main__":
    sys.exit(main())
