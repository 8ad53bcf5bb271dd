"""The MkDocs adapter of the page checks (events: `on_pre_build`, `on_page_markdown`).

- `on_pre_build` forgets what the previous build reported, except in the
  extra per-language builds that mkdocs-static-i18n runs from its own
  `on_post_build`: those belong to the same build.
- `on_page_markdown` runs `ruleset.run_checks` on the ORIGINAL source file
  (front matter included, so line numbers are the file's), once per source
  file and build, and logs every new finding as a warning through the plugin
  logger, so that `--strict` fails after all findings are reported. With
  GITHUB_ACTIONS=true it also prints `::error` annotations. It then returns
  the page with its admonitions rewritten for Material (`admonitions.py`),
  titled in the build's language (`config.theme.language`).

Content problems never raise; a broken registry raises `PluginError`.
Nothing is written anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

import adapter
from admonitions import transform_admonitions
from findings import format_finding
from ruleset import run_checks

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class _BuildState:
    """What this build has checked and reported; reset by `on_pre_build`."""

    def __init__(self) -> None:
        self.checked: set[str] = set()  # source paths already checked
        self.reported: set[str] = set()  # formatted findings already logged

    def reset(self) -> None:
        self.checked.clear()
        self.reported.clear()


STATE = _BuildState()


def on_pre_build(*, config: MkDocsConfig) -> None:
    adapter.registry()  # fail early and once on a broken registry
    if not adapter.in_language_rebuild(config):
        STATE.reset()


def _source(page: Page) -> tuple[str, str] | None:
    """(repository-relative path, original text) of the page's source file."""
    abs_path = page.file.abs_src_path
    if not abs_path:
        return None
    try:
        text = page.file.content_string
    except (OSError, UnicodeDecodeError, TypeError):
        try:
            text = Path(abs_path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    return abs_path, text


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    registry = adapter.registry()
    source = _source(page)
    if source is not None:
        abs_path, text = source
        if abs_path not in STATE.checked:
            STATE.checked.add(abs_path)
            new = []
            for finding in run_checks(text, adapter.repo_path(abs_path, config), registry):
                line = format_finding(finding)
                if line not in STATE.reported:
                    STATE.reported.add(line)
                    new.append(finding)
            adapter.report(new, log)
    language = str(config.theme.get("language") or "en") if config.theme else "en"
    return transform_admonitions(markdown, language)
