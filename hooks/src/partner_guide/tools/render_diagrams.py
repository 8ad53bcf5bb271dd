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

Run it after changing a diagram (tests/build/test_diagram_prerender.py fails
until you do) or Mermaid's version, and commit the data/diagrams/ folder.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from .. import REPO_ROOT as ROOT
from ..site.diagram_frames import DRAWINGS_DIR, drawing_path
from .site import build_site, serving

CHROMIUM = "/usr/bin/chromium"
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


def main() -> int:

    tmp = Path(tempfile.mkdtemp(prefix="partner-guide-diagrams-"))
    site = tmp / "site"
    try:
        with serving(site) as url:
            built = build_site(site, url, DIAGRAM_PRERENDER="0")
            if built.returncode != 0:
                sys.exit(f"guide-diagrams: mkdocs build --strict failed:\n{built.stderr}")
            drawings = draw(site, url)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    written = {drawing_path(name, text) for name, (text, _) in drawings.items()}
    for name, (text, svg) in sorted(drawings.items()):
        path = drawing_path(name, text)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    stale = [p for p in DRAWINGS_DIR.rglob("*.svg") if p not in written]
    for path in stale:
        path.unlink()
    print(f"{len(drawings)} drawings in {DRAWINGS_DIR.relative_to(ROOT)} ({len(stale)} stale removed)")
    return 0


def draw(site: Path, url: str) -> dict[str, tuple[str, str]]:
    """Diagram name -> (source, SVG) of every diagram of the built site."""
    from playwright.sync_api import sync_playwright

    pages = sorted(p for p in site.rglob("index.html") if 'class="mermaid"' in p.read_text(encoding="utf-8"))
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
                drawings[name] = (text, svg)
            page.close()
        browser.close()
    return drawings


if __name__ == "__main__":
    sys.exit(main())
