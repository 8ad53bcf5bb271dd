"""`make bench`: build-performance benchmark of the partner guide.

Every figure is the median of RUNS timed runs after one warm-up run, or of
more where one round of the compared commands is short (each comparison gets
about SAMPLE_SECONDS of samples: a small site's difference from its baseline
is a fraction of a second, within the machine's noise), measured on this
machine in this run, compared commands run in alternation, and the verdicts
are ratios against baselines built in the same run, never absolute times:
shared machines are noisy. What is compared across sizes (time per
question, the one-page check) is measured for every size in one schedule,
so that a machine that runs slower for some minutes slows every size alike
(`across_sizes`, `checks_across_sizes`).

Measured:
  1. the real site's strict build (both editions) against an empty Material
     site with the same theme settings, plugins and both editions;
  2. the real build against the same build without the checking hook
     (hooks/checks.py), and against a build with no hooks at all;
  3. `make check` (`guide-check`) on the real docs against the full build;
  4. synthetic sites of 100, 1,000 and 5,000 questions, generated from the
     real pages' shapes (lists, registry links, admonitions, one diagram per
     10 questions, both languages, 10 questions a page, 10 pages a topic,
     10 topics a stage), each a git repository whose pages were committed in
     several commits, as in a real checkout (the last-updated dates come
     from git): build time and peak memory; time per question (the build
     time above that of the same synthetic site with no question); the
     build against the baseline a user would pick instead: the same pages
     and i18n with plain Material and mkdocs-git-revision-date-localized-plugin
     at its defaults, no hook; `make check` after a one-page edit (its cache
     warm, tools/check_cache.py) and without its cache (a first run in CI,
     the figure its 40% bar judges);
     the check of a one-page change (`guide-check --changed`); and the
     preview's reload: from saving an edit of a page's text, a heading, a
     link or a diagram under `mkdocs serve --dirty` (`make serve`) to the
     server answering with the change;
  5. the weight of every real page: bytes transferred for the HTML and every
     same-site resource it loads, gzip-compressed and uncompressed;
  6. search at scale on the smallest and the largest synthetic site, in
     Chromium on a phone on slow 4G (tools/search_bench.py): time from the key
     press to the first result and JS heap (page + worker), largest against
     smallest, and the search data a page downloads before search opens.

The tables and verdicts are also written to measurements/bench.md (with the date
and commit), which the maintainers' guide links, and the scale table into the
README between its markers, unless --quick or --results.

Usage: guide-bench [--runs N] [--sizes 100,1000,5000] [--quick] [--results FILE]   (make bench)
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from .. import REPO_ROOT as ROOT
from . import measurements, search_bench
from .site import copy_site

BIN = Path(sys.executable).parent
MKDOCS = [str(BIN / "mkdocs")]
CHECK = [str(BIN / "guide-check"), "docs"]
# Reloads timed per size (text, heading, link and diagram edits in turn): the watcher polls every half second,
# so a few edits give a median that moves with where they fall in its cycle.
RELOAD_EDITS = 12
# Seconds of samples per comparison (interleaved): a median of 5 builds of the
# 1,000-question site moved by 10% between runs on this machine, enough to flip
# a verdict at its margin. Short rounds (the real site, 100 questions) get more.
SAMPLE_SECONDS = 150
MAX_ROUNDS = 41
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# As `make build` and `make check` run (the Makefile): bytecode kept in the user's cache folder, not compiled anew.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
ENV.setdefault("PYTHONPYCACHEPREFIX", str(Path.home() / ".cache" / "partner-guide" / "pycache"))
ENV.pop("SOURCE_DATE_EPOCH", None)
# The hook that checks pages; the "without checks" build drops only it and
# keeps the ones that prepare the site (links, search, i18n, SEO, speed-ups).
CHECK_HOOKS = ("hooks/checks.py",)

# The `hooks:` block of mkdocs.yml: the key and its indented items/comments.
HOOKS_BLOCK = re.compile(r"^hooks:\n(?:(?:[ \t]+.*)?\n)*", re.M)
# The `nav:` block (the synthetic sites let MkDocs derive the nav).
NAV_BLOCK = re.compile(r"^nav:\n(?:(?:[ \t]+.*)?\n)*", re.M)
# The `nav_translations:` mapping of the i18n plugin, at any indentation.
NAV_TRANSLATIONS = re.compile(r"^([ \t]+)nav_translations:\n(?:\1[ \t]+.*\n)*", re.M)


# --------------------------------------------------------------------------
# Timing


# Where the runs keep their user cache (tools/user_cache.py: check findings, heading words): a folder per
# site, as a writer's machine holds one guide's; the sizes, measured in turn, would otherwise share one.
CACHES: list[Path] = []


def env_for(site: Path) -> dict[str, str]:
    """The environment of a command run in `site`."""
    return {**ENV, "PARTNER_GUIDE_CACHE": str(CACHES[-1] / site.name)} if CACHES else ENV


def run_timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time in seconds and peak memory (KiB) of one command."""
    # The log goes to a file, not a pipe: a full pipe would block the build.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env_for(cwd), stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            raise SystemExit(f"bench: {' '.join(cmd)} failed in {cwd}:\n{log.read()[-3000:]}")
    return elapsed, usage.ru_maxrss


