"""Draw every diagram once, ahead of time: `make diagrams`.

Builds the site with DIAGRAM_PRERENDER=0 (so every diagram renders live),
serves it on 127.0.0.1, opens each page with a diagram in Debian's Chromium
and records the SVG that Mermaid (the vendored ESM build, through
overrides/assets/javascripts/mermaid-loader.js, with Material's settings)
draws for each source. Writes them to hooks/diagram_svg/<key>.svg and
deletes drawings no page uses any more. The build then puts each drawing
beside its source, and readers' browsers run no Mermaid code.

Run it after changing a diagram (tests/test_diagram_prerender.py fails until
you do) or Mermaid's version, and commit hooks/diagram_svg/.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from diagram_a11y import SVG_DIR, diagram_key  # noqa: E402

MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
CHROMIUM = "/usr/bin/chromium"
# Wraps `mermaid.render` as soon as mermaid-loader.js defines the global, to
# keep (source, svg) of each live render.
RECORD = """
(() => {
  window.__drawings = [];
  let value;
  Object.defineProperty(window, "mermaid", {
    configurable: true,
    get() { return value; },
    set(v) {
      const render = v.render;
      v.render = (id, text) => render(id, text).then(r => { window.__drawings.push([text, r.svg]); return r; });
      value = v;
    },
  });
})();
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


def main() -> int:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="partner-guide-diagrams-"))
    site = tmp / "site"
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DIAGRAM_PRERENDER": "0", "SITE_URL": url}
    try:
        # Not -q: it hides warnings from --strict. The log is shown only on failure.
        built = subprocess.run([str(MKDOCS), "build", "--strict", "-d", str(site)], cwd=ROOT, env=env,
                               capture_output=True, text=True)
        if built.returncode != 0:
            sys.exit(f"render_diagrams: mkdocs build --strict failed:\n{built.stderr}")
        pages = sorted(p for p in site.rglob("index.html") if 'class="mermaid"' in p.read_text(encoding="utf-8"))
        drawings: dict[str, str] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(RECORD)
            for html in pages:
                page = context.new_page()
                page.goto(url + html.parent.relative_to(site).as_posix().removeprefix(".") + "/")
                count = page.locator("pre.mermaid").count()
                page.wait_for_function(f"() => window.__drawings.length >= {count}", timeout=60_000)
                for text, svg in page.evaluate("() => window.__drawings"):
                    if 'class="error-icon"' in svg or "Syntax error" in svg:
                        sys.exit(f"{html.relative_to(site)}: Mermaid drew an error")
                    drawings[diagram_key(text)] = svg
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    SVG_DIR.mkdir(exist_ok=True)
    for key, svg in sorted(drawings.items()):
        (SVG_DIR / f"{key}.svg").write_text(svg, encoding="utf-8")
    stale = [p for p in SVG_DIR.glob("*.svg") if p.stem not in drawings]
    for path in stale:
        path.unlink()
    print(f"{len(drawings)} drawings in {SVG_DIR.relative_to(ROOT)} ({len(stale)} stale removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
