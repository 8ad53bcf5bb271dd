"""The built search index of each edition (issue 13), read from the session build.

What a page loads before anyone searches is configuration only; the index
files hold the questions with their anchors, answers without diagram source,
and nothing of the writers' guide; every page starts the guide's worker, and
Material's lunr worker is not shipped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from partner_guide.site.search_index import fnv1a

# What docs/ says: `make verify` runs these too (the fast lane).
pytestmark = pytest.mark.content

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
EDITIONS = [("zh", ""), ("en", "en/")]


def index(site_dir: Path, prefix: str) -> dict:
    return json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


def files_of(site_dir: Path, prefix: str) -> Path:
    engine = index(site_dir, prefix)["config"]["engine"]
    worker_dir = site_dir / "assets" / "javascripts" / "workers"
    return (worker_dir / engine["path"]).resolve()


def documents(site_dir: Path, prefix: str) -> list[list]:
    folder = files_of(site_dir, prefix)
    return [
        record
        for path in sorted(folder.glob("d/*.json"), key=lambda p: int(p.stem))
        for record in json.loads(path.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_what_every_page_loads_is_configuration_of_a_few_hundred_bytes(site_dir, lang, prefix):
    path = site_dir / prefix / "search" / "search_index.json"
    data = index(site_dir, prefix)
    assert data["docs"] == [] and data["config"]["lang"] == [lang]
    assert path.stat().st_size < 2048, path.stat().st_size
    assert files_of(site_dir, prefix).is_dir()
    assert str(files_of(site_dir, prefix)).startswith(str((site_dir / prefix / "search").resolve()))


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_questions_are_indexed_with_their_anchor_and_answer(site_dir, lang, prefix):
    records = documents(site_dir, prefix)
    pages = {record[1]: n for n, record in enumerate(records) if record[0] == -1}
    assert {"", "hot/rebate/", "hot/agreement/", "prepare/"} <= set(pages)
    anchors = {(records[record[0]][1], record[1]): record for record in records if record[0] != -1}
    rebate = anchors[("hot/rebate/", "rebate-process")]
    assert ("15" in rebate[3]) and rebate[2]
    assert ("prepare/", "assessment") in anchors


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_diagrams_are_indexed_by_their_text_alternative_not_their_source(site_dir, lang, prefix):
    texts = [record[3] for record in documents(site_dir, prefix)]
    assert not [t for t in texts if re.search(r"flowchart|-->|\[\"", t)]
    assert any(t.startswith(("流程图：", "Flowchart: ")) or " 流程图：" in t or " Flowchart: " in t for t in texts)


@pytest.mark.parametrize("lang, prefix", EDITIONS)
def test_the_writers_guide_and_the_other_edition_stay_out(site_dir, lang, prefix):
    urls = {record[1] for record in documents(site_dir, prefix) if record[0] == -1}
    assert "writing/" not in urls
    assert not [u for u in urls if u.startswith("en/")]
    han = re.compile(r"[\u4e00-\u9fff]")
    titles = [record[2] for record in documents(site_dir, prefix) if record[0] == -1]
    assert all(bool(han.search(t)) == (lang == "zh") for t in titles), titles


def test_a_key_is_in_the_file_its_hash_names(site_dir):
    engine = index(site_dir, "")["config"]["engine"]
    folder = files_of(site_dir, "")
    postings = json.loads((folder / "t" / f"{fnv1a('返佣') % engine['t']}.json").read_text(encoding="utf-8"))
    assert postings["返佣"]


def test_every_page_starts_the_guides_worker_and_materials_is_not_shipped(site_dir):
    worker = site_dir / "assets" / "javascripts" / "workers" / "partner-search.js"
    assert worker.is_file()
    for html in [*site_dir.glob("**/index.html"), site_dir / "404.html", site_dir / "en" / "404.html"]:
        if "assets" in html.parts:
            continue
        config = json.loads(CONFIG.search(html.read_text(encoding="utf-8")).group(1))
        assert config["search"].endswith("assets/javascripts/workers/partner-search.js"), html
    assert not list(site_dir.glob("assets/javascripts/workers/search.*"))
    assert not (site_dir / "assets" / "javascripts" / "lunr").exists()


def test_the_404_pages_know_the_editions(site_dir):
    for html in (site_dir / "404.html", site_dir / "en" / "404.html"):
        text = html.read_text(encoding="utf-8")
        assert json.loads(CONFIG.search(text).group(1))["editions"] == ["en"]
        assert text.index("search-edition.js") < text.index("bundle.")