def rounds_for(round_seconds: float, runs: int, seconds: float) -> int:
    """Rounds that give a comparison about `seconds` of samples: at least `runs`, at most MAX_ROUNDS."""
    return max(runs, min(MAX_ROUNDS, math.ceil(seconds / max(round_seconds, 1e-3))))


def interleaved(
    commands: dict[str, tuple[list[str], Path]], runs: int, seconds: float = SAMPLE_SECONDS
) -> dict[str, tuple[float, int, list[float]]]:
    """Run the commands in turn after a warm-up round: `runs` rounds, or as
    many as fill `seconds` at the warm-up round's pace, up to MAX_ROUNDS.

    Compared commands share each round's machine load, so their ratios and
    differences are steadier than those of runs made one command after the
    other. Returns per command: median time, peak memory and every sample.
    (`across_sizes` with one group: it runs once a round.)
    """
    return across_sizes({0: commands}, runs, seconds)[0]


# A smaller size's group runs about as many times a round as take this share of the largest group's time.
SMALL_SHARE = 0.4


def across_sizes(
    groups: dict[int, dict[str, tuple[list[str], Path]]], runs: int, seconds: float
) -> dict[int, dict[str, tuple[float, int, list[float]]]]:
    """Every size's group of commands (run in turn) in one schedule, after a warm-up of each: a round runs
    the largest size's group once and each smaller one as many times as take about SMALL_SHARE of that
    time, and there are as many rounds as fill `seconds` (at least `runs`). Each size's samples then come
    from the whole schedule: a machine that runs slower for a few minutes slows every size alike, where
    sizes measured one after the other would each take the speed of their own minutes. Returns per size
    and command: median time, peak memory and every sample (in the order run)."""
    warm = {size: sum(run_timed(cmd, cwd)[0] for cmd, cwd in group.values()) for size, group in groups.items()}
    largest = max(warm.values(), default=0.0)
    repeat = {size: max(1, round(SMALL_SHARE * largest / max(took, 1e-3))) for size, took in warm.items()}
    rounds = rounds_for(sum(warm[size] * repeat[size] for size in groups), runs, seconds)
    samples: dict[int, dict[str, list[tuple[float, int]]]] = {
        size: {name: [] for name in group} for size, group in groups.items()
    }
    for _ in range(rounds):
        for size, group in groups.items():
            for _ in range(repeat[size]):
                for name, (cmd, cwd) in group.items():
                    samples[size][name].append(run_timed(cmd, cwd))
    return {
        size: {
            name: (statistics.median(t for t, _ in got), max(m for _, m in got), [t for t, _ in got])
            for name, got in by_name.items()
        }
        for size, by_name in samples.items()
    }


def checks_across_sizes(sites: dict[int, Path], page: str, runs: int) -> dict[int, dict[str, float]]:
    """Per size, the median of `runs` (after a warm-up) of `make check` right after an edit of `page`
    ("check") and `guide-check --changed` of that page right after an edit ("one"), the sizes in turn, round
    after round, so that the one-page check compared across sizes is measured in the same minutes."""
    one_cmd = [CHECK[0], "--changed", page, page.replace(".md", ".en.md")]
    samples: dict[int, dict[str, list[float]]] = {size: {"check": [], "one": []} for size in sites}
    edits = 0
    for _ in range(runs + 1):
        for size, site in sites.items():
            for name, cmd in (("check", CHECK), ("one", one_cmd)):
                edit_page(site, page, edits)
                edits += 1
                samples[size][name].append(run_timed(cmd, site)[0])
    # The first round warms the file cache, Python's and the check cache up.
    return {size: {name: statistics.median(times[1:]) for name, times in got.items()} for size, got in samples.items()}


