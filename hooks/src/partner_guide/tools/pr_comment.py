"""`guide-pr-comment`: the pages a pull request changes, and the one comment that lists their previews.

Two halves, run by two different jobs (README, "Publishing"):

    guide-pr-comment meta --base REV --pr N --head-sha SHA [--built] [--log FILE ...] --out meta.json
    guide-pr-comment comment --meta meta.json --preview-url URL [--fork --artifact-url URL] [--wait S] [--out F]
    guide-pr-comment pr --meta meta.json

- `meta`, in the unprivileged build job (.github/workflows/preview.yml): the
  files `git diff --name-status -M REV HEAD` names, the findings the logs of
  `make check` and the build printed (`path:line:col: RULE-ID …`), whether the
  strict build passed. Written as JSON beside the built site, in the artifact.
- `comment`, in the job that holds the write token (preview-deploy.yml): the
  artifact is untrusted data, so `load_meta` keeps only well-formed entries
  (a number, paths of a safe alphabet, rule ids) and every link is built here
  from the trusted preview address. With `--wait` it first polls the preview
  until it answers, so the comment never links to a 404.
- `pr`: the metadata's pull-request number, validated (the workflow then
  checks that this pull request's head is the commit that was built).

Pages map to addresses as MkDocs builds them (`use_directory_urls`, the i18n
plugin's suffix structure): docs/x.md is `x/`, docs/x.en.md is `en/x/`,
docs/hot/index.md is `hot/`. A file that every page is built from
(mkdocs.yml, hooks/, overrides/, docs/assets/…) means every page may change.
Standard library only: the privileged job runs it without installing the site.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..languages import LANGS, edition, edition_root

MARKER = "<!-- partner-guide-preview -->"
DOCS = "docs/"
# Each edition's column in the comment's table, its links' text, and its home page's link text.
COLUMNS = {"zh": "中文", "en": "English"}
LINK_WORDS = {"zh": "预览", "en": "preview"}
HOME_WORDS = {"zh": "首页", "en": "Home"}
# Files every page is built from: a change to one may change any page.
SITE_WIDE_FILES = ("mkdocs.yml", "pyproject.toml")
SITE_WIDE_FOLDERS = ("hooks/", "overrides/")
# Untrusted metadata: what a path, a rule and a commit may look like, and how many are read.
SAFE_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,199}")
RULE = re.compile(r"[A-Z][A-Z0-9-]{1,49}")
SHA = re.compile(r"[0-9a-f]{40}")
MAX_CHANGES = 1000
MAX_FINDINGS = 5000
MAX_ROWS = 100  # pages listed in the comment; the rest are counted
COLLAPSE_AFTER = 10  # more rows than this: the table is in a <details>
# A finding as `make check` prints it, at the start of a line, or as the build logs it after
# "WARNING -  hooks/checks: ".
FINDING_LINE = re.compile(
    r"(?:^|^WARNING\s+-\s+\S+: )(?P<path>[^\s:]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z][A-Z0-9-]+) ", re.M
)
STATUS_WORDS = {"added": "新增 · added", "changed": "修改 · changed", "renamed": "改名 · renamed"}


@dataclass(frozen=True)
class Change:
    """One line of `git diff --name-status -M`: A, M, D or R (C and T are read as A and M)."""

    status: str
    path: str
    old: str | None = None


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    rule: str


@dataclass
class PageChange:
    """A page (both editions share its address below the edition root) and what changed in it."""

    url: str  # "hot/rebate/", "" for the home page
    status: str  # added | changed | renamed
    editions: list[str] = field(default_factory=list)  # the editions whose source changed
    renamed_from: str | None = None
    findings: int = 0


@dataclass
class Summary:
    pages: list[PageChange]
    removed: list[tuple[str, str]]  # (language, url) of pages that no longer exist
    site_wide: list[str]  # changed files that every page is built from


@dataclass
class Meta:
    """The build job's metadata, as far as it is well-formed."""

    pr: int
    head_sha: str
    built: bool
    changes: list[Change]
    findings: list[Finding]
    ignored: int = 0  # malformed entries left out


# ---------------------------------------------------------------- changed files -> pages


