"""`guide-check` keeps each page's result by the content it judged (tools/check_cache.py)."""

from __future__ import annotations

from pathlib import Path

from partner_guide.checks.findings import Finding
from partner_guide.checks.tree import PageModel
from partner_guide.tools.check_cache import FindingsCache, PageResult

FOUND = [Finding("docs/a.md", 3, 4, "LINK-REF", "unknown link name [x]", "did you mean [y]?")]


def _run(site: Path, inputs: list[Path], pages: dict[str, str], calls: list[str], prune: bool = True) -> list[Finding]:
    cache = FindingsCache(site, inputs)
    found: list[Finding] = []
    for name, text in pages.items():

        def compute(name: str = name, text: str = text) -> PageResult:
            calls.append(text)
            return (FOUND if "bad" in text else []), PageModel(name, ids={"q1"})

        findings, model = cache.page((name, text), compute)
        assert model.ids == {"q1"}
        found.extend(findings)
    cache.save(prune=prune)
    return found


def test_an_unchanged_page_is_not_judged_again_and_a_changed_one_is(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNER_GUIDE_CACHE", str(tmp_path / "cache"))
    registry = tmp_path / "registry.yml"
    registry.write_text("a: 1\n", encoding="utf-8")
    calls: list[str] = []
    assert _run(tmp_path, [registry], {"docs/a.md": "bad page"}, calls) == FOUND
    assert _run(tmp_path, [registry], {"docs/a.md": "bad page"}, calls) == FOUND
    assert calls == ["bad page"]
    assert _run(tmp_path, [registry], {"docs/a.md": "good page"}, calls) == []
    assert calls == ["bad page", "good page"]
    # Another registry: every page is judged again, and the old fingerprint's folder goes.
    registry.write_text("a: 2\n", encoding="utf-8")
    assert _run(tmp_path, [registry], {"docs/a.md": "good page"}, calls) == []
    assert calls == ["bad page", "good page", "good page"]
    assert len([p for p in (tmp_path / "cache").glob("check-*/*") if p.is_dir()]) == 1


def test_each_page_is_a_file_and_a_run_over_some_pages_keeps_the_others(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNER_GUIDE_CACHE", str(tmp_path / "cache"))
    calls: list[str] = []
    pages = {f"docs/p{n}.md": f"page {n}" for n in range(5)}
    _run(tmp_path, [], pages, calls)
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == 5
    # A one-page check (guide-check --changed) reads and writes that page only, and drops nothing.
    _run(tmp_path, [], {"docs/p0.md": "page 0 edited"}, calls, prune=False)
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == 6
    _run(tmp_path, [], pages, calls)
    assert calls == [*pages.values(), "page 0 edited"]
    # A run over every page drops what it did not use.
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == 5


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNER_GUIDE_CACHE", "off")
    calls: list[str] = []
    _run(tmp_path, [], {"docs/a.md": "bad page"}, calls)
    _run(tmp_path, [], {"docs/a.md": "bad page"}, calls)
    assert calls == ["bad page", "bad page"]
    assert not (tmp_path / "cache").exists()
