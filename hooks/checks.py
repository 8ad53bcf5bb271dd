"""Page checks: every finding is a warning, so `--strict` fails (partner_guide/checks).

- `on_pre_build`: a broken registry stops the build; the findings of the
  previous build are forgotten, except in the per-language builds that
  mkdocs-static-i18n runs from its own `on_post_build` (the same build).
- `on_page_markdown`: the source rules of `ruleset.run_checks` on the ORIGINAL
  file (front matter included, so line numbers are the file's), once per file
  and build; and the page extension (partner_guide/markdown/page.py) told which
  page it renders next: it runs every page rule on the rendered page and
  reports here, with the page's facts.
- `on_post_build` of the edition built last (every page of every edition
  rendered): translation parity, links to other pages' anchors and the
  search synonyms, over every rendered page.

Content problems never raise. Nothing is written anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from partner_guide import adapter
from partner_guide.checks.anchors import check_anchors
from partner_guide.checks.parity import check_parity
from partner_guide.checks.ruleset import run_checks
from partner_guide.checks.synonyms import check_synonyms_file, synonyms_path
from partner_guide.compat.i18n_plugin import in_language_rebuild, last_edition
from partner_guide.languages import build_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

REPORTER = adapter.Reporter(get_plugin_logger(__name__))


def on_pre_build(*, config: MkDocsConfig) -> None:
    adapter.registry(config)
    if not in_language_rebuild(config):
        REPORTER.reset()


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    source = adapter.page_source(page)
    if source is not None and REPORTER.first_time(source[0]):
        REPORTER.report(run_checks(source[1], adapter.repo_path(source[0], config), adapter.registry(config)))
    adapter.render_next(page, config, REPORTER)
    return None


def on_post_build(*, config: MkDocsConfig) -> None:
    if build_language(config) != last_edition(config):
        return
    sources = {adapter.repo_path(path.resolve(), config): path.read_text(encoding="utf-8", errors="replace")
               for path in sorted(Path(config.docs_dir).rglob("*.md"))}
    REPORTER.report(check_parity(REPORTER.models))
    REPORTER.report(check_anchors(REPORTER.models))
    synonyms = synonyms_path(Path(config.config_file_path).parent)
    REPORTER.report(check_synonyms_file(synonyms, sources, adapter.repo_path(synonyms, config)))
