"""Lighthouse on every page of both editions: `make lighthouse`.

Builds the site with `mkdocs build --strict` into a temporary directory,
serves it gzip-compressed on 127.0.0.1 (as GitHub Pages and a CDN do; an
uncompressed server makes the score measure the server, not the site), runs
the pinned Lighthouse 12.2.3 (`npm ci`) with its default mobile settings
(Moto G Power emulation, simulated slow 4G, 4x CPU slowdown) against Debian's
Chromium, one run per page, one page at a time (after one discarded warm-up
run; a page below a bar is run twice more and scored by the median of its
three runs), and writes

    lighthouse/reports/<page>.json   the full Lighthouse report of each page
    lighthouse/summary.json          page -> the four category scores
    lighthouse/summary.md            the same as a table (also printed)

It exits 1 if a page is below the bars of issue 5: 0.95 in every category,
0.90 in performance on a page with a Mermaid diagram.

    guide-lighthouse [--only PATH ...] [--out DIR]   (make lighthouse)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .. import REPO_ROOT as ROOT
from .site import build_site, serving

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BAR = 0.95
BAR_DIAGRAM_PERFORMANCE = 0.90
def pages(site: Path) -> list[str]:
    """Every page of every edition, as its served path: '', 'prepare/', 'en/hot/refund/'…"""
    found = []
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site)
        if "assets" in rel.parts or "search" in rel.parts:
            continue
        found.append(rel.parent.as_posix() + "/" if rel.parent.parts else "")
    return found


def has_diagram(site: Path, page: str) -> bool:
    return 'class="mermaid"' in (site / page / "index.html").read_text(encoding="utf-8")


def report_name(page: str, run: int = 1) -> str:
    return (page.strip("/").replace("/", "_") or "index") + (f".run{run}" if run > 1 else "") + ".json"


def run_lighthouse(url: str, output: Path) -> dict[str, float | None]:
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    command = [
        str(LIGHTHOUSE), url,
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--output=json", f"--output-path={output}", "--quiet",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    if result.returncode != 0 or not output.exists():
        sys.exit(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"lighthouse runtime error on {url}: {report['runtimeError']}")
    return {cat: report["categories"][cat]["score"] for cat in CATEGORIES}


def failures(rows: list[dict]) -> list[str]:
    problems = []
    for row in rows:
        for cat in CATEGORIES:
            bar = BAR_DIAGRAM_PERFORMANCE if cat == "performance" and row["diagram"] else BAR
            score = row["scores"][cat]
            if score is None or score < bar:
                problems.append(f"/{row['page']} {cat} {score} < {bar}")
    return problems


def table(rows: list[dict]) -> str:
    lines = [
        "| page | diagram | " + " | ".join(CATEGORIES) + " |",
        "| --- | --- | " + " | ".join("---:" for _ in CATEGORIES) + " |",
    ]
    for row in rows:
        cells = [f"{row['scores'][c]:.2f}" if row["scores"][c] is not None else "n/a" for c in CATEGORIES]
        lines.append(f"| /{row['page']} | {'yes' if row['diagram'] else ''} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def measure(site: Path, site_url: str, todo: list[str], reports: Path, out: Path) -> list[dict]:
    """Lighthouse on every page of `todo`; a page below a bar is run twice more."""
    rows = []
    # A discarded warm-up run: the first run after a build pays for cold
    # disk caches and a cold Chromium, and measured 0.93 where reruns give 0.99.
    run_lighthouse(site_url + todo[0], reports / "warm-up.json")
    (reports / "warm-up.json").unlink()
    for page in todo:
        started = time.monotonic()
        diagram = has_diagram(site, page)
        scores = run_lighthouse(site_url + page, reports / report_name(page))
        runs = [scores]
        # Scores vary between runs on a shared 2-core machine. A page
        # below a bar is measured twice more and scored by the median of
        # its three runs (Lighthouse's own advice on variance); every run
        # is kept in summary.json.
        if failures([{"page": page, "diagram": diagram, "scores": scores}]):
            for again in (2, 3):
                runs.append(run_lighthouse(site_url + page, reports / report_name(page, again)))
            scores = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
        rows.append({"page": page, "diagram": diagram, "scores": scores, "runs": runs,
                     "report": str((reports / report_name(page)).relative_to(out))})
        print(f"  /{page}: " + " ".join(f"{c}={scores[c]}" for c in CATEGORIES)
              + f" ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "lighthouse", help="report folder (gitignored)")
    parser.add_argument("--only", nargs="*", default=None, help="served paths to measure, e.g. '' en/hot/refund/")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse: node_modules/.bin/lighthouse missing: run `npm ci`")
    if not Path(CHROME_PATH).exists():
        sys.exit(f"lighthouse: no Chromium at {CHROME_PATH}; apt-get install chromium")

    reports = args.out / "reports"
    shutil.rmtree(reports, ignore_errors=True)
    reports.mkdir(parents=True)
    tmp = Path(tempfile.mkdtemp(prefix="partner-guide-lh-"))
    site = tmp / "site"
    try:
        with serving(site, compress=True) as site_url:
            built = build_site(site, site_url)
            if built.returncode != 0:
                sys.exit(f"lighthouse: mkdocs build --strict failed:\n{built.stdout}{built.stderr}")
            rows = measure(site, site_url, pages(site) if args.only is None else args.only, reports, args.out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    summary = {
        "measured_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "lighthouse": "12.2.3", "chrome": CHROME_PATH, "bars": {"all": BAR, "performance_with_diagram": BAR_DIAGRAM_PERFORMANCE},
        "pages": rows,
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = table(rows)
    (args.out / "summary.md").write_text(f"Lighthouse 12.2.3, mobile, {summary['measured_at']}\n\n{text}\n", encoding="utf-8")
    print(text)
    problems = failures(rows)
    for problem in problems:
        print(f"below the bar: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
