"""scripts/publish-cos.sh: the right Cache-Control for every file of the real site.

Runs the script against the session build with a stub `coscli` that records
its arguments (no network), then applies the script's include/exclude pattern
to every built file: exactly the files whose name changes with their content
(a content hash or a version in the path) get the year-long immutable header;
HTML, the sitemap, the search index and the unhashed assets get `no-cache`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from tests.support import ROOT

SCRIPT = ROOT / "scripts" / "publish-cos.sh"
# Independent of the script: Material's `name.<8 hex>.min.(js|css)[.map]`, or a
# `x.y.z` version in the file or folder name (the vendored Mermaid).
CONTENT_ADDRESSED_RE = re.compile(
    r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$|[-/]\d+\.\d+\.\d+[./]"
    r"|(^|/)search/[0-9a-f]{10}/"
)


def _run_with_stub(site_dir: Path, tmp_path: Path) -> list[list[str]]:
    log = tmp_path / "calls.jsonl"
    stub = tmp_path / "coscli"
    stub.write_text(
        f"#!/usr/bin/env python3\nimport json, sys\nopen({str(log)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n",
        encoding="utf-8",
    )
    stub.chmod(0o755)
    env = {**os.environ, "COSCLI": str(stub), "SITE_DIR": str(site_dir)}
    env.pop("DRY_RUN", None)
    result = subprocess.run([str(SCRIPT), "cos://partner-guide"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def _flag(call: list[str], name: str) -> str | None:
    return call[call.index(name) + 1] if name in call else None


def test_hashed_assets_go_first_immutable_then_everything_else_revalidated(site_dir, tmp_path):
    calls = _run_with_stub(site_dir, tmp_path)
    assert len(calls) == 2, calls
    first, second = calls
    for call in calls:
        assert call[:3] == ["sync", f"{site_dir}/", "cos://partner-guide/"] and "-r" in call
    assert _flag(first, "--meta") == "Cache-Control:public, max-age=31536000, immutable"
    assert _flag(second, "--meta") == "Cache-Control:no-cache"
    assert _flag(first, "--include") == _flag(second, "--exclude")  # together: every file, once

    pattern = re.compile(_flag(first, "--include"))
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    long_cached = {p for p in files if pattern.search(f"{site_dir}/{p.relative_to(site_dir).as_posix()}")}
    content_addressed = {p for p in files if CONTENT_ADDRESSED_RE.search(p.relative_to(site_dir).as_posix())}
    assert long_cached == content_addressed, {
        "immutable but not content-addressed": sorted(map(str, long_cached - content_addressed)),
        "content-addressed but revalidated": sorted(map(str, content_addressed - long_cached)),
    }
    rel = {p.relative_to(site_dir).as_posix() for p in long_cached}
    assert any(r.startswith("assets/javascripts/bundle.") for r in rel)
    assert any(r.startswith("assets/stylesheets/main.") for r in rel)
    assert any(r.startswith("assets/vendor/mermaid/esm-") for r in rel)
    assert any(r.startswith("search/") for r in rel) and any(r.startswith("en/search/") for r in rel)
    assert not any("workers/" in r for r in rel)  # the search worker is revalidated
    for must_revalidate in (
        "index.html",
        "404.html",
        "sitemap.xml",
        "search/search_index.json",
        "en/search/search_index.json",
        "assets/javascripts/workers/partner-search.js",
        "en/index.html",
        "assets/stylesheets/extra.css",
    ):
        if (site_dir / must_revalidate).exists():
            assert must_revalidate not in rel, must_revalidate


def test_publish_refuses_to_run_without_a_built_site(tmp_path):
    env = {**os.environ, "COSCLI": "/bin/false", "SITE_DIR": str(tmp_path / "nothing")}
    result = subprocess.run([str(SCRIPT), "cos://partner-guide"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "make build" in result.stderr