def build_cmd(config: str, site: Path, strict: bool = True) -> list[str]:
    # No -q: it silences warnings before --strict counts them.
    return [*MKDOCS, "build", *(["--strict"] if strict else []), "-f", config, "-d", str(site)]


# --------------------------------------------------------------------------
# Sites


def without_hooks(config_text: str, drop: tuple[str, ...] | None = None) -> str:
    """mkdocs.yml without the hooks in `drop` (all of them if None)."""

    def keep_only(match: re.Match[str]) -> str:
        items = [
            line
            for line in match.group(0).splitlines()[1:]
            if line.strip().startswith("- ") and drop is not None and not any(d in line for d in drop)
        ]
        return "hooks:\n" + "".join(f"{line}\n" for line in items) if items else ""

    return HOOKS_BLOCK.sub(keep_only, config_text)


def empty_material_site(dest: Path) -> Path:
    """The same theme settings, plugins (search, both editions) and Markdown
    extensions, no hook; one empty page per language.

    The two editions stay: the i18n plugin builds the site once per language,
    so an empty site of one language would halve the baseline and count the
    second edition's fixed cost as the guide's own.
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = without_hooks(text)
    text = NAV_BLOCK.sub("", text)
    text = NAV_TRANSLATIONS.sub("", text)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "hooks").mkdir()
    (dest / "docs" / "assets" / "stylesheets").mkdir(parents=True)
    shutil.copy2(ROOT / "docs/assets/stylesheets/extra.css", dest / "docs/assets/stylesheets")
    (dest / "docs" / "index.md").write_text("# 空\n", encoding="utf-8")
    (dest / "docs" / "index.en.md").write_text("# Empty\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


ZH_PAGE = """\
---
title: 合作伙伴问题集 {n}
description: 第 {n} 组合作伙伴常见问题：返佣、协议、电子授权书与退款。
---

# 合作伙伴问题集 {n}
"""
EN_PAGE = """\
---
title: Partner questions {n}
description: "Partner questions, set {n}: rebates, the agreement, the e-authorization certificate and refunds."
---

# Partner questions {n}
"""
ZH_QUESTION = """
## 合作伙伴返佣流程第 {q} 问？ {{#q-{q}}}

腾讯云每月 10 号统计上月业绩，签收发票后 15 个工作日付款。可在 [通知公告][announce] 查看返佣对账通知。

- 业绩结算环节：腾讯云每月 10 号统计上月业绩
- 核对账单环节：合作伙伴可下载账单核对返佣金额
- 返佣付款环节：腾讯云签收发票后 15 个工作日付款

>!
- 抵扣或代金券不予以退还。
- 如需了解相关事宜，可联系 [渠道小助手][assistant]。
"""
EN_QUESTION = """
## Rebate process, question {q}? {{#q-{q}}}

Tencent Cloud tallies the previous month's performance on the 10th of each month and pays 15 working days
after the invoice is signed for. See the rebate reconciliation notices in [Announcements][announce].

- Performance settlement: on the 10th of each month, Tencent Cloud tallies the previous month's performance
- Bill reconciliation: the partner downloads the bill and checks the rebate amount
- Rebate payment: Tencent Cloud pays 15 working days after signing for the invoice

