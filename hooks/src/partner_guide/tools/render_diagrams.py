"""Draw every diagram once, ahead of time: `make diagrams` (`guide-diagrams`).

Builds the site with DIAGRAM_PRERENDER=0 (so every diagram renders live),
serves it on 127.0.0.1, opens each page with a diagram in Debian's Chromium
and records the SVG that Mermaid (the vendored ESM build, through
overrides/assets/javascripts/mermaid-loader.js, with Material's settings)
draws for each source. Writes them to
hooks/src/partner_guide/data/diagrams/<page>-<n>.<key>.svg (the page's
source path, the diagram's number on it, a hash of Mermaid's version and the
source) and deletes drawings no page uses any more. The build then puts each
drawing beside its source, and readers' browsers run no Mermaid code.

Run it after changing a diagram or Mermaid's version, and commit the
data/diagrams/ folder. A writer need not: `guide-diagrams --missing` (`make
diagrams-missing`; CI runs it before building a preview or the published
site, and `make test` before its build) draws only what has no drawing of
its current source, into the site's .cache/diagrams/ (outside docs/ and the
package), deletes nothing, and starts no browser when nothing is missing.
`--site DIR` draws the site whose mkdocs.yml is in DIR.
"""

from __future__ import annotations

import argparse
import html as htmllib
import re
import shutil
import sys
import tempfile
from pathlib import Path

from .. import REPO_ROOT as ROOT
from ..markdown.codeblocks import find_code_blocks
from ..site.diagram_frames import DRAWINGS_DIR, cache_dir, diagram_name, drawing_path
from .site import build_site, serving

CHROMIUM = "/usr/bin/chromium"
# A frame and the diagram source in it, as the page audit (site/diagram_frames.py) writes them.
FRAME_RE = re.compile(
    r'data-drawing="(?P<name>[^"]+)"[^>]*><pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.DOTALL
)
# Wraps `mermaid.render` as soon as mermaid-loader.js defines the global, to
# keep (diagram name, source, svg) of each live render. The name is the
# `data-drawing` of the frame whose source it is (each frame taken once).
RECORD = """
(() => {
  window.__drawings = [];
  let value;
  Object.defineProperty(window, "mermaid", {
    configurable: true,
    get() { return value; },
    set(v) {
      const render = v.render;
      v.render = (id, text) => {
        const frame = [...document.querySelectorAll(".diagram[data-drawing]:not([data-recorded])")]
          .find(f => { const pre = f.querySelector("pre.mermaid"); return pre && pre.textContent === text; });
        if (frame) frame.dataset.recorded = "1";
        const name = frame ? frame.dataset.drawing : null;
        return render(id, text).then(r => { window.__drawings.push([name, text, r.svg]); return r; });
      };
      value = v;
    },
  });
})();
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide-diagrams", description="Draw the site's diagrams in Chromium.")
    parser.add_argument(
        "--missing",
        action="store_true",
        help="draw only the diagrams without a drawing of their current source, into the site's "
        ".cache/diagrams/ (the build reads it; nothing is committed or deleted)",
    )
    parser.add_argument("--site", type=Path, default=ROOT, help="the folder of the site's mkdocs.yml")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    root = args.site.resolve()
    cache = cache_dir(root)
    if args.missing and not undrawn_sources(root / "docs", cache):
        print(f"every diagram has a drawing (committed, or in {cache}): nothing to draw")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="partner-guide-diagrams-"))
    site = tmp / "site"
    try:
        with serving(site) as url:
            built = build_site(site, url, config=root / "mkdocs.yml", cwd=root, DIAGRAM_PRERENDER="0")
            if built.returncode != 0:
                sys.exit(f"guide-diagrams: mkdocs build --strict failed:\n{built.stderr}")
            wanted = built_undrawn(site, cache) if args.missing else None
            drawings = draw(site, url, wanted) if wanted is None or wanted else {}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    folder = cache if args.missing else DRAWINGS_DIR
    written = {drawing_path(name, text, folder) for name, (text, _) in drawings.items()}
    for name, (text, svg) in sorted(drawings.items()):
        path = drawing_path(name, text, folder)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    if args.missing:
        print(f"{len(drawings)} missing drawing(s) drawn into {folder}")
        return 0
    stale = [p for p in DRAWINGS_DIR.rglob("*.svg") if p not in written]
    for path in stale:
        path.unlink()
    print(f"{len(drawings)} drawings in {DRAWINGS_DIR.relative_to(ROOT)} ({len(stale)} stale removed)")
    return 0


def undrawn_sources(docs: Path, cache: Path) -> list[str]:
    """The diagrams of the Markdown pages with no drawing of their source, committed or cached; read from the
    sources as superfences hands them to Mermaid (no build): `make test` asks it first, and usually hears none."""
    found = []
    for page in sorted(docs.rglob("*.md")):
        lines = page.read_text(encoding="utf-8", errors="replace").split("\n")
        fences = [fence for fence in find_code_blocks(lines) if fence.info == "mermaid" and fence.kind == "fence"]
        for number, fence in enumerate(fences, 1):
            source = "\n".join(lines[i][fence.indent :] for i in fence.body)
            name = diagram_name(page.relative_to(docs).as_posix(), number)
            if not any(drawing_path(name, source, folder).is_file() for folder in (DRAWINGS_DIR, cache)):
                found.append(name)
    return found


def built_undrawn(site: Path, cache: Path) -> set[str]:
    """The diagrams of the built site (built with DIAGRAM_PRERENDER=0) with no drawing of their source."""
    names: set[str] = set()
    for html in site.rglob("index.html"):
        text = html.read_text(encoding="utf-8")
        for match in FRAME_RE.finditer(text):
            name, source = htmllib.unescape(match["name"]), htmllib.unescape(match["source"])
            if not any(drawing_path(name, source, folder).is_file() for folder in (DRAWINGS_DIR, cache)):
                names.add(name)
    return names


def draw(site: Path, url: str, names: set[str] | None = None) -> dict[str, tuple[str, str]]:
    """Diagram name -> (source, SVG) of every diagram of the built site (of the pages with one of `names`)."""
    from playwright.sync_api import sync_playwright

    def wanted(text: str) -> bool:
        return 'class="mermaid"' in text and (names is None or any(f'data-drawing="{n}"' in text for n in names))

    pages = sorted(p for p in site.rglob("index.html") if wanted(p.read_text(encoding="utf-8")))
    drawings: dict[str, tuple[str, str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(RECORD)
        for html in pages:
            page = context.new_page()
            page.goto(url + html.parent.relative_to(site).as_posix().removeprefix(".") + "/")
            count = page.locator("pre.mermaid").count()
            page.wait_for_function(f"() => window.__drawings.length >= {count}", timeout=60_000)
            for name, text, svg in page.evaluate("() => window.__drawings"):
                if 'class="error-icon"' in svg or "Syntax error" in svg:
                    sys.exit(f"{html.relative_to(site)}: Mermaid drew an error")
                if not name:
                    sys.exit(f"{html.relative_to(site)}: a diagram without its frame (data-drawing)")
                if names is None or name in names:
                    drawings[name] = (text, svg)
            page.close()
        browser.close()
    return drawings


if __name__ == "__main__":
    sys.exit(main())
