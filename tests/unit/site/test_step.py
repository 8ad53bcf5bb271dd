"""The site step (partner_guide/site/step.py) and `guide-site-step`: one pass over a built folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from partner_guide.compat.material_search import worker_to
from partner_guide.site.step import SearchSettings, finish_site
from partner_guide.tools import site_step

EDITION = '<script src="/assets/javascripts/edition-404.js"></script>'
PAGE = (
    '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title>' + EDITION + "</head>"
    '<body><h1 id="not-found-{lang}">404</h1><script>var x = 1;</script>' + EDITION + "</body></html>"
)


# A built page as the theme makes it: the head's links, navigation, then the article (the page's content,
# the last-updated line and the contact block, both marked out of search).
ARTICLE_PAGE = (
    '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title>'
    '<link rel="canonical" href="https://guide.example/{prefix}{url}">'
    '<link rel="alternate" href="https://guide.example/{url}" hreflang="zh">'
    '<link rel="alternate" href="https://guide.example/en/{url}" hreflang="en">{head}</head>'
    '<body><nav class="md-nav"><a href="#">导航菜单 navigation menu</a></nav>'
    '<article class="md-content__inner md-typeset"><h1 id="page">{title}</h1><p>{intro}</p>'
    '<h2 id="{anchor}">{question}<a class="headerlink" href="#{anchor}">¶</a></h2><p>{answer}</p>'
    '<div class="md-source-file" data-search-exclude>2026年12月7日</div>'
    '<section class="partner-contact" data-search-exclude><h2 id="partner-contact-title">没找到答案？</h2></section>'
    "</article><script>var x = 1;</script></body></html>"
)
EXCLUDED = '<meta name="partner-search" content="exclude">'
PAGES = {
    "hot/rebate/index.html": (
        "zh",
        "hot/rebate/",
        "返佣流程",
        "每月结算。",
        "rebate-process",
        "返佣怎么付？",
        "15个工作日付款。",
    ),
    "writing/index.html": ("zh", "writing/", "写作指南", "给编辑。", "links", "怎么写链接？", "用短名。"),
    "en/hot/rebate/index.html": ("en", "hot/rebate/", "Rebates", "Monthly.", "rebate-process", "How?", "15 days."),
    "en/writing/index.html": ("en", "writing/", "Writers' guide", "Editors.", "links", "Links?", "Short names."),
}
SEARCH = SearchSettings(worker_to, "[\\s]+", {"zh": [("返佣", ("佣金",))]})


def built(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "404.html").write_text(PAGE.format(lang="zh"), encoding="utf-8")
    (site / "en" / "404.html").write_text(PAGE.format(lang="en"), encoding="utf-8")
    (site / "index.html").write_text(PAGE.format(lang="zh").replace("404", "首页"), encoding="utf-8")
    for name, (lang, url, title, intro, anchor, question, answer) in PAGES.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        prefix = "" if lang == "zh" else "en/"
        head = EXCLUDED if url == "writing/" else ""
        fields = {"lang": lang, "prefix": prefix, "url": url, "head": head, "title": title, "intro": intro}
        html = ARTICLE_PAGE.format(**fields, anchor=anchor, question=question, answer=answer)
        (site / name).write_text(html, encoding="utf-8")
    return site


def documents(site, prefix=""):
    engine = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    folder = Path(os.path.normpath(site / "assets" / "javascripts" / "workers" / engine["engine"]["path"]))
    return json.loads((folder / "d" / "0.json").read_text(encoding="utf-8"))


def test_each_editions_search_index_is_read_from_the_built_articles(tmp_path):
    site = built(tmp_path)
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh", search=SEARCH)
    assert documents(site) == [
        [-1, "hot/rebate/", "返佣流程", "每月结算。"],
        [0, "rebate-process", "返佣怎么付？", "15个工作日付款。"],
    ]
    assert documents(site, "en/") == [
        [-1, "hot/rebate/", "Rebates", "Monthly."],
        [0, "rebate-process", "How?", "15 days."],
    ]
    config = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert (
        config["lang"] == ["zh"] and config["separator"] == "[\\s]+" and config["engine"]["syn"] == {"佣金": ["返佣"]}
    )


def test_the_sitemap_lists_every_page_of_every_edition_with_its_alternates(tmp_path):
    site = built(tmp_path)
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh")
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = [loc.split("</loc>")[0] for loc in text.split("<loc>")[1:]]
    assert locs == [
        "https://guide.example/hot/rebate/",
        "https://guide.example/writing/",  # out of search, not out of search engines
        "https://guide.example/en/hot/rebate/",
        "https://guide.example/en/writing/",
    ]
    assert '<xhtml:link rel="alternate" hreflang="en" href="https://guide.example/en/writing/"/>' in text
    assert (site / "sitemap.xml.gz").is_file() and "404" not in text


def test_a_partial_preview_rebuild_leaves_the_search_index_and_the_sitemap_as_they_were(tmp_path):
    site = built(tmp_path)
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh", search=SEARCH)
    kept = {p: p.read_bytes() for p in [*site.rglob("search/**/*.json"), site / "sitemap.xml"] if p.is_file()}
    page = site / "hot" / "rebate" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("每月结算", "每周结算"), encoding="utf-8")
    (site / "sitemap.xml").unlink()
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh", search=SEARCH, written_since=0)
    assert "每周结算" not in json.dumps(documents(site), ensure_ascii=False)
    assert {p: p.read_bytes() for p in kept if p.is_file()} == {
        p: b for p, b in kept.items() if p.name != "sitemap.xml"
    }
    assert not (site / "sitemap.xml").exists()
    assert page.read_text(encoding="utf-8").count('http-equiv="Content-Security-Policy"') == 1


def test_the_step_writes_the_single_404_robots_txt_and_every_pages_policy(tmp_path):
    site = built(tmp_path)
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh")
    root = (site / "404.html").read_text(encoding="utf-8")
    assert '<template data-edition="/en/"' in root and 'id="not-found-en"' in root
    assert "Sitemap: https://guide.example/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    for page in ("index.html", "404.html", "en/404.html"):
        assert (site / page).read_text(encoding="utf-8").count('http-equiv="Content-Security-Policy"') == 1, page


def test_running_the_step_again_changes_nothing(tmp_path):
    site = built(tmp_path)
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh", search=SEARCH)
    once = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh", search=SEARCH)
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == once


def test_the_command_runs_the_step_alone_and_refuses_a_folder_without_pages(tmp_path, capsys, monkeypatch):
    site = built(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796658830")
    assert site_step.main([str(site), "--site-url", "https://guide.example/"]) == 0
    assert (site / "robots.txt").is_file() and '<template data-edition="/en/"' in (site / "404.html").read_text()
    assert "<lastmod>2026-12-07</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert documents(site)[1][1] == "rebate-process" and documents(site, "en/")[1][2] == "How?"
    # The separator of this repository's mkdocs.yml (no mkdocs.yml beside the folder), as the build writes it.
    config = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["separator"].startswith("[\\s\\u3000") and os.environ["SOURCE_DATE_EPOCH"] == "1796658830"
    shutil.rmtree(site)
    site.mkdir()
    assert site_step.main([str(site)]) == 2
    assert "build the site first" in capsys.readouterr().err


def test_a_partial_preview_rebuild_finishes_only_the_pages_it_names(tmp_path):
    site = built(tmp_path)
    (site / "other").mkdir()
    (site / "other" / "index.html").write_text(PAGE.format(lang="zh"), encoding="utf-8")
    finish_site(site, "", ["zh", "en"], "zh", written_since=0, pages=[site / "index.html", site / "gone.html"])
    assert 'http-equiv="Content-Security-Policy"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' not in (site / "other" / "index.html").read_text(encoding="utf-8")