>!
- Deductions and vouchers are not refunded.
- For related matters, contact the [Channel Assistant][assistant].
"""


def _diagram(settle: str, check: str, pay: str) -> str:
    return f'\n```mermaid\nflowchart TD\n  settle["{settle}"] --> check["{check}"]\n  check --> pay["{pay}"]\n```\n'


ZH_DIAGRAM = _diagram("业绩结算：每月10号", "核对账单", "签收发票后15个工作日付款")
EN_DIAGRAM = _diagram(
    "Settlement: 10th of each month", "Bill reconciliation", "Payment 15 working days after the invoice"
)
PER_PAGE = 10


def synthetic_site(dest: Path, questions: int) -> Path:
    copy_site(dest)
    config = dest / "mkdocs.yml"
    text = NAV_BLOCK.sub("", config.read_text(encoding="utf-8"))
    config.write_text(NAV_TRANSLATIONS.sub("", text), encoding="utf-8")
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text(
        "---\ntitle: 首页\ndescription: 合成站点。\n---\n\n# 首页\n\n合成站点：返佣问题集。\n", encoding="utf-8"
    )
    (docs / "index.en.md").write_text(
        "---\ntitle: Home\ndescription: Synthetic site.\n---\n\n# Home\n\nSynthetic site: rebate questions.\n",
        encoding="utf-8",
    )
    # Search synonyms for words these pages use (the real file's point at the real pages).
    (dest / "hooks" / "synonyms.yml").write_text(
        "zh:\n  返佣: [佣金, 返点, 提成]\nen:\n  rebate: [commission]\n", encoding="utf-8"
    )
    for page in range(questions // PER_PAGE):
        # Stages of topics of pages, as a real guide grows: 10 pages a topic,
        # 10 topics a stage.
        folder = docs / f"stage-{page // 100:02d}" / f"topic-{page // 10 % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        zh, en = [ZH_PAGE.format(n=page)], [EN_PAGE.format(n=page)]
        for q in range(page * PER_PAGE, (page + 1) * PER_PAGE):
            zh.append(ZH_QUESTION.format(q=q))
            en.append(EN_QUESTION.format(q=q))
            if q % 10 == 0:
                zh.append(ZH_DIAGRAM)
                en.append(EN_DIAGRAM)
        (folder / f"page-{page:04d}.md").write_text("".join(zh), encoding="utf-8")
        (folder / f"page-{page:04d}.en.md").write_text("".join(en), encoding="utf-8")
    return dest


def git(repo: Path, *args: str) -> None:
    env = {
        **ENV,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@localhost",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@localhost",
    }
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def commit_site(site: Path, chunks: int = 3) -> Path:
    """Make `site` a git repository: the configuration, then its pages in `chunks` commits, then an edit
    of every tenth page, so that pages have different last commits, as in a real checkout."""
    git(site, "init", "-q")
    git(site, "add", "mkdocs.yml", "hooks", "overrides", "docs/assets", "docs/index.md", "docs/index.en.md")
    git(site, "commit", "-qm", "site")
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "docs").glob("stage-*/**/*.md"))
    for chunk in range(chunks):
        part = pages[chunk::chunks]
        if part:
            git(site, "add", *part)
            git(site, "commit", "-qm", f"pages, part {chunk + 1}")
    edited = pages[::10]
    for page in edited:
        path = site / page
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    if edited:
        git(site, "commit", "-qam", "an edit")
    return site


PLAIN_CONFIG = ".bench-plain.yml"
DATE_PLUGIN = "  # The baseline's dates: the plugin at its defaults (make bench).\n  - git-revision-date-localized\n"


def plain_material_config(config_text: str) -> str:
    """The configuration a user would write with plain Material: the same pages, theme settings, Markdown
    extensions (but the guide's own) and i18n, mkdocs-git-revision-date-localized-plugin at its defaults
    (after i18n), no hook and no template override."""
    text = re.sub(r"^hooks:", DATE_PLUGIN + "\nhooks:", config_text, count=1, flags=re.MULTILINE)
    text = without_hooks(text)
    text = re.sub(r"^  - partner_guide\.markdown\.\w+:?\n(?:      .*\n)*", "", text, flags=re.MULTILINE)
    return re.sub(r"^  custom_dir: overrides\n", "", text, flags=re.MULTILINE)


# Edits a writer saves in the preview, in turn: text, a heading, a link, a diagram (both editions alike).
EDITS = (
    ("补充说明 {mark}。", "Note {mark}."),
    ("## 补充问题 {mark}？ {{#{mark}}}\n\n答案 {mark}。", "## Extra question {mark}? {{#{mark}}}\n\nAnswer {mark}."),
    ("请看 [通知公告][announce]（{mark}）。", "See [Announcements][announce] ({mark})."),
    (
        '```mermaid\nflowchart TD\n  a["{mark}"] --> b["付款"]\n```',
        '```mermaid\nflowchart TD\n  a["{mark}"] --> b["Pay"]\n```',
    ),
)


def edit_page(site: Path, page: str, number: int) -> str:
    """Append the `number`th edit (EDITS, in turn) to both editions of `page`; the mark it shows."""
    mark = f"bench-{number}-{time.time_ns()}"
    zh, en = EDITS[number % len(EDITS)]
    for name, text in ((page.replace(".md", ".en.md"), en), (page, zh)):
        path = site / name
        path.write_text(path.read_text(encoding="utf-8") + "\n" + text.format(mark=mark) + "\n", encoding="utf-8")
    return mark


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _body(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except OSError:
        return ""


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> float:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise SystemExit(f"bench: timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)
    return time.perf_counter() - start


# How often `mkdocs serve` looks for changes (mkdocs.livereload.LiveReloadServer's polling_interval).
WATCH_POLL = 0.5


def reload_times(site: Path, page: str, runs: int, log: Path) -> list[float]:
    """Seconds from saving an edit of `page` under `mkdocs serve --dirty` (make serve) to the server
    answering with it, `runs` times after a warm-up edit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page.removeprefix('docs/').removesuffix('.md')}/"
    phases = random.Random(runs)  # the same pauses in every run
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [*MKDOCS, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site,
            env=env_for(site),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait(lambda: "</html>" in _body(url), 3600, f"mkdocs serve in {site}")
        samples = []
        for number in range(runs + 1):
            mark = edit_page(site, page, 1000 + number)

            def served(mark: str = mark) -> bool:
                return mark in _body(url)

            samples.append(_wait(served, 600, f"the edit {mark} in {url}"))
            # Let the server go idle again, for a pause that varies: its watcher polls docs/ every 0.5 s, and
            # a fixed pause locks the edits onto one phase of it (the same code measured 0.5 s or 0.95 s).
            time.sleep(1 + WATCH_POLL * phases.random())
        return samples[1:]
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=60)


