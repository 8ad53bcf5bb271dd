"""FAQPage JSON-LD and robots.txt (partner_guide/site/seo.py) on small inputs."""

from __future__ import annotations

import json

import pytest
from partner_guide.site.seo import (
    drop_search_engine_files,
    faq_jsonld,
    is_preview,
    is_question,
    questions,
    robots_txt,
    text_of,
)


def test_answers_stop_at_the_next_question_and_leave_out_diagram_source():
    html = (
        '<h1 id="t">T</h1><h2 id="a">问一？<a class="headerlink" href="#a">¶</a></h2>'
        '<div class="diagram"><pre class="mermaid"><code>flowchart TD\n a["x"] --&gt; b["y"]</code></pre>'
        '<template class="diagram__svg"><svg><style>#m{}</style></svg></template></div><p>答&amp;一</p>'
        '<h2 id="b">Not a question</h2><p>x</p><h2 id="c">Two?</h2><ul><li>one</li><li>two</li></ul>'
    )
    assert questions(html) == [("a", "问一？", "答&一"), ("c", "Two?", "one\ntwo")]
    data = json.loads(faq_jsonld(html, "zh"))
    assert [q["name"] for q in data["mainEntity"]] == ["问一？", "Two?"]
    assert "</" not in faq_jsonld('<h2 id="x">Q?</h2><p>&lt;/script&gt;</p>', "en")


def test_a_page_without_questions_gets_no_jsonld():
    assert faq_jsonld('<h2 id="a">Heading</h2><p>text</p>', "zh") is None
    assert faq_jsonld('<h2 id="a">Question?</h2>', "en") is None  # no answer


def test_jsonld_names_the_language_and_keeps_chinese_readable():
    data = faq_jsonld('<h2 id="q">返佣？</h2><p>每月10号</p>', "zh")
    assert '"inLanguage":"zh"' in data and "返佣" in data
    assert json.loads(data)["mainEntity"][0]["acceptedAnswer"]["text"] == "每月10号"


def test_text_of_drops_tags_and_permalinks_and_keeps_one_line_per_block():
    assert text_of('<p>a <b>b</b></p><p>c<a class="headerlink" href="#x">¶</a></p>') == "a b\nc"


def test_robots_txt_points_at_the_sitemap_of_the_site_url():
    assert robots_txt("https://x.example/guide/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://x.example/guide/sitemap.xml\n"
    )


def test_jsonld_escapes_what_could_end_or_swallow_its_script_element():
    html = '<h2 id="q">为什么 <code>&lt;/script&gt;&lt;!--&lt;script&gt;</code> 会？</h2><p>A &amp; B &lt;b&gt;</p>'
    data = faq_jsonld(html, "zh")
    assert "<" not in data and ">" not in data and "&" not in data
    assert "\\u003c/script\\u003e\\u003c!--\\u003cscript\\u003e" in data and "A \\u0026 B" in data
    assert json.loads(data)["mainEntity"][0]["name"] == "为什么 </script><!--<script> 会？"


def test_a_heading_is_a_question_by_its_mark_or_by_a_chinese_question_word():
    assert is_question("合作伙伴协议怎么下载？") and is_question("How do I sign?")
    assert is_question("哪些账号不支持关联成为渠道合作伙伴客户") and is_question("返佣是否按月结算")
    assert not is_question("合作伙伴旅程") and not is_question("按阶段查找") and not is_question("The partner journey")


@pytest.mark.parametrize(
    ("value", "preview"),
    [
        (None, False),
        (False, False),
        ("", False),
        (0, False),
        ("0", False),
        ("false", False),
        (True, True),
        (1, True),
        ("1", True),
        ("yes", True),
    ],
)
def test_a_preview_is_what_site_preview_says_as_yaml_reads_it(value, preview):
    assert is_preview({} if value is None else {"preview": value}) is preview


def test_a_preview_loses_every_sitemap_and_robots_txt_and_keeps_its_pages(tmp_path):
    for name in ("robots.txt", "sitemap.xml", "sitemap.xml.gz", "en/sitemap.xml", "index.html", "en/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    removed = drop_search_engine_files(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in removed) == [
        "en/sitemap.xml",
        "robots.txt",
        "sitemap.xml",
        "sitemap.xml.gz",
    ]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "en/index.html",
        "index.html",
    ]


def test_the_site_step_writes_no_robots_txt_and_drops_the_sitemaps_of_a_preview(tmp_path):
    from partner_guide.site.step import finish_site

    for name in ("index.html", "sitemap.xml", "en/sitemap.xml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html><head></head><body></body></html>", encoding="utf-8")
    finish_site(tmp_path, "https://example.com/sub/", ["zh", "en"], "zh", preview=True)
    assert not (tmp_path / "robots.txt").exists()
    assert not list(tmp_path.rglob("sitemap.xml*"))
    finish_site(tmp_path, "https://example.com/sub/", ["zh", "en"], "zh")
    assert "Sitemap: https://example.com/sub/sitemap.xml" in (tmp_path / "robots.txt").read_text(encoding="utf-8")
