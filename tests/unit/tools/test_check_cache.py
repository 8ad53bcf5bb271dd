"""`guide-check` keeps findings by the content they judged (tools/check_cache.py)."""

from __future__ import annotations

from partner_guide.checks.findings import Finding
from partner_guide.tools.check_cache import FindingsCache

FOUND = [Finding("docs/a.md", 3, 4, "LINK-REF", "unknown link name [x]", "did you mean [y]?")]


def _run(site, inputs, text: str, calls: list[str]) -> list[Finding]:
    cache = FindingsCache(site, inputs)

    def compute() -> list[Finding]:
        calls.append(text)
        return FOUND if "bad" in text else []

    found = cache.findings("file", ("docs/a.md", text), compute)
    cache.save()
    return found


def test_an_unchanged_page_is_not_judged_again_and_a_changed_one_is(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNER_GUIDE_CACHE", str(tmp_path / "cache"))
    registry = tmp_path / "registry.yml"
    registry.write_text("a: 1\n", encoding="utf-8")
    calls: list[str] = []
    assert _run(tmp_path, [registry], "bad page", calls) == FOUND
    assert _run(tmp_path, [registry], "bad page", calls) == FOUND
    assert calls == ["bad page"]
    assert _run(tmp_path, [registry], "good page", calls) == []
    assert calls == ["bad page", "good page"]
    # Another registry: every page is judged again.
    registry.write_text("a: 2\n", encoding="utf-8")
    assert _run(tmp_path, [registry], "good page", calls) == []
    assert calls == ["bad page", "good page", "good page"]


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNER_GUIDE_CACHE", "off")
    calls: list[str] = []
    _run(tmp_path, [], "bad page", calls)
    _run(tmp_path, [], "bad page", calls)
    assert calls == ["bad page", "bad page"]
    assert not (tmp_path / "cache").exists()
