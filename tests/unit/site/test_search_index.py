"""One search index per edition (partner_guide/site/search_index.py) on small inputs."""

from __future__ import annotations

import json

from partner_guide.site.search_index import edition_of, split_search_index, write_edition_indexes

INDEX = {
    "config": {"lang": ["zh"], "separator": "[\\s]+", "pipeline": ["stemmer"]},
    "docs": [
        {"location": "", "title": "首页", "text": "甲"},
        {"location": "hot/rebate/#rebate-process", "title": "返佣", "text": "乙"},
        {"location": "en/", "title": "Home", "text": "a"},
        {"location": "en/hot/rebate/#rebate-process", "title": "Rebate", "text": "b"},
        {"location": "english-words/", "title": "A Chinese page with an English slug", "text": "丙"},
    ],
}


def test_a_location_belongs_to_the_edition_of_its_first_folder():
    assert edition_of("en/hot/rebate/#x", ["zh", "en"]) == "en"
    assert edition_of("hot/rebate/#x", ["zh", "en"]) == "zh"
    assert edition_of("english-words/", ["zh", "en"]) == "zh"
    assert edition_of("fr/x/", ["zh", "en"]) == "zh"


def test_each_edition_gets_only_its_documents_relative_to_its_root():
    parts = split_search_index(INDEX, ["zh", "en"], "zh")
    assert [d["location"] for d in parts["zh"]["docs"]] == ["", "hot/rebate/#rebate-process", "english-words/"]
    assert [d["location"] for d in parts["en"]["docs"]] == ["", "hot/rebate/#rebate-process"]
    assert INDEX["docs"][2]["location"] == "en/"  # the input is not changed


def test_english_gets_stop_words_and_no_stemmer_chinese_keeps_its_settings():
    parts = split_search_index(INDEX, ["zh", "en"], "zh")
    assert parts["zh"]["config"] == INDEX["config"]
    assert parts["en"]["config"]["lang"] == ["en"] and parts["en"]["config"]["pipeline"] == ["stopWordFilter"]
    assert parts["en"]["config"]["separator"] == INDEX["config"]["separator"]


def test_the_built_index_is_rewritten_per_edition(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), encoding="utf-8")
    assert write_edition_indexes(tmp_path, ["zh", "en"], "zh") == {"zh": 3, "en": 2}
    english = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["title"] for d in english["docs"]] == ["Home", "Rebate"]


def test_one_language_or_no_index_leaves_the_site_alone(tmp_path):
    assert write_edition_indexes(tmp_path, ["zh", "en"], "zh") == {}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), encoding="utf-8")
    assert write_edition_indexes(tmp_path, ["zh"], "zh") == {}
    assert not (tmp_path / "en").exists()
