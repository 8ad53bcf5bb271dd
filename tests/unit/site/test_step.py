"""The site step (partner_guide/site/step.py) and `guide-site-step`: one pass over a built folder."""

from __future__ import annotations

import shutil

from partner_guide.site.step import finish_site
from partner_guide.tools import site_step

EDITION = '<script src="/assets/javascripts/edition-404.js"></script>'
PAGE = (
    '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title>' + EDITION + "</head>"
    '<body><h1 id="not-found-{lang}">404</h1><script>var x = 1;</script>' + EDITION + "</body></html>"
)


def built(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "404.html").write_text(PAGE.format(lang="zh"), encoding="utf-8")
    (site / "en" / "404.html").write_text(PAGE.format(lang="en"), encoding="utf-8")
    (site / "index.html").write_text(PAGE.format(lang="zh").replace("404", "首页"), encoding="utf-8")
    return site


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
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh")
    once = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    finish_site(site, "https://guide.example/", ["zh", "en"], "zh")
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == once


def test_the_command_runs_the_step_alone_and_refuses_a_folder_without_pages(tmp_path, capsys):
    site = built(tmp_path)
    assert site_step.main([str(site), "--site-url", "https://guide.example/"]) == 0
    assert (site / "robots.txt").is_file() and '<template data-edition="/en/"' in (site / "404.html").read_text()
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
