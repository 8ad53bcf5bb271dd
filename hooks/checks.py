"""The rules (partner_guide/checks): every finding a warning, so `--strict` fails.

- `on_pre_build`: a broken registry stops the build; the last build's findings are forgotten.
- `on_page_markdown`: the source rules on the ORIGINAL file; the page pipeline (markdown/page.py) reports here.
- `on_post_build`, last edition: parity, anchors (of a `make serve` rebuild: its pages), synonyms, terms."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger
from partner_guide import adapter
from partner_guide.checks.anchors import check_anchors
from partner_guide.checks.copy import check_terms_file, terms_path
from partner_guide.checks.parity import check_parity
from partner_guide.checks.ruleset import run_checks
from partner_guide.checks.synonyms import check_synonyms_file, synonyms_path
from partner_guide.compat.i18n_plugin import in_language_rebuild, last_edition
from partner_guide.compat.mkdocs_markdown import set_extension_language
from partner_guide.languages import build_language
from partner_guide.site import preview

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
    set_extension_language(config, build_language(config))
    adapter.render_next(page, config, REPORTER)
    return None


def on_post_build(*, config: MkDocsConfig) -> None:
    if build_language(config) == last_edition(config):
        REPORTER.report(check_parity(REPORTER.models) + check_anchors(REPORTER.models))
        if preview.partial(config):  # `make serve`: the pages this rebuild rendered, and only those (hooks/preview.py)
            return
        sources = {
            adapter.repo_path(path.resolve(), config): path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(Path(config.docs_dir).rglob("*.md"))
        }
        root = Path(config.config_file_path).parent
        synonyms, terms = synonyms_path(root), terms_path(root)
        REPORTER.report(check_synonyms_file(synonyms, sources, adapter.repo_path(synonyms, config)))
        REPORTER.report(check_terms_file(terms, adapter.repo_path(terms, config)))
