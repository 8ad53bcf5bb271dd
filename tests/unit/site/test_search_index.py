"""One edition's index files (partner_guide/site/search_index.py), built from small pages."""

from __future__ import annotations

import json

import pytest
from partner_guide.site import search_index
from partner_guide.site.search_index import Page, build_edition, fnv1a, normalised_synonyms, spread
from partner_guide.site.search_sections import Section

PAGES = [
    Page("", [Section("", "首页", "本指南解答常见问题。")]),
    Page(
        "hot/rebate/",
        [
            Section("", "返佣流程", ""),
            Section("rebate-process", "合作伙伴返佣流程？", "签收发票后15个工作日付款。"),
            Section("invoice", "发票怎么开？", "开具增值税专用发票。"),
        ],
    ),
]


def build(**overrides) -> dict[str, bytes]:
    options = {
        "lang": "zh",
        "worker_to_index": "../../../search/",
        "separator": "[\\s]+",
        "trad": {"發": "发"},
        "synonyms": {"佣金": ["返佣"]},
        "readings": {"返": ["fan"], "佣": ["yong"]},
    }
    return build_edition(PAGES, **{**options, **overrides})


def load(files: dict[str, bytes], name: str):
    return json.loads(files[name].decode("utf-8"))


def test_what_every_page_loads_is_a_few_hundred_bytes_of_configuration():
    files = build()
    config = load(files, "search_index.json")
    assert config["docs"] == [] and len(files["search_index.json"]) < 1024
    engine = config["config"]["engine"]
    version = engine["path"].removeprefix("../../../search/").rstrip("/")
    assert {name.split("/")[0] for name in files} == {version, "search_index.json"}
    assert engine["syn"] == {"佣金": ["返佣"]} and "怎么" in engine["stop"]


def test_documents_are_the_pages_then_their_questions():
    files = build()
    version = load(files, "search_index.json")["config"]["engine"]["path"].split("/")[-2]
    records = load(files, f"{version}/d/0.json")
    assert records[0] == [-1, "", "首页", "本指南解答常见问题。"]
    assert records[1][:3] == [-1, "hot/rebate/", "返佣流程"]
    assert records[2][:2] == [1, "rebate-process"]
    assert load(files, f"{version}/lex.json")["pages"] == [0, 1]


def test_postings_rank_a_question_that_asks_above_one_that_mentions():
    docs = search_index.documents(PAGES)
    postings = search_index.postings(docs, {}, frozenset())
    flat = postings["发票"]
    impacts, doc = {}, 0
    for delta, impact in zip(flat[::2], flat[1::2], strict=False):
        doc += delta
        impacts[doc] = impact
    assert impacts[3] > impacts[2]  # "发票怎么开？" asks; the rebate answer mentions


def test_a_heading_that_holds_the_word_outranks_any_body_that_repeats_it():
    pages = [
        Page("journey/", [Section("", "The partner journey", "assessment " * 6 + "review apply")]),
        Page(
            "prepare/",
            [
                Section("", "Preparation", ""),
                Section(
                    "assessment",
                    "What is the partner assessment?",
                    "Three calendar months from the approval of the application, with a "
                    "long answer about many other things and the rules that apply.",
                ),
            ],
        ),
    ]
    postings = search_index.postings(search_index.documents(pages), {}, frozenset())
    flat = postings["assess"] if "assess" in postings else postings["assessment"]
    impacts, doc = {}, 0
    for delta, impact in zip(flat[::2], flat[1::2], strict=False):
        doc += delta
        impacts[doc] = impact
    assert impacts[2] > impacts[0]  # the question asks; the journey only repeats the word


def test_a_key_is_in_the_file_its_hash_names():
    count, files = spread({f"key{n}": [n] * 400 for n in range(200)}, "t")
    assert count > 1 and count & (count - 1) == 0
    for n in (0, 7, 199):
        assert f'"key{n}"' in files[f"t/{fnv1a(f'key{n}') % count}.json"].decode()


def test_the_version_changes_with_the_content():
    first = load(build(), "search_index.json")["config"]["engine"]["path"]
    assert first == load(build(), "search_index.json")["config"]["engine"]["path"]
    other = [Page("", [Section("", "首页", "另一段文字。")])]
    assert (
        first
        != load(
            build_edition(
                other, lang="zh", worker_to_index="../../../search/", separator="x", trad={}, synonyms={}, readings=None
            ),
            "search_index.json",
        )["config"]["engine"]["path"]
    )


def test_pinyin_files_only_for_an_edition_with_readings():
    assert any("/p/" in name for name in build())
    english = build(lang="en", readings=None, trad={}, synonyms={})
    assert not [name for name in english if "/p/" in name or "/y/" in name]


def test_sounds_point_at_the_site_bigrams():
    postings = search_index.postings(search_index.documents(PAGES), {}, frozenset())
    assert search_index.sound_table(postings, {"返": ["fan"], "佣": ["yong"]})["fan yong"] == ["返佣"]


def test_typos_are_found_through_one_deletion():
    table = search_index.typo_table(["agreement", "rebate", "cam"])
    assert "agreement" in table["agreemnt"] and "rebate" in table["rebat"]
    assert "cam" not in {w for words in table.values() for w in words}


@pytest.mark.parametrize(
    "pairs, expected",
    [
        ([("返佣", ("佣金", "返点"))], {"佣金": ["返佣"], "返点": ["返佣"]}),
        ([("rebate", ("Commission",))], {"commission": ["rebate"]}),
        ([("协议", ("協議", "协议"))], {}),  # the same word once folded: nothing to add
    ],
)
def test_synonyms_are_normalised_as_queries_are(pairs, expected):
    from partner_guide.site.search_text import translation

    assert normalised_synonyms(pairs, translation({"協": "协", "議": "议"})) == expected


def test_a_built_page_is_read_from_its_article_only():
    """The navigation, the head and what the theme marks `data-search-exclude` stay out."""
    html = (
        '<html><head><title>返佣 - 指南</title></head><body><nav><a href="#">导航菜单</a></nav>'
        '<article class="md-content__inner"><a class="md-content__button" title="编辑此页"><svg></svg></a>'
        '<h1 id="p">返佣流程</h1><p>前言。</p><h2 id="q">怎么付？</h2><p>按月。</p>'
        '<div class="md-source-file" data-search-exclude>2026年12月7日</div></article>'
        "<footer>页脚</footer></body></html>"
    )
    sections = search_index.built_sections(html.encode())
    assert [(s.anchor, s.title, s.text) for s in sections] == [("", "返佣流程", "前言。"), ("q", "怎么付？", "按月。")]


def test_a_page_its_writer_left_out_of_search_and_html_without_an_article_give_nothing():
    excluded = '<html><head><meta name="partner-search" content="exclude"></head><article><h1>x</h1></article>'
    assert search_index.built_sections(excluded.encode()) is None
    assert search_index.built_sections(b"<html><body><p>redirecting</p></body></html>") is None
