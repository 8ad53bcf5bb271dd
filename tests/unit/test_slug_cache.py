"""Heading words are kept between runs (markdown/slugs.py): the same ids, without loading pypinyin again."""

from __future__ import annotations

import json

import pytest
from partner_guide.markdown import slugs


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A cache folder of the test's own, and no words known to this process yet."""
    monkeypatch.setenv("PARTNER_GUIDE_CACHE", str(tmp_path))
    slugs.known_words.cache_clear()
    yield tmp_path
    slugs.known_words.cache_clear()


def _next_run() -> None:
    slugs.known_words().save()  # what atexit does when the build or check ends
    slugs.known_words.cache_clear()


def test_a_chinese_heading_is_read_from_the_cache_in_the_next_run(fresh, monkeypatch):
    assert slugs.heading_id("会员怎么关联？", set()) == "hui-yuan-zen-me-guan-lian"
    _next_run()

    def no_pypinyin(text: str) -> list[str]:
        raise AssertionError(f"pypinyin asked for {text}")

    monkeypatch.setattr(slugs, "_pinyin_words", no_pypinyin)
    assert slugs.heading_id("会员怎么关联？", set()) == "hui-yuan-zen-me-guan-lian"
    assert slugs.heading_id("Rebates and refunds", set()) == "rebates-and-refunds"  # ASCII: no pypinyin, no cache


def test_the_cached_words_are_the_words_pypinyin_gives(fresh):
    headings = ["银行账户怎么绑定？", "返佣 2024 年的规则", "渠道小助手 QQ 群", "行长与行业"]
    first = [slugs.slug_words(text) for text in headings]
    _next_run()
    assert [slugs.slug_words(text) for text in headings] == first == [slugs._pinyin_words(t) for t in headings]


def test_a_tampered_cache_cannot_put_anything_but_ascii_words_into_an_id(fresh):
    path = slugs.known_words().path
    assert path is not None
    slugs.known_words.cache_clear()
    tampered = {"返佣": ['"><script>x</script>'], "退款": ["tui", "kuan"], "x": "no"}
    path.write_text(json.dumps(tampered), encoding="utf-8")
    assert slugs.heading_id("返佣", set()) == "fan-yong"
    assert slugs.heading_id("退款", set()) == "tui-kuan"


def test_with_the_cache_off_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNER_GUIDE_CACHE", "off")
    slugs.known_words.cache_clear()
    assert slugs.heading_id("会员怎么关联？", set()) == "hui-yuan-zen-me-guan-lian"
    _next_run()
    assert not list(tmp_path.iterdir())
