"""The logic behind the hooks of the Tencent Cloud partner guide.

The hook entry modules in `hooks/*.py` (the ones mkdocs.yml lists) only wire
MkDocs events to this package. Inside it, the tree shows the pipeline's stages:

- `markdown/` the page stage: Python-Markdown extensions (Tencent's syntax;
             the page pipeline `page.py`: short links, heading ids, the page
             rules, diagram frames, the boundary and the sanitizer);
- `checks/`  the rules, one module per rule family: those on the rendered
             page (`tree.py` is the page they read), those on the source file
             (front matter, limits), those across pages (parity, anchors), and
             the findings (`findings.py`);
- `site/`    the site stage: pure functions over pages and the built folder
             (`step.py`: the single 404, the CSP, robots.txt and the sitemap,
             each edition's search index), SEO, diagram frames, the HTML
             boundary's policy;
- `compat/`  every place that depends on a third party's internals or built
             output, each guarded by the exact version it was written for;
- `tools/`   the console commands (`guide-check` is `make check`, …);
- `data/`    generated data (the pre-drawn diagrams).

One source per fact: the languages in `languages.py`, the UI strings in
`ui.py`, the Mermaid version in `mermaid.py`, the links and contacts in
`hooks/registry.yml` (read by `registry.py`).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The package lives in hooks/src/ (a folder of its own, so that the editable
# install puts no other module on sys.path), beside the data the maintainers
# edit in hooks/: the repository is three levels up.
REPO_ROOT = PACKAGE_DIR.parents[2]
