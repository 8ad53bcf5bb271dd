"""Material's search UI with the guide's engine behind it (partner_guide/compat/material_search.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import material
from partner_guide.compat import material_search

BUNDLE = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
PAGE = (
    '<script id="__config" type="application/json">{"base": "..", '
    '"search": "../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}</script>'
)


def config_of(html: str) -> dict:
    return json.loads(html.split('type="application/json">')[1].split("</script>")[0])


def test_pages_start_the_guides_worker_beside_materials():
    data = config_of(material_search.use_worker(PAGE))
    assert data["search"] == "../assets/javascripts/workers/partner-search.js"
    assert data["base"] == ".." and "editions" not in data


def test_the_404_page_also_learns_the_editions():
    assert config_of(material_search.use_worker(PAGE, ["en"]))["editions"] == ["en"]


def test_a_searchable_page_is_then_kept_out_of_materials_index_and_marked_as_the_guides():
    meta = {"title": "x"}
    assert material_search.searchable(meta)
    material_search.keep_out_of_materials_index(meta)
    assert meta["search"] == {"exclude": True, material_search.GUIDE_INDEXES: True}
    assert not material_search.searchable(meta)
    assert not material_search.searchable({"search": {"exclude": True, "boost": 2}})
    assert material_search.searchable({"search": "odd"})


def test_a_page_its_writer_left_out_of_search_is_not_marked_as_the_guides():
    """overrides/main.html prints the site step's `exclude` meta for it (and only for it)."""
    meta = {"search": {"exclude": True}}
    material_search.keep_out_of_materials_index(meta)
    assert meta == {"search": {"exclude": True}}


def test_the_separator_is_read_from_mkdocs_yml_as_written():
    written = {"plugins": [{"search": {"separator": "[\\s]+"}}, {"i18n": {}}]}
    assert material_search.separator_in(written) == "[\\s]+"
    assert material_search.separator_in({"plugins": ["search"]}) == material_search.DEFAULT_SEPARATOR
    assert material_search.separator_in({}) == material_search.DEFAULT_SEPARATOR


def test_the_worker_reaches_each_editions_index_folder():
    assert material_search.worker_to("search") == "../../../search/"
    assert material_search.worker_to("en/search") == "../../../en/search/"


def test_the_separator_is_the_search_plugins_option():
    plugin = SimpleNamespace(config=SimpleNamespace(separator="[\\s]+"))
    assert material_search.separator(SimpleNamespace(plugins={"material/search": plugin})) == "[\\s]+"
    assert material_search.separator(SimpleNamespace(plugins={})) == r"[\s\-]+"


def test_materials_lunr_worker_leaves_the_built_site_and_ours_stays(tmp_path):
    workers = tmp_path / material_search.WORKER_DIR
    workers.mkdir(parents=True)
    for name in ("search.a7633da7.min.js", "search.a7633da7.min.js.map", material_search.WORKER):
        (workers / name).write_text("x", encoding="utf-8")
    (tmp_path / material_search.LUNR_DIR / "min").mkdir(parents=True)
    material_search.remove_materials_worker(tmp_path)
    assert sorted(p.name for p in workers.iterdir()) == [material_search.WORKER]
    assert not (tmp_path / material_search.LUNR_DIR).exists()


def test_materials_bundle_still_speaks_the_protocol_the_worker_answers():
    """The pinned bundle fetches search/search_index.json and starts `config.search` as a worker."""
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert "search/search_index.json" in bundle and "new Worker(" in bundle
    worker = Path(__file__).resolve().parents[3] / "overrides/assets/javascripts/workers/partner-search.js"
    source = worker.read_text(encoding="utf-8")
    assert "const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3" in source
