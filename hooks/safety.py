"""The safety boundary (README, "Safety"): diagrams and files checked, each page read as UTF-8 with only
its allowed front matter, its front-matter text escaped and a crash while rendering reported, and every
page given the Content-Security-Policy last. The limits, the HTML boundary and the sanitizer are the page
extension's (partner_guide/markdown/page.py). Logic: partner_guide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger

from partner_guide import adapter
from partner_guide.compat.i18n_plugin import in_language_rebuild
from partner_guide.site.csp import with_csp

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


@event_priority(-100)  # last: hashes the inline scripts of the finished page
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    return with_csp(output)


@event_priority(50)  # before hooks/editions.py writes en/404.html itself
def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
    return with_csp(output) if template_name.endswith(".html") else output
