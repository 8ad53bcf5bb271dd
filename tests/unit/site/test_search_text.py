"""How search reads text (partner_guide/site/search_text.py); the worker is held to the same vectors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from partner_guide.site import search_text as text

VECTORS = json.loads((Path(__file__).parent / "fixtures" / "search_text.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VECTORS["normalise"], ids=lambda c: c["text"] or "empty")
def test_normalisation_vectors(case):
    assert text.normalise(case["text"], text.translation(VECTORS["trad"])) == case["norm"]


@pytest.mark.parametrize(
    "run, value",
    [
        ("十", "10"),
        ("十五", "15"),
        ("二十", "20"),
        ("二十五", "25"),
        ("一百零五", "105"),
        ("三千", "3000"),
        ("一万", "10000"),
        ("二〇二四", "2024"),
        ("两", "2"),
    ],
)
def test_chinese_numerals_become_their_value(run, value):
    assert text.numeral_value(run) == value


def test_numerals_that_count_nothing_stay_words():
    assert text.normalise("一式两份，统一口径") == "一式2份,统一口径"  # NFKC: the full-width comma too
    assert text.normalise("十分重要") == "十分重要"


@pytest.mark.parametrize(
    "word, stem",
    [
        ("rebates", "rebate"),
        ("policies", "policy"),
        ("processing", "process"),
        ("signed", "sign"),
        ("business", "business"),
        ("is", "is"),
        ("boxes", "box"),
        ("status", "status"),
    ],
)
def test_english_words_are_stemmed_lightly(word, stem):
    assert text.stem(word) == stem


def test_keys_are_han_pairs_lone_characters_numbers_and_stems():
    assert sorted(text.keys(text.normalise("渠道小助手 5 天 Rebates"))) == sorted(
        ["渠道", "道小", "小助", "助手", "天", "5", "rebate"]
    )


def test_question_words_are_listed_per_language():
    assert "怎么" in text.QUESTION_WORDS["zh"] and "how" in text.QUESTION_WORDS["en"]
