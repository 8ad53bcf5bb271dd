"""The query-splitting fix of Material's search worker (hooks/search_segment.py)."""

from __future__ import annotations

from pathlib import Path

import material

import search_segment

WORKERS = sorted((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))


def test_the_installed_material_worker_has_the_loop_and_it_is_fixed_once():
    assert WORKERS, "Material's search worker not found"
    source = WORKERS[0].read_text(encoding="utf-8")
    fixed, ok = search_segment.fix_segment(source)
    assert ok
    assert len(fixed) == len(source) + 1  # exactly one "<" became "<="
    assert search_segment.FIXED_LOOP.search(fixed)
    assert not search_segment.BUGGY_LOOP.search(fixed)


def test_fixing_twice_changes_nothing():
    fixed, _ = search_segment.fix_segment(WORKERS[0].read_text(encoding="utf-8"))
    assert search_segment.fix_segment(fixed) == (fixed, True)


def test_any_variable_names_are_matched():
    source = "function seg(v,x){for(let b=a+1;b<v.length;b++)v.slice(a,b)in x&&(m[a]=b-a)}"
    fixed, ok = search_segment.fix_segment(source)
    assert ok and "b<=v.length" in fixed


def test_a_worker_without_the_loop_is_reported_not_patched():
    source = "function seg(v){return v.split(/\\s+/)}"
    assert search_segment.fix_segment(source) == (source, False)


def test_the_built_worker_is_fixed(site_dir):
    built = sorted(site_dir.glob("assets/javascripts/workers/search.*.min.js"))
    assert built
    for worker in built:
        assert search_segment.FIXED_LOOP.search(worker.read_text(encoding="utf-8")), worker
