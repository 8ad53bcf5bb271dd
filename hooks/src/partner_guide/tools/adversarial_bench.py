"""`guide-adversarial-bench` (part of `make bench`): adversarial input stays fast to check and to build.

Issue 11's bounds, measured on this machine (absolute times, as the issue
states them; medians of RUNS runs, each in a fresh process):

- a 1 MB adversarial page (unclosed brackets and tags, emphasis and
  backtick runs, comment openers, deep nesting, scripts and handlers):
  `guide-check` on it <= 2 s, and a strict build of a site holding it
  <= 20 s (it is reported as LIMIT-SIZE and not rendered);
- a page of the same mix just under the size limit, which is rendered and
  judged in full: the same two bounds;
- every case of the adversarial corpus (tests/adversarial.py) checked on its
  own, in-process: <= 10 s each; the whole corpus built at once: <= 60 s.

Usage: guide-adversarial-bench [--runs N]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from .. import REPO_ROOT
from ..checks.limits import MAX_PAGE_CHARS
from ..compat.mkdocs_build import markdown_config
from ..registry import load_registry
from .bench import report_verdicts
from .check import check_file
from .site import build_env, copy_site, venv_command

FRONT = "---\ntitle: 压力\ndescription: 压力测试页。\n---\n\n# 压力\n\n"
MIX = (
    "[" * 30
    + " "
    + "<a " * 30
    + "*a" * 100
    + "`a" * 100
    + "\n\n"
    + "<!--\n\n"
    + ">" * 40
    + " x\n\n"
    + "".join("    " * i + "- x\n" for i in range(30))
    + "\n"
    + '<img src=x onerror="window.PWNED=1">\n\n'
    + "<script>window.PWNED=1</script>\n\n"
    + "## 问题？ {#"
    + "a" * 2000
    + "\n\n"
    + "&amp;" * 500
    + "\n\n"
)


def adversarial_page(size: int) -> str:
    return FRONT + MIX * (size // len(MIX) + 1)


def site_with(page: str, dest: Path) -> Path:
    """A copy of the site with its docs and the stress page in both editions."""
    copy_site(dest, navigation=False)
    shutil.copytree(REPO_ROOT / "docs", dest / "docs")
    for name in ("stress.md", "stress.en.md"):
        (dest / "docs" / name).write_text(page, encoding="utf-8")
    return dest


def timed(cmd: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=build_env("http://127.0.0.1:8000/"), capture_output=True, timeout=600)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _corpus() -> ModuleType:
    """tests/adversarial.py, the corpus, loaded from its file (it is test data, not part of the package)."""
    path = REPO_ROOT / "tests" / "adversarial.py"
    spec = importlib.util.spec_from_file_location("adversarial_corpus", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the adversarial corpus from {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def corpus_times(root: Path) -> tuple[float, str, float]:
    """(the slowest case's check time, its name, the whole corpus's strict build time)."""
    corpus = _corpus()
    site = corpus.write_site(root, REPO_ROOT)
    registry, markdown = load_registry(), markdown_config(REPO_ROOT / "mkdocs.yml")
    slowest, name = 0.0, ""
    for case in corpus.page_cases():
        path = site / "docs" / "adv" / corpus.source_name(case)
        text = path.read_bytes().decode("utf-8", errors="replace")
        start = time.perf_counter()
        check_file(text, f"docs/adv/{path.name}", registry, markdown)
        elapsed = time.perf_counter() - start
        if elapsed > slowest:
            slowest, name = elapsed, case.name
    build = timed([venv_command("mkdocs"), "build", "--strict", "-d", str(root / "out")], site, 1)
    return slowest, name, build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    verdicts: list[tuple[str, bool]] = []
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="partner-guide-adversarial-bench-") as tmp:
        for label, size in (
            ("1 MB adversarial page", 1_000_000),
            ("adversarial page under the size limit", MAX_PAGE_CHARS - 4096),
        ):
            site = site_with(adversarial_page(size), Path(tmp) / label.replace(" ", "-"))
            check = timed([venv_command("guide-check"), "docs/stress.md"], site, args.runs)
            build = timed([venv_command("mkdocs"), "build", "--strict", "-d", str(site / "out")], site, args.runs)
            rows += [(f"make check, {label}", check), (f"make build, site with the {label}", build)]
            verdicts += [(f"{label}: checked in <= 2 s", check <= 2), (f"{label}: built in <= 20 s", build <= 20)]
        slowest, name, corpus_build = corpus_times(Path(tmp) / "corpus")
        rows += [(f"slowest corpus case checked ({name})", slowest), ("the whole corpus built, strict", corpus_build)]
        verdicts += [
            ("every corpus case checked in <= 10 s", slowest <= 10),
            ("the whole corpus built in <= 60 s", corpus_build <= 60),
        ]
    print(f"\nAdversarial input, medians of {args.runs} runs ({os.cpu_count()} cores)\n")
    for what, seconds in rows:
        print(f"| {what:<64} | {seconds:6.2f} s |")
    return report_verdicts(verdicts)


if __name__ == "__main__":
    sys.exit(main())
