"""The guide's languages (partner_guide/languages.py) and UI strings (partner_guide/ui.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from partner_guide import ui
from partner_guide.languages import DEFAULT_LANG, LANGS, build_language, counterpart, edition, language_of

from tests.support import mkdocs_config


def test_edition_and_counterpart_follow_the_suffix_layout():
    assert edition("docs/hot/rebate.en.md") == ("en", "docs/hot/rebate.md")
    assert edition("docs/hot/rebate.md") == ("zh", "docs/hot/rebate.md")
    assert edition("docs/v1.2.md") == ("zh", "docs/v1.2.md")
    assert counterpart("docs/hot/rebate.md", "en") == "docs/hot/rebate.en.md"
    assert counterpart("docs/hot/rebate.en.md", "zh") == "docs/hot/rebate.md"
    assert (language_of("docs/a.en.md"), language_of("docs/a.md")) == ("en", "zh")


@pytest.mark.parametrize(
    "theme, expected",
    [
        ({"language": "zh"}, "zh"),
        ({"language": "en"}, "en"),
        ({"language": "zh-CN"}, "zh"),
        ({"language": "fr"}, DEFAULT_LANG),
        ({}, DEFAULT_LANG),
        (None, DEFAULT_LANG),
    ],
)
def test_the_build_language_comes_from_the_theme_with_one_fallback(theme, expected):
    assert build_language(SimpleNamespace(theme=theme)) == expected


def test_mkdocs_yml_builds_exactly_the_languages_of_the_package():
    i18n = mkdocs_config().plugins["i18n"].config
    assert [lang.locale for lang in i18n.languages] == list(LANGS)
    assert [lang.locale for lang in i18n.languages if lang.default] == [DEFAULT_LANG]
    assert mkdocs_config().theme["language"] == DEFAULT_LANG


def test_every_language_has_the_same_ui_strings_and_admonition_titles():
    assert set(ui.STRINGS) == set(LANGS)
    for lang in LANGS:
        assert ui.strings(lang).keys() == ui.strings(DEFAULT_LANG).keys()
        assert all(value.strip() for value in ui.strings(lang).values())
        assert ui.admonition_title("warning", lang)
    assert (ui.admonition_title("warning", "zh"), ui.admonition_title("warning", "en")) == ("注意", "Warning")


def test_all_text_holds_what_the_templates_add_to_chinese_pages():
    text = ui.all_text("zh")
    for word in ("说明", "注意", "没找到答案", "在线咨询", "收件人"):
        assert word in text


def test_every_known_admonition_type_has_a_title_in_every_language():
    from partner_guide.checks.admonitions import TYPES

    for lang in LANGS:
        assert [ui.admonition_title(kind, lang) for kind in TYPES]
    assert set(ui._ADMONITIONS["zh"]) == set(ui._ADMONITIONS["en"]) == set(TYPES)
