"""The page pipeline is a Python-Markdown extension (issue 18): a page rendered with plain Python-Markdown
and mkdocs.yml's extensions, in a process that never imports MkDocs, gives the same article HTML and the
same findings as the build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from partner_guide.tools.site import build_site, copy_site

from tests.support import ROOT, html_pages

PAGE = """---
title: 示例
description: 一页示例。
---

# 示例

## 合作伙伴怎么申请？ {#apply}

见 [通知公告][announce] 与 [外站](https://evil.example/x)，电话 0755-12345678。

>? 说明：审核需要 5 个工作日。

## 没有标识的标题

```mermaid
flowchart TD
  a["申请"] --> b["审核"]
```

<span onclick="alert(1)">点</span>
"""
# Relative links between pages are MkDocs' to rewrite (`apply.md` -> `../apply/`), not the extension's.
RELATIVE_HREF_RE = re.compile(r'href="(?!https?:|#|mailto:|tel:)[^"]*"')
RENDER = """
import json, sys
from pathlib import Path
from partner_guide.checks.findings import format_finding
from partner_guide.checks.rendered import render_page
from partner_guide.compat.mkdocs_build import markdown_config
from partner_guide.registry import load_registry
pages = {}
for path in sys.argv[2:]:
    page = render_page(Path(sys.argv[1], path).read_text(encoding="utf-8"), path, load_registry(),
                       markdown_config(Path(sys.argv[1], "mkdocs.yml")))
    pages[path] = {"html": page.html, "findings": [format_finding(f) for f in page.findings]}
assert not any(name == "mkdocs" or name.startswith("mkdocs.") for name in sys.modules), "MkDocs was imported"
print(json.dumps(pages))
"""


def plain(site, paths: list[str]) -> dict:
    """Each page rendered by plain Python-Markdown in a process of its own (no MkDocs in it)."""
    result = subprocess.run(
        [sys.executable, "-c", RENDER, str(site), *paths], capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(result.stdout)


def article(html_file) -> str:
    return RELATIVE_HREF_RE.sub('href=""', html_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    site = copy_site(tmp_path_factory.mktemp("extension") / "site", navigation=False)
    shutil.copytree(ROOT / "docs" / "assets", site / "docs" / "assets")
    for name in ("index.md", "index.en.md"):
        shutil.copy2(ROOT / "docs" / name, site / "docs" / name)
    (site / "docs" / "example.md").write_text(PAGE, encoding="utf-8")
    (site / "docs" / "example.en.md").write_text(PAGE, encoding="utf-8")
    result = build_site(site / "out", "http://127.0.0.1:9/", config=site / "mkdocs.yml", cwd=site)
    return site, result.stdout + result.stderr


def test_a_page_with_findings_renders_and_reports_as_in_the_build(example_build):
    site, log = example_build
    page = plain(site, ["docs/example.md"])["docs/example.md"]
    assert page["findings"] and {"LINK-HOST", "LINK-PHONE", "HYG-ID", "SAFE-EVENT"} <= {
        line.split(" ")[1] for line in page["findings"]
    }
    logged = sorted(
        line.split("hooks/checks: ", 1)[1] for line in log.splitlines() if "hooks/checks: docs/example.md:" in line
    )
    assert sorted(page["findings"]) == logged
    assert page["html"] in article(site / "out" / "example" / "index.html")


@pytest.mark.content  # every page of docs/ renders without a finding: the fast lane runs it
def test_every_page_of_the_site_renders_as_in_the_build(site_dir):
    paths = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "docs").rglob("*.md"))
    pages = plain(ROOT, paths)
    built = {page.relative_to(site_dir).as_posix(): page for page in html_pages(site_dir)}
    for path in paths:
        rel = path.removeprefix("docs/")
        lang, base = ("en/", rel[:-6]) if rel.endswith(".en.md") else ("", rel[:-3])
        out = f"{lang}{base.removesuffix('index')}{'' if base.endswith('index') else '/'}index.html"
        assert pages[path]["findings"] == [], path
        assert RELATIVE_HREF_RE.sub('href=""', pages[path]["html"]) in article(built[out]), path
