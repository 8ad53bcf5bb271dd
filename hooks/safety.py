"""The safety boundary (README, "Safety"): diagrams and files checked, each page read as UTF-8 with only
its allowed front matter, its front-matter text escaped and a crash while rendering reported. The limits,
the HTML boundary and the sanitizer are the page extension's (partner_guide/markdown/page.py), the
Content-Security-Policy the site step's (partner_guide/site/step.py). Logic: partner_guide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger
from partner_guide import adapter
from partner_guide.compat.i18n_plugin import in_language_rebuild

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

REPORTER = adapter.Reporter(get_plugin_logger(__name__))


def on_pre_build(*, config: MkDocsConfig) -> None:
    if not in_language_rebuild(config):
        REPORTER.reset()
        REPORTER.report(adapter.drawing_findings(config))


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    files, findings = adapter.checked_files(files, config)
    REPORTER.report(findings)
    return files


@event_priority(100)
def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    return adapter.safe_page_source(page)


@event_priority(-100)  # after every rewrite, right before Python-Markdown
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return adapter.safe_markdown(markdown, page, config, REPORTER.report)
