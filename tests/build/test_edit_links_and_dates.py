"""Every page: an "Edit this page" link to its own source file, and its last-updated date.

- The edit link comes from `edit_uri` in mkdocs.yml (no `repo_url`, whose
  header widget asks api.github.com for the star count on every page load).
  With the i18n suffix layout the English page `en/hot/rebate/` is built from
  `docs/hot/rebate.en.md`, and its link must open that file.
- The date comes from hooks/dates.py (one `git log` per build, the markup of
  mkdocs-git-revision-date-localized-plugin), in the page's language. Outside a git checkout it falls back
  to the build date,
  so an unzipped copy of the repository still builds with `--strict`.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support import ROOT, WARNING_LINE, html_pages, is_chinese_page
from tests.visits import Sweep

DOCS = ROOT / "docs"
DATE_CLASS = "git-revision-date-localized-plugin-date"
ZH_DATE_RE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")  # 2026年11月26日
EN_DATE_RE = re.compile(
    r"^(January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{1,2}, \d{4}$"
)  # November 26, 2026


class _PageScan(HTMLParser):
    """Edit links, dates, and every URL the page would load by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.edit_links: list[str] = []
        self.dates: list[str] = []
        self.loaded: list[str] = []  # src of scripts/images/iframes, href of stylesheets etc.
        self.repo_widget = False
        self._in_date = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("rel") == "edit":
            self.edit_links.append(a.get("href", ""))
        if tag == "span" and DATE_CLASS in a.get("class", "").split():
            self._in_date = True
            self.dates.append("")
        if a.get("data-md-component") == "source":
            self.repo_widget = True
        if tag in ("script", "img", "iframe", "source", "video", "audio") and a.get("src"):
            self.loaded.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate", "sitemap"):
            self.loaded.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "span":
            self._in_date = False

    def handle_data(self, data):
        if self._in_date:
            self.dates[-1] += data.strip()


def _scan(html: Path) -> _PageScan:
    scan = _PageScan()
    scan.feed(html.read_text(encoding="utf-8"))
    return scan


def _content_pages(site_dir: Path) -> list[Path]:
    # 404 pages are rendered from a template, not from a file in docs/.
    return [p for p in html_pages(site_dir) if p.name == "index.html"]


def _expected_source(site_dir: Path, html: Path) -> str:
    """The docs/ file a built page comes from, e.g. `hot/rebate.en.md`."""
    parts = list(html.relative_to(site_dir).parts[:-1])
    suffix = ".md"
    if not is_chinese_page(site_dir, html):
        suffix = f".{parts.pop(0)}.md"
    stem = "/".join(parts) or "index"
    candidates = [f"{stem}{suffix}", f"{stem}/index{suffix}"]
    existing = [c for c in candidates if (DOCS / c).is_file()]
    assert len(existing) == 1, f"{html}: expected one source among {candidates}, found {existing}"
    return existing[0]


def _edit_uri_default() -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r'^edit_uri: !ENV \[EDIT_URI, "(?P<uri>[^"]+)"\]$', text, re.M)
    assert match, 'mkdocs.yml: edit_uri should be `!ENV [EDIT_URI, "https://…/edit/main/docs/"]`'
    return match.group("uri")


def test_no_repo_url_so_no_page_asks_the_github_api():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert not config.get("repo_url"), "repo_url makes every page fetch the star count from api.github.com"
    assert "content.action.edit" in config["theme"]["features"]
    assert re.fullmatch(r"https://github\.com/[^/]+/[^/]+/edit/[^/]+/docs/", _edit_uri_default())


@pytest.mark.content
def test_every_page_links_to_its_own_source_file(site_dir):
    # The workflows set EDIT_URI to their own repository; the session build
    # inherits the environment.
    base = os.environ.get("EDIT_URI") or _edit_uri_default()
    base = base if base.endswith("/") else base + "/"
    pages = _content_pages(site_dir)
    assert any(not is_chinese_page(site_dir, p) for p in pages), "no English page was built"
    for html in pages:
        scan = _scan(html)
        assert scan.edit_links == [base + _expected_source(site_dir, html)], html


@pytest.mark.content
def test_every_page_shows_its_last_updated_date_in_its_language(site_dir):
    for html in _content_pages(site_dir):
        dates = _scan(html).dates
        assert len(dates) == 1, f"{html}: expected one last-updated date, found {dates}"
        pattern = ZH_DATE_RE if is_chinese_page(site_dir, html) else EN_DATE_RE
        assert pattern.match(dates[0]), f"{html}: {dates[0]!r} is not a localized date"


@pytest.mark.content
def test_no_page_loads_anything_from_another_host_or_shows_the_repo_widget(site_dir):
    for html in html_pages(site_dir):
        scan = _scan(html)
        assert not scan.repo_widget, f"{html}: the repository widget calls api.github.com"
        external = [u for u in scan.loaded if urlsplit(u).netloc or u.startswith("//")]
        assert not external, f"{html} loads {external}"
        assert "api.github.com" not in html.read_text(encoding="utf-8"), html


@pytest.mark.browser
def test_pages_with_edit_links_make_no_third_party_request(visits: Sweep):
    """The edit link as a reader's browser has it, during each page's one visit (tests/visits.py)."""
    pages = [visit for visit in visits.pages if not visit.path.endswith("404.html")]
    assert len(pages) >= 10
    for visit in pages:
        assert len(visit.edit_links) == 1, visit.url
        assert visit.edit_links[0] in ("编辑此页", "Edit this page"), visit.url
        assert visit.third_party == [], f"{visit.url}: {visit.third_party}"


@pytest.mark.slow
def test_a_copy_without_git_still_builds_strict_and_shows_the_build_date(deployment_build):
    """An unzipped copy of the repository: no .git, so every date is the build date."""
    assert not (deployment_build.copy / ".git").exists()
    output = deployment_build.result.stdout + deployment_build.result.stderr
    assert deployment_build.result.returncode == 0, output
    assert not WARNING_LINE.search(output), output
    build_days = {
        f"{d.year}年{d.month}月{d.day}日"
        for d in (deployment_build.started, deployment_build.started + timedelta(minutes=10))
    }
    dates = _scan(deployment_build.out / "index.html").dates
    assert len(dates) == 1 and dates[0] in build_days, dates