def parse_name_status(text: str) -> list[Change]:
    """`git diff --name-status -M` output as changes (tab-separated; R and C carry a score and two paths)."""
    changes = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        kind = parts[0][0]
        if kind in "RC" and len(parts) >= 3:
            changes.append(Change("R", parts[2], parts[1]) if kind == "R" else Change("A", parts[2]))
        elif kind in "AMDT":
            changes.append(Change("M" if kind == "T" else kind, parts[1]))
    return changes


def page_of(path: str) -> tuple[str, str] | None:
    """(language, address below the edition root) of a page's source file; None for any other file."""
    if not path.startswith(DOCS) or not path.endswith(".md") or path.startswith(DOCS + "assets/"):
        return None
    lang, default = edition(path)
    stem = default[len(DOCS) : -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return lang, f"{stem}/" if stem else ""


def is_site_wide(path: str) -> bool:
    """A file every page is built from (configuration, hooks, theme overrides, docs/ files that are not pages)."""
    if path in SITE_WIDE_FILES or path.startswith(SITE_WIDE_FOLDERS):
        return True
    return path.startswith(DOCS) and page_of(path) is None


def summarize(changes: Iterable[Change], findings: Iterable[Finding] = ()) -> Summary:
    """The pages a change set adds, changes, renames and removes, in both editions."""
    pages: dict[str, PageChange] = {}
    removed: list[tuple[str, str]] = []
    site_wide: list[str] = []

    def touch(url: str, lang: str, status: str, renamed_from: str | None = None) -> None:
        page = pages.setdefault(url, PageChange(url, status))
        # One edition added and the other changed is still a change; a rename names where it was.
        if status == "renamed" or (status == "changed" and page.status == "added"):
            page.status = status
        page.renamed_from = renamed_from or page.renamed_from
        if lang not in page.editions:
            page.editions.append(lang)

    for change in changes:
        new = page_of(change.path)
        old = page_of(change.old) if change.old else None
        if new is None and old is None:
            if is_site_wide(change.path) or (change.old and is_site_wide(change.old)):
                site_wide.append(change.path)
            continue
        if change.status == "D":
            if new:
                removed.append(new)
        elif change.status == "R" and old and new is None:
            removed.append(old)  # a page that became another kind of file
        elif change.status == "R" and old and new and old[1] != new[1]:
            touch(new[1], new[0], "renamed", old[1])
        elif change.status == "R" and old and new:
            touch(new[1], new[0], "changed")
            if old[0] != new[0]:
                removed.append(old)  # the same address, moved to the other edition
        elif new:
            touch(new[1], new[0], "added" if change.status in ("A", "R") else "changed")
    removed = sorted({item for item in removed if item[1] not in pages or item[0] not in pages[item[1]].editions})
    counts: dict[str, int] = {}
    for finding in findings:
        where = page_of(finding.path)
        if where:
            counts[where[1]] = counts.get(where[1], 0) + 1
    for page in pages.values():
        page.editions.sort(key=LANGS.index)
        page.findings = counts.get(page.url, 0)
    return Summary(sorted(pages.values(), key=lambda p: p.url), removed, sorted(set(site_wide)))


def parse_findings(text: str) -> list[Finding]:
    """The findings in a log (`path:line:col: RULE-ID message`), each once."""
    seen: dict[tuple[str, int, int, str], Finding] = {}
    for match in FINDING_LINE.finditer(text):
        finding = Finding(match["path"], int(match["line"]), int(match["col"]), match["rule"])
        seen.setdefault((finding.path, finding.line, finding.col, finding.rule), finding)
    return list(seen.values())


# ---------------------------------------------------------------- untrusted metadata


def load_meta(text: str) -> Meta:
    """The artifact's metadata, keeping only well-formed entries; ValueError if the number or commit is not."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("metadata is not an object")
    pr, sha = data.get("pr"), data.get("head_sha")
    if not isinstance(pr, int) or isinstance(pr, bool) or not 0 < pr < 10**9:
        raise ValueError("metadata has no valid pull-request number")
    if not isinstance(sha, str) or not SHA.fullmatch(sha):
        raise ValueError("metadata has no valid commit")
    ignored = 0
    changes: list[Change] = []
    for item in _list(data.get("changes"))[:MAX_CHANGES]:
        change = _change(item)
        if change is None:
            ignored += 1
        else:
            changes.append(change)
    findings: list[Finding] = []
    for item in _list(data.get("findings"))[:MAX_FINDINGS]:
        finding = _finding(item)
        if finding is None:
            ignored += 1
        else:
            findings.append(finding)
    return Meta(pr, sha, data.get("built") is True, changes, findings, ignored)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _safe_path(value: Any) -> bool:
    return isinstance(value, str) and bool(SAFE_PATH.fullmatch(value)) and ".." not in value.split("/")


def _change(item: Any) -> Change | None:
    if not isinstance(item, dict) or item.get("status") not in ("A", "M", "D", "R") or not _safe_path(item.get("path")):
        return None
    old = item.get("old")
    if item["status"] == "R" and not _safe_path(old):
        return None
    return Change(item["status"], item["path"], old if item["status"] == "R" else None)


def _finding(item: Any) -> Finding | None:
    if not isinstance(item, dict) or not _safe_path(item.get("path")):
        return None
    line, col, rule = item.get("line"), item.get("col"), item.get("rule")
    if not (isinstance(line, int) and isinstance(col, int) and isinstance(rule, str) and RULE.fullmatch(rule)):
        return None
    return Finding(item["path"], line, col, rule)


def meta_json(pr: int, head_sha: str, built: bool, changes: Sequence[Change], findings: Sequence[Finding]) -> str:
    data = {
        "pr": pr,
        "head_sha": head_sha,
        "built": built,
        "changes": [{"status": c.status, "path": c.path, **({"old": c.old} if c.old else {})} for c in changes],
        "findings": [{"path": f.path, "line": f.line, "col": f.col, "rule": f.rule} for f in findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------- the comment


def preview_links(preview_url: str, url: str) -> dict[str, str]:
    """The page's address in each edition of the preview."""
    base = preview_url.rstrip("/") + "/"
    return {lang: base + edition_root(lang) + url for lang in LANGS}


def _shown(url: str) -> str:
    return f"`/{url}`"


def _findings_line(count: int) -> str:
    if count == 0:
        return "检查没有发现问题 · No findings."
    return (
        f"检查发现 **{count}** 个问题，见 make verify 检查中标出的行 · "
        f"**{count}** finding(s): see the lines marked in the `make verify` check."
    )


def render_comment(meta: Meta, preview_url: str | None, *, fork: bool = False, artifact_url: str | None = None) -> str:
    """The pull request's one comment: every changed page with its links, the removed pages, the findings."""
    summary = summarize(meta.changes, meta.findings)
    lines = [MARKER, "### 预览 · Preview", ""]
    lines.append(f"提交 · Commit `{meta.head_sha[:7]}`. {_findings_line(len(meta.findings))}")
    lines.append("")
    if not meta.built:
        lines += [
            "严格构建失败，修正上述问题后才有预览。 · The strict build failed: the preview appears once the "
            "findings are fixed.",
            "",
        ]
    elif fork:
        where = f"[`site-preview`]({artifact_url})" if artifact_url else "`site-preview`"
        lines += [
            f"来自复刻仓库的拉取请求没有在线预览 · A pull request from a fork has no online preview: "
            f"download {where}, unzip it, run `python3 -m http.server 8000 -d site` there and open "
            "http://127.0.0.1:8000/.",
            "",
        ]
    links = not fork and meta.built and preview_url
    if summary.pages:
        columns = ["页面 · Page", "变更 · Change", *(COLUMNS.get(lang, lang) for lang in LANGS), "问题 · Findings"]
        rows = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for page in summary.pages[:MAX_ROWS]:
            change = STATUS_WORDS[page.status]
            if page.renamed_from is not None:
                change += f" ← {_shown(page.renamed_from)}"
            cells = {lang: "—" for lang in LANGS}
            if links:
                assert preview_url is not None
                for lang, href in preview_links(preview_url, page.url).items():
                    gone = (lang, page.url) in summary.removed
                    cells[lang] = "—" if gone else f"[{LINK_WORDS.get(lang, lang)}]({href})"
            edited = " + ".join(page.editions)
            links_cells = " | ".join(cells[lang] for lang in LANGS)
            rows.append(f"| {_shown(page.url)} ({edited}) | {change} | {links_cells} | {page.findings} |")
        more = len(summary.pages) - MAX_ROWS
        if more > 0:
            rows.append(f"| … {more} more |" + " |" * (len(columns) - 1))
        if len(summary.pages) > COLLAPSE_AFTER:
            lines += [
                f"<details><summary>{len(summary.pages)} 个页面 · pages changed</summary>",
                "",
                *rows,
                "",
                "</details>",
            ]
        else:
            lines += rows
        lines.append("")
    if summary.removed:
        shown = ", ".join(f"{_shown(edition_root(lang) + url)} ({lang})" for lang, url in summary.removed)
        lines += [f"**已删除 · Removed:** {shown}", ""]
    if summary.site_wide:
        files = ", ".join(f"`{path}`" for path in summary.site_wide[:20])
        home = ""
        if links:
            assert preview_url is not None
            home_links = preview_links(preview_url, "")
            home = " " + " · ".join(f"[{HOME_WORDS.get(lang, lang)}]({home_links[lang]})" for lang in LANGS)
        lines += [f"**全站 · Site-wide:** {files} — 每个页面都可能变化 · every page may change.{home}", ""]
    if not (summary.pages or summary.removed or summary.site_wide):
        lines += ["没有页面变化 · No page changed.", ""]
    if meta.ignored:
        lines += [f"({meta.ignored} malformed metadata entries were ignored.)", ""]
    lines.append(
        "<sub>预览不会被搜索引擎收录，拉取请求关闭后删除。 · The preview is noindex and is removed when the "
        "pull request closes.</sub>"
    )
    return "\n".join(lines) + "\n"


def first_page_url(meta: Meta, preview_url: str) -> str:
    """The address to poll: the first changed page still there, else the home page."""
    summary = summarize(meta.changes)
    for page in summary.pages:
        for lang in page.editions:
            if (lang, page.url) not in summary.removed:
                return preview_links(preview_url, page.url)[lang]
    return preview_url.rstrip("/") + "/"


def wait_until_answers(url: str, timeout: float, interval: float = 10.0) -> bool:
    """Poll `url` until it answers 200 (GitHub Pages takes 30-60 s after a push), at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            pass
        if time.monotonic() + interval > deadline:
            return False
        time.sleep(interval)


# ---------------------------------------------------------------- command line


def changed_files(base: str, cwd: Path) -> list[Change]:
    result = subprocess.run(
        ["git", "diff", "--name-status", "-M", "--no-color", base, "HEAD"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_name_status(result.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide-pr-comment", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    meta_cmd = sub.add_parser("meta", help="the build job's metadata (changed files, findings) as JSON")
    meta_cmd.add_argument("--base", required=True, help="the revision the pull request is compared with")
    meta_cmd.add_argument("--pr", required=True, type=int)
    meta_cmd.add_argument("--head-sha", required=True)
    meta_cmd.add_argument("--built", action="store_true", help="the strict build passed")
    meta_cmd.add_argument("--log", action="append", default=[], type=Path, help="a log with finding lines")
    meta_cmd.add_argument("--out", required=True, type=Path)
    comment_cmd = sub.add_parser("comment", help="the comment, from the artifact's (untrusted) metadata")
    comment_cmd.add_argument("--meta", required=True, type=Path)
    comment_cmd.add_argument("--preview-url", help="the preview's address (same-repository pull requests)")
    comment_cmd.add_argument("--fork", action="store_true")
    comment_cmd.add_argument("--artifact-url")
    comment_cmd.add_argument("--wait", type=float, default=0, help="poll the preview this many seconds first")
    comment_cmd.add_argument("--out", type=Path)
    pr_cmd = sub.add_parser("pr", help="the metadata's pull-request number")
    pr_cmd.add_argument("--meta", required=True, type=Path)
    args = parser.parse_args(argv)

    if args.command == "meta":
        logs = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in args.log if path.is_file())
        changes = changed_files(args.base, Path.cwd())
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(
            meta_json(args.pr, args.head_sha, args.built, changes, parse_findings(logs)), encoding="utf-8"
        )
        return 0
    try:
        meta = load_meta(args.meta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"guide-pr-comment: unusable metadata: {error}", file=sys.stderr)
        return 2
    if args.command == "pr":
        print(meta.pr)
        return 0
    if args.wait and meta.built and not args.fork and args.preview_url:
        url = first_page_url(meta, args.preview_url)
        if not wait_until_answers(url, args.wait):
            print(f"guide-pr-comment: the preview did not answer at {url} within {args.wait:.0f} s", file=sys.stderr)
            return 1
    text = render_comment(meta, args.preview_url, fork=args.fork, artifact_url=args.artifact_url)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
