"""The site-sized jieba dictionary segments the site exactly like the full one."""

from __future__ import annotations

import io
from pathlib import Path

import jieba
import pytest

from partner_guide.compat import jieba as site_jieba
from tests.support import ROOT

USER_DICT = ROOT / "hooks" / "jieba_user_dict.txt"


def _tokenizer(dictionary: bytes | None) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    if dictionary is None:
        tokenizer.initialize()
    else:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(dictionary))
        tokenizer.initialized = True
    tokenizer.load_userdict(str(USER_DICT))
    return tokenizer


@pytest.fixture(scope="module")
def site_runs() -> set[str]:
    return site_jieba.site_runs(site_jieba._source_texts(str(ROOT / "docs"), str(ROOT / "mkdocs.yml")))


@pytest.fixture(scope="module")
def full_and_pruned(site_runs):
    path = Path(jieba.__file__).with_name("dict.txt")
    text, total = site_jieba._dictionary(str(path), path.stat().st_mtime_ns)
    pruned = site_jieba.prune_dictionary(text, total, site_runs)
    return _tokenizer(None), _tokenizer(pruned), pruned


def test_pruned_dictionary_keeps_jiebas_total(full_and_pruned):
    full, pruned, _ = full_and_pruned
    assert pruned.total == full.total


def test_pruned_dictionary_is_a_small_fraction_of_the_full_one(full_and_pruned):
    full, _, pruned_bytes = full_and_pruned
    assert len(pruned_bytes.splitlines()) < 349_046 / 50


def test_every_chinese_run_of_the_site_is_segmented_exactly_as_with_the_full_dictionary(
    full_and_pruned, site_runs
):
    full, pruned, _ = full_and_pruned
    assert len(site_runs) > 100
    different = {run: (list(full.cut(run)), list(pruned.cut(run)))
                 for run in site_runs if list(full.cut(run)) != list(pruned.cut(run))}
    assert different == {}


def test_whole_sentences_with_punctuation_and_latin_segment_the_same(full_and_pruned):
    full, pruned, _ = full_and_pruned
    for page in (ROOT / "docs").rglob("*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            assert list(full.cut(line)) == list(pruned.cut(line)), (page, line)


def test_domain_terms_stay_single_tokens(full_and_pruned):
    _, pruned, _ = full_and_pruned
    for term in ("返佣", "电子授权书", "渠道小助手", "骑缝章", "代金券", "协作者账号", "考核期"):
        assert term in list(pruned.cut(f"合作伙伴的{term}在哪里")), term


def test_empty_site_still_yields_a_valid_dictionary():
    data = site_jieba.prune_dictionary("一 10 m\n", 10, set())
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(data))
    assert tokenizer.total == 10