def index_size(site: Path) -> int:
    """Bytes of both editions' search index files."""
    return sum(
        p.stat().st_size
        for folder in (site / "search", site / "en" / "search")
        if folder.is_dir()
        for p in folder.rglob("*.json")
    )


# --------------------------------------------------------------------------
# Page weight


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        src, href = a.get("src"), a.get("href")
        if tag == "script" and src:
            self.urls.append(src)
        elif tag == "link" and a.get("rel") in ("stylesheet", "icon") and href:
            self.urls.append(href)
        elif tag == "img" and src:
            self.urls.append(src)


def page_weight(site: Path, html: Path) -> tuple[int, int, bool]:
    """(uncompressed, gzip-compressed) bytes of a page and what it loads at start."""
    parser = _Resources()
    text = html.read_text(encoding="utf-8")
    parser.feed(text)
    files = [html]
    for url in parser.urls:
        if "://" in url or url.startswith("data:"):
            continue
        target = (html.parent / url.split("?")[0].split("#")[0]).resolve()
        if target.is_file():
            files.append(target)
    raw = sum(f.stat().st_size for f in files)
    zipped = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return raw, zipped, 'class="mermaid"' in text


# --------------------------------------------------------------------------


# Search at scale (issue 13): largest synthetic site against the smallest.
SEARCH_QUERY = "返佣"
SEARCH_TIME_RATIO, SEARCH_HEAP_RATIO, SEARCH_BEFORE_BYTES = 1.5, 2.0, 4096


