"""What differs between the editions' pages (partner_guide/site/editions.py) on small inputs."""

from __future__ import annotations

from partner_guide.site.editions import edition_base, place_404


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
