"""What differs between the editions' pages (partner_guide/site/editions.py) on small inputs."""

from __future__ import annotations

import pytest
from partner_guide.site.editions import (
    MissingEditionScript,
    combine_404,
    edition_base,
    edition_prefixes,
    edition_template,
    place_404,
    write_single_404,
)


def test_edition_base_is_the_relative_path_to_the_edition_root():
    assert edition_base("en/", "en") == "."
    assert edition_base("en/hot/rebate/", "en") == "../.."
    assert edition_base("en/prepare/", "en") == ".."
    assert edition_base("", "en") == "en"


def test_the_english_404_goes_to_its_folder_and_the_root_keeps_the_chinese_one(tmp_path):
    (tmp_path / "404.html").write_text("中文 404", encoding="utf-8")
    assert place_404("English 404", tmp_path, "en") == "中文 404"
    assert (tmp_path / "en" / "404.html").read_text(encoding="utf-8") == "English 404"


def test_the_default_language_404_is_left_as_rendered(tmp_path):
    assert place_404("中文 404", tmp_path, "zh") == "中文 404"
    assert not (tmp_path / "zh").exists()


def test_without_a_root_404_yet_the_page_itself_is_kept(tmp_path):
    assert place_404("English 404", tmp_path, "en") == "English 404"


SCRIPT = '<script src="/assets/javascripts/edition-404.js"></script>'


def page_404(lang: str, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title>{SCRIPT}</head>'
        f'<body dir="ltr" data-md-color-scheme="default"><h1>{body}</h1>'
        f'<script id="__config" type="application/json">{{"base": "/{lang}/"}}</script>'
        f'{SCRIPT}<script src="/assets/javascripts/bundle.js"></script></body></html>'
    )


def test_the_root_404_carries_each_other_editions_body_as_a_template_before_the_swap_script():
    root = page_404("zh", "指南", "找不到页面")
    combined = combine_404(root, {"/en/": page_404("en", "Guide & more", "Page not found")})
    template = (
        '<template data-edition="/en/" data-lang="en" data-title="Guide &amp; more">'
        '<h1>Page not found</h1><script id="__config" type="application/json">{"base": "/en/"}</script>'
        "</template>\n"
    )
    # Everything of the root page stays, in order; the template sits right before the body's swap script.
    assert combined == root.replace(
        f'</script>{SCRIPT}<script src="/assets/javascripts/bundle.js">',
        f'</script>{template}{SCRIPT}<script src="/assets/javascripts/bundle.js">',
    )
    assert combine_404(combined, {"/en/": page_404("en", "Guide", "x")}) == combined, "combining twice changes nothing"


def test_a_404_page_without_the_swap_script_in_head_and_body_is_refused():
    with pytest.raises(MissingEditionScript):
        combine_404("<html><body><h1>404</h1></body></html>", {})
    with pytest.raises(MissingEditionScript):
        edition_template(page_404("en", "t", "b").replace("<body", "<div"), "/en/")


def test_edition_prefixes_are_root_absolute_under_the_sites_path():
    assert edition_prefixes("/", ["zh", "en"], "zh") == {"en": "/en/"}
    assert edition_prefixes("", ["zh", "en"], "zh") == {"en": "/en/"}
    assert edition_prefixes("/guide/", ["zh", "en"], "zh") == {"en": "/guide/en/"}


def test_the_built_root_404_becomes_the_error_document_of_every_edition(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "404.html").write_text(page_404("zh", "指南", "找不到页面"), encoding="utf-8")
    (tmp_path / "en" / "404.html").write_text(page_404("en", "Guide", "Page not found"), encoding="utf-8")
    write_single_404(tmp_path, "/", ["zh", "en"], "zh")
    root = (tmp_path / "404.html").read_text(encoding="utf-8")
    assert root.count('<template data-edition="/en/"') == 1 and "找不到页面" in root