def search_section(tmp: Path, sizes: list[int], runs: int) -> tuple[list[tuple[str, str, str]], list[tuple[str, bool]]]:
    """Rows and verdicts for search on the smallest and largest synthetic sites built in `tmp`."""
    why = search_bench.unavailable()
    if len(sizes) < 2 or why:
        reason = why or "needs two synthetic sizes"
        return [("search at scale", "-", f"not measured: {reason}")], [(f"search at scale measured ({reason})", False)]
    small, large = sizes[0], sizes[-1]
    got = {size: search_bench.measure(tmp / f"out-syn-{size}", SEARCH_QUERY, runs) for size in (small, large)}
    rows = [
        (
            f"search, {size:,} questions, phone on slow 4G, {SEARCH_QUERY}",
            fmt_s(f.seconds),
            f"first result after the key press; heap {f.heap / 1e6:.1f} MB (page + worker);"
            f" before search opens: {f.before} B of search data, worker code {f.worker / 1024:.1f} KiB",
        )
        for size, f in got.items()
    ]
    time_ratio = got[large].seconds / got[small].seconds
    heap_ratio = got[large].heap / got[small].heap
    before = max(f.before for f in got.values())
    return rows, [
        (
            f"search time {large:,} vs {small:,} questions <= {SEARCH_TIME_RATIO}x (got {time_ratio:.2f}x)",
            time_ratio <= SEARCH_TIME_RATIO,
        ),
        (
            f"search heap {large:,} vs {small:,} questions <= {SEARCH_HEAP_RATIO}x (got {heap_ratio:.2f}x)",
            heap_ratio <= SEARCH_HEAP_RATIO,
        ),
        (
            f"search data before search opens <= {SEARCH_BEFORE_BYTES // 1024} KiB (got {before} B)",
            before <= SEARCH_BEFORE_BYTES,
        ),
    ]


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--quick", action="store_true", help="3 runs, sizes 100,1000 (not for the README)")
    parser.add_argument(
        "--results", help="where to write the results (default: measurements/bench.md, not with --quick)"
    )
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    sizes = [100, 1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    sample_seconds = 0.0 if args.quick else SAMPLE_SECONDS
    rows: list[tuple[str, str, str]] = []
    verdicts: list[tuple[str, bool]] = []
    measured = measurements.commit()  # the commit measured, even if one is made while the benchmark runs

    with tempfile.TemporaryDirectory(prefix="partner-bench-") as tmp_name:
        tmp = Path(tmp_name)
        # The user cache (check findings, heading words) starts empty and stays out of the user's.
        CACHES.append(tmp / "cache")
        # The real site is built where it is, with its git history (the
        # last-updated dates cost a `git log` per page); the variants'
        # configs sit beside mkdocs.yml because its paths are relative to it.
        real = ROOT
        config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        variants = {
            ROOT / ".bench-nochecks.yml": without_hooks(config_text, CHECK_HOOKS),
            ROOT / ".bench-nohooks.yml": without_hooks(config_text),
        }
        empty = empty_material_site(tmp / "empty")

        try:
            for path, text in variants.items():
                path.write_text(text, encoding="utf-8")
            got = interleaved(
                {
                    "empty": (build_cmd("mkdocs.yml", tmp / "out-empty"), empty),
                    "real": (build_cmd("mkdocs.yml", tmp / "out-real"), real),
                    "nochecks": (build_cmd(".bench-nochecks.yml", tmp / "out-nochecks"), real),
                    "nohooks": (build_cmd(".bench-nohooks.yml", tmp / "out-nohooks", strict=False), real),
                    "check": ([*CHECK[:1], "--no-cache", "docs"], real),
                },
                runs,
                sample_seconds,
            )
        finally:
            for path in variants:
                path.unlink(missing_ok=True)
        (t_empty, _, _), (t_real, mem_real, real_times) = got["empty"], got["real"]
        t_nochecks, t_nohooks, t_check = got["nochecks"][0], got["nohooks"][0], got["check"][0]

        rows += [
            ("empty Material site, same theme settings, both editions", fmt_s(t_empty), "baseline"),
            (
                "real site, strict, both editions",
                fmt_s(t_real),
                f"{t_real / t_empty:.2f}x empty (peak {mem_real // 1024} MiB; median of {len(real_times)} rounds)",
            ),
            (
                "real site without the checking hooks",
                fmt_s(t_nochecks),
                f"checks add {100 * (t_real / t_nochecks - 1):+.1f}%",
            ),
            (
                "real site without any hook",
                fmt_s(t_nohooks),
                f"all hooks: {t_real / t_nohooks:.2f}x (the speed-up hooks outweigh the rest)",
            ),
            (
                "make check without its cache (CI's first run), real docs",
                fmt_s(t_check),
                f"{100 * t_check / t_real:.0f}% of the build",
            ),
        ]
        verdicts += [
            ("real build <= 1.5x empty Material build", t_real <= 1.5 * t_empty),
            ("the checking hooks add <= 10%", t_real <= 1.10 * t_nochecks),
            ("all hooks together add <= 10%", t_real <= 1.10 * t_nohooks),
            # make check renders and judges every page as the build does (the HTML boundary, issue 11),
            # so it costs about what the build spends in Markdown; it still skips the theme, the second
            # pass and the search index. It was 20% when it only scanned the sources.
            ("make check (no cache, as CI's first run) <= 40% of a full build", t_check <= 0.40 * t_real),
        ]

        # The fixed cost of a synthetic site (same config, home pages only):
        # time per question is the median difference between a site and this
        # baseline, built right after it (across_sizes: small sites are built
        # more often, their difference is a fraction of a second).
        # Every synthetic site is a git repository with committed pages.
        base_site = commit_site(synthetic_site(tmp / "syn-0", 0))
        base_cmd = build_cmd("mkdocs.yml", tmp / "out-syn-0")
        per_question: dict[int, float] = {}
        figures: dict[int, dict[str, float]] = {}
        page = "docs/stage-00/topic-0/page-0000.md"
        sites = {}
        for size in sizes:
            site = sites[size] = commit_site(synthetic_site(tmp / f"syn-{size}", size))
            (site / PLAIN_CONFIG).write_text(
                plain_material_config((site / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
            )
        # Every size in one schedule: the figures compared across sizes come from the same minutes.
        builds = across_sizes(
            {
                size: {
                    "site": (build_cmd("mkdocs.yml", tmp / f"out-syn-{size}"), site),
                    "base": (base_cmd, base_site),
                    "plain": (build_cmd(PLAIN_CONFIG, tmp / f"out-plain-{size}", strict=False), site),
                    # make check without its cache: its bar is a share of the build, timed in the same rounds.
                    "cold": ([*CHECK[:1], "--no-cache", "docs"], site),
                }
                for size, site in sites.items()
            },
            runs,
            sample_seconds * len(sites),
        )
        checks = checks_across_sizes(sites, page, runs)
        for size, site in sites.items():
            got = builds[size]
            out = tmp / f"out-syn-{size}"
            t_build, mem, site_times = got["site"]
            t_plain, mem_plain, _ = got["plain"]
            differences = [t - b for t, b in zip(site_times, got["base"][2], strict=True)]
            per_question[size] = statistics.median(differences) / size
            t_cold, t_check, t_one = got["cold"][0], checks[size]["check"], checks[size]["one"]
            reloads = reload_times(site, page, max(runs, RELOAD_EDITS), tmp / f"serve-{size}.log")
            t_reload = statistics.median(reloads)
            figures[size] = {
                "build": t_build,
                "plain": t_plain,
                "check": t_check,
                "cold": t_cold,
                "one": t_one,
                "reload": t_reload,
            }
            rows += [
                (
                    f"synthetic, {size:,} questions ({size // PER_PAGE} pages x 2 languages), git, strict",
                    fmt_s(t_build),
                    (
                        f"{1000 * per_question[size]:.2f} ms/question (above {fmt_s(got['base'][0])} with none);"
                        f" peak {mem // 1024} MiB; search index {index_size(out) / 1024:.0f} KiB;"
                        f" median of {len(site_times)} builds"
                    ),
                ),
                (
                    f"  plain Material, same pages and i18n, date plugin at its defaults, {size:,} questions",
                    fmt_s(t_plain),
                    f"the guide's build is {t_build / t_plain:.2f}x this (peak {mem_plain // 1024} MiB)",
                ),
                (
                    f"  make check after a one-page edit, {size:,} questions",
                    fmt_s(t_check),
                    (
                        f"{100 * t_check / t_build:.0f}% of the build; without its cache (CI's first run)"
                        f" {fmt_s(t_cold)}, {100 * t_cold / t_build:.0f}%"
                    ),
                ),
                (f"  check of a one-page change (guide-check --changed), {size:,} questions", fmt_s(t_one), ""),
                (
                    f"  preview reload after saving a page (make serve), {size:,} questions",
                    fmt_s(t_reload),
                    f"median of {len(reloads)} edits: text, heading, link, diagram",
                ),
            ]
            verdicts.append(
                (
                    (
                        f"make check (no cache, as CI's first run) <= 40% of a build at {size:,} questions"
                        f" (got {100 * t_cold / t_build:.0f}%)"
                    ),
                    t_cold <= 0.40 * t_build,
                )
            )
            figures[size]["memory"] = mem
            if size >= 1000:
                verdicts.append(
                    (
                        (
                            f"build <= 1.0x plain Material with the date plugin at {size:,} questions"
                            f" (got {t_build / t_plain:.2f}x)"
                        ),
                        t_build <= t_plain,
                    )
                )
        if len(per_question) > 1:
            low, high = min(per_question.values()), max(per_question.values())
            verdicts.append(
                (
                    (
                        f"time per question flat within 25% ({', '.join(f'{s:,}' for s in per_question)};"
                        f" got {high / low:.2f}x)"
                    ),
                    high <= 1.25 * low,
                )
            )
            small, large = min(figures), max(figures)
            for key, what in (("one", "one-page check"), ("reload", "preview reload")):
                ratio = figures[large][key] / figures[small][key]
                verdicts.append(
                    (f"{what} at {large:,} questions <= 1.5x at {small:,} (got {ratio:.2f}x)", ratio <= 1.5)
                )

        rows_search, verdicts_search = search_section(tmp, sorted(per_question), runs=search_bench.RUNS)
        rows += rows_search
        verdicts += verdicts_search

        weights = []
        out_real = tmp / "out-real"
        for html in sorted(out_real.rglob("index.html")):
            raw, zipped, diagram = page_weight(out_real, html)
            rel = "/" + str(html.parent.relative_to(out_real)).replace(".", "").strip("/")
            weights.append((rel.rstrip("/") + "/", raw, zipped, diagram))

    header = (
        f"Partner guide benchmark, {date.today()} at {measured} on {platform.node()} "
        f"({os.cpu_count()} CPUs, Python {platform.python_version()}); median of {runs} runs after a warm-up"
        + (
            f", or of more for builds compared in alternation ({sample_seconds:.0f} s of samples each)"
            if sample_seconds
            else ""
        )
    )
    width = max(len(r[0]) for r in rows)
    lines = [header, "", f"| {'what':<{width}} | time | compared |", f"|{'-' * (width + 2)}|------|----------|"]
    lines += [f"| {what:<{width}} | {t} | {note} |" for what, t, note in rows]
    lines += ["", "| page | diagram | uncompressed | gzip |", "|------|---------|--------------|------|"]
    lines += [
        f"| {rel} | {'yes' if diagram else 'no'} | {raw / 1024:.0f} KiB | {zipped / 1024:.0f} KiB |"
        for rel, raw, zipped, diagram in weights
    ]
    print("\n" + "\n".join(lines))
    status = report_verdicts(verdicts)
    results = args.results or (None if args.quick else ROOT / "measurements" / "bench.md")
    if results is not None:
        write_results(Path(results), lines, verdicts)
        if not args.results and len(figures) > 1:
            write_readme_table(ROOT / "README.md", readme_table(header, figures, per_question, verdicts))
    return status


def write_results(path: Path, lines: list[str], verdicts: list[tuple[str, bool]]) -> None:
    """The run's tables and verdicts as Markdown (measurements/bench.md), generated: never edited by hand."""
    path.parent.mkdir(parents=True, exist_ok=True)
    generated = "<!-- Generated by `make bench` (partner_guide/tools/bench.py); do not edit. -->"
    text = [
        "# Benchmark results",
        "",
        generated,
        "",
        *lines,
        "",
        *[f"- {'PASS' if ok else 'FAIL'}  {what}" for what, ok in verdicts],
    ]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"\nwritten: {path}")


README_START = "<!-- make bench: scale table -->"
README_END = "<!-- end of make bench's table -->"


def readme_table(
    header: str,
    figures: dict[int, dict[str, float]],
    per_question: dict[int, float],
    verdicts: list[tuple[str, bool]],
) -> list[str]:
    """The scale figures of one run, for the README (between its markers), with the run's verdicts counted."""
    lines = [
        f"{header.replace('Partner guide benchmark, ', 'From one `make bench` run, ')}:",
        "",
        "| questions | build, dates from git | per question | vs plain Material + dates | make check, no cache"
        " | one-page check | preview reload | peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, got in sorted(figures.items()):
        lines.append(
            f"| {size:,} | {fmt_s(got['build'])} | {1000 * per_question[size]:.2f} ms"
            f" | {got['build'] / got['plain']:.2f}x | {100 * got['cold'] / got['build']:.0f}% of the build"
            f" | {fmt_s(got['one'])} | {fmt_s(got['reload'])}"
            f" | {int(got['memory']) // 1024} MiB |"
        )
    failed = [what for what, ok in verdicts if not ok]
    lines += [
        "",
        f"{len(verdicts) - len(failed)} of {len(verdicts)} bars pass"
        + (f"; failed: {'; '.join(failed)}" if failed else "")
        + " ([all figures](measurements/bench.md)).",
    ]
    return lines


def write_readme_table(readme: Path, table: list[str]) -> None:
    """Replace what stands between the README's markers with `table` (the README is otherwise untouched)."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        print(f"bench: {readme} has no {README_START!r} ... {README_END!r}: its table is not written", file=sys.stderr)
        return
    text = text[: start + len(README_START)] + "\n" + "\n".join(table) + "\n" + text[end:]
    readme.write_text(text, encoding="utf-8")
    print(f"written: the table in {readme}")


def report_verdicts(verdicts: list[tuple[str, bool]]) -> int:
    """Print one PASS/FAIL line per verdict; the exit status (1 if any failed)."""
    print()
    for what, ok in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {what}")
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
