"""`make serve`'s partial rebuild: what it writes, and that it writes it as a full rebuild would (issue 20).

`mkdocs serve --dirty` (what `make serve` runs) serves a copy of the site
(never the real docs/). After the first build, the text of the rebate page
is edited: the rebuild writes that page in both editions and the pages
linking to it, and no other page's output (by mtime), nor the sitemap; the
page it wrote shows the edit. Then mkdocs.yml is touched:
the full rebuild that follows renders the rebate page exactly as the partial
one did, though the partial one reused the files and navigation of the
build before it (compat/i18n_plugin.py, compat/mkdocs_serve.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from partner_guide.tools.site import copy_site

from tests.support import ROOT, free_port, venv_tool, wait_for

pytestmark = pytest.mark.slow

SENTENCE = "局部重建测试：只写改动的页面。"
# The pages that name rebate.md (site/preview.py renders them again with it), as output files.
REBUILT = {"hot/rebate/index.html", "en/hot/rebate/index.html"}
SEARCH_CONFIGS = ("search/search_index.json", "en/search/search_index.json")
# Where mkdocs-static-i18n says it builds the default edition: the preview's output folder.
OUTPUT = re.compile(r"Building 'zh' documentation to directory: (\S+)")
RELOAD_TAG = re.compile(r'<script src="[^"]*\.partner-guide-livereload\.js"[^>]*></script>')
# The copy is not in git: its pages are dated by the build, to the second.
BUILD_TIME = re.compile(r' title="[^"]* \d\d:\d\d:\d\d UTC"')


def _page(url: str) -> str:
    """The page as built: without the live reload the server adds, or the time of the build."""
    return BUILD_TIME.sub("", RELOAD_TAG.sub("", _get(url)))


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _builds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Documentation built in")


def _full_rebuild_done(log: Path) -> bool:
    """The rebuild that mkdocs.yml's change started has finished (whatever rebuilds came before it)."""
    text = log.read_text(encoding="utf-8")
    at = text.rfind("preview: every page (mkdocs.yml changed)")
    return at >= 0 and "Documentation built in" in text[at:]


def _outputs(folder: Path) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file() and not path.name.startswith(".partner-guide")
    }


@pytest.fixture
def served(tmp_path):
    site = copy_site(tmp_path / "site")
    shutil.copytree(ROOT / "docs", site / "docs")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [venv_tool("mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(
            lambda: "</html>" in _get(url + "hot/rebate/") and _builds(log) == 1, "mkdocs serve to answer", timeout=300
        )
        match = OUTPUT.search(log.read_text(encoding="utf-8"))
        assert match, log.read_text(encoding="utf-8")
        yield site, url, log, Path(match.group(1))
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def _linking_to_rebate(site: Path) -> set[str]:
    """The output files of the pages whose source names rebate.md (either edition)."""
    found = set()
    for page in (site / "docs").rglob("*.md"):
        if "rebate.md" in page.read_text(encoding="utf-8"):
            uri = page.relative_to(site / "docs").as_posix()
            lang = "en/" if uri.endswith(".en.md") else ""
            stem = uri.removesuffix(".md").removesuffix(".en")
            found.add(lang + ("index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"))
    return found


def test_a_partial_rebuild_writes_only_the_pages_it_renders_again_as_a_full_rebuild_would(served):
    site, url, log, output = served
    before = _outputs(output)
    assert {"hot/rebate/index.html", "prepare/index.html", "sitemap.xml"} <= set(before)
    search = {name: (output / name).read_bytes() for name in SEARCH_CONFIGS}

    time.sleep(1.1)  # a coarse file system clock still tells the rebuild's writes apart
    rebate = site / "docs" / "hot" / "rebate.md"
    rebate.write_text(rebate.read_text(encoding="utf-8") + f"\n{SENTENCE}\n", encoding="utf-8")
    # A save can reach the watcher as more than one event (a busy machine): at least one rebuild more.
    wait_for(lambda: SENTENCE in _get(url + "hot/rebate/") and _builds(log) >= 2, "the partial rebuild", timeout=300)
    rebuild = log.read_text(encoding="utf-8").split("Detected file changes")[-1]
    assert "preview: " in rebuild and "every page" not in rebuild, rebuild
    partial_page = _page(url + "hot/rebate/")

    after = _outputs(output)
    written = {path for path, mtime in after.items() if before.get(path) != mtime}
    pages = {path for path in written if path.endswith(".html")}
    may_write = REBUILT | _linking_to_rebate(site) | {"404.html", "en/404.html"}
    assert REBUILT <= pages <= may_write, sorted(pages - may_write)
    assert "prepare/index.html" not in written and not {"sitemap.xml", "en/sitemap.xml"} & written
    # Material's search plugin writes its own search_index.json on every build: the guide's (which points the
    # worker at its index) is put back, so search still works after a save.
    assert {name: (output / name).read_bytes() for name in SEARCH_CONFIGS} == search
    assert b'"engine"' in search["search/search_index.json"]

    config = site / "mkdocs.yml"
    for wait in (60, 240):  # once in a run of the whole suite the watcher missed the save: a writer saves again
        config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        try:
            wait_for(lambda: _full_rebuild_done(log), "the full rebuild", timeout=wait)
            break
        except AssertionError:
            if wait == 240:
                raise AssertionError(log.read_text(encoding="utf-8")[-3000:]) from None
    full_page = _page(url + "hot/rebate/")
    assert SENTENCE in full_page
    assert partial_page == full_page
