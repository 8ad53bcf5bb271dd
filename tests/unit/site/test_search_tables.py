"""Character tables for search (partner_guide/site/search_tables.py): pypinyin and OpenCC, cached."""

from __future__ import annotations

import json

from partner_guide.site import search_tables


def test_readings_are_toneless_with_every_reading_of_a_character():
    table = search_tables.readings(frozenset("返佣"))
    assert table["返"] == ["fan"] and table["佣"][0] == "yong"
    assert {"xing", "hang"} <= set(table["行"])
    assert table["绿"][0] == "lv"  # ü is typed as v
    assert len(table) >= 6763  # every GB2312 character


def test_traditional_forms_map_to_the_sites_simplified_characters_only():
    table = search_tables.traditional(frozenset("发票协议"))
    assert table["發"] == "发" and table["協"] == "协" and table["議"] == "议"
    assert set(table.values()) <= set("发票协议")


def test_tables_are_computed_once_per_library_version_and_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(search_tables, "CACHE_DIR", tmp_path)
    calls = []
    first = search_tables._cached("demo-1", lambda: calls.append(1) or {"a": "b"})
    again = search_tables._cached("demo-1", lambda: calls.append(1) or {"a": "c"})
    assert first == again == {"a": "b"} and calls == [1]
    assert json.loads((tmp_path / "partner-guide-search-demo-1.json").read_text(encoding="utf-8")) == {"a": "b"}


def test_a_broken_cache_file_is_computed_again(tmp_path, monkeypatch):
    monkeypatch.setattr(search_tables, "CACHE_DIR", tmp_path)
    (tmp_path / "partner-guide-search-demo-2.json").write_text("{broken", encoding="utf-8")
    assert search_tables._cached("demo-2", lambda: {"x": "y"}) == {"x": "y"}
