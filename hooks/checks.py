"""Page checks: every finding is a warning, so `--strict` fails (partner_guide/checks).

- `on_pre_build`: a broken registry stops the build; the findings of the
  previous build are forgotten, except in the per-language builds that
  mkdocs-static-i18n runs from its own `on_post_build` (the same build);
  translation parity, links to other pages' anchors and the search synonyms
  (hooks/synonyms.yml) are checked once per build, over every page.
- `on_page_markdown`: the checks of `ruleset.run_checks` on the ORIGINAL
  source file (front matter included, so line numbers are the file's), once
  per source file and build.

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
from partner_guide.compat.i18n_plugin import in_language_rebuild
from partner_guide.site import preview

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

REPORTER = adapter.Reporter(get_plugin_logger(__name__))


def on_pre_build(*, config: MkDocsConfig) -> None:
    registry = adapter.registry(config)
    if in_language_rebuild(config):
        return
    REPORTER.reset()
    if todo := preview.partial(config):  # `make serve`: only the pages this rebuild renders (hooks/preview.py)
        REPORTER.report(preview.cross_page_findings(todo, Path(config.config_file_path).parent, registry))
        return
    sources = {adapter.repo_path(path.resolve(), config): path.read_text(encoding="utf-8", errors="replace")
               for path in sorted(Path(config.docs_dir).rglob("*.md"))}
    REPORTER.report(check_parity(sources, registry))
    REPORTER.report(check_anchors(sources))
    synonyms = synonyms_path(Path(config.config_file_path).parent)
    REPORTER.report(check_synonyms_file(synonyms, sources, adapter.repo_path(synonyms, config)))


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    source = adapter.page_source(page)
    if source is not None and REPORTER.first_time(source[0]):
        REPORTER.report(run_checks(source[1], adapter.repo_path(source[0], config), adapter.registry(config)))
    return None
