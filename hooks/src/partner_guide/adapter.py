"""What the hook entry modules share: the MkDocs side of the package.

The only module of the package, besides `compat/`, that knows MkDocs'
objects (and the only one importing MkDocs): the registry as a
`PluginError`, the version guard of `compat/`, source paths as findings show
them, and reporting findings once per build through the plugin logger (so
`--strict` fails after all of them are reported).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from mkdocs.exceptions import PluginError

from . import compat
from .checks.findings import Finding, format_finding, github_annotation, in_github_actions
from .registry import Registry, RegistryError, load_registry, registry_path

if TYPE_CHECKING:
    import logging

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def registry(config: MkDocsConfig) -> Registry:
    """The site's link registry (hooks/registry.yml beside mkdocs.yml); a broken
    one stops the build with the file and entry."""
    try:
        return load_registry(registry_path(Path(config.config_file_path).parent))
    except RegistryError as error:
        raise PluginError(str(error)) from None


def check_versions() -> None:
    """Stop the build when a third party changed under a workaround (see compat/)."""
    try:
        compat.check_versions()
    except compat.VersionChanged as error:
        raise PluginError(str(error)) from None


def repo_path(path: str | os.PathLike[str], config: MkDocsConfig) -> str:
    """A source path as findings show it: relative to the folder of mkdocs.yml."""
    root = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def page_source(page: Page) -> tuple[str, str] | None:
    """(absolute path, original text with front matter) of a page's source file."""
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


class Reporter:
    """Logs each finding once per build (the i18n plugin runs every event once per
    language) as a warning, and as a GitHub annotation under GitHub Actions."""

    def __init__(self, log: logging.Logger | logging.LoggerAdapter) -> None:
        self.log = log
        self.checked: set[str] = set()  # source paths already checked
        self.reported: set[str] = set()  # formatted findings already logged

    def reset(self) -> None:
        self.checked.clear()
        self.reported.clear()

    def first_time(self, path: str) -> bool:
        """True once per build for each source path."""
        new = path not in self.checked
        self.checked.add(path)
        return new

    def report(self, findings: Iterable[Finding]) -> None:
        annotate = in_github_actions()
        for finding in findings:
            line = format_finding(finding)
            if line in self.reported:
                continue
            self.reported.add(line)
            self.log.warning(line)
            if annotate:
                print(github_annotation(finding), flush=True)
