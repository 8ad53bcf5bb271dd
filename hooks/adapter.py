"""What the MkDocs adapters of the checks share (no event of its own).

`validate.py`, `parity_hook.py` and `shortlinks.py` are thin: they call the
pure modules and report through the helpers here. Only the adapters import
this module (it imports MkDocs); `check.py` does not.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from mkdocs.exceptions import PluginError

from findings import Finding, format_finding, github_annotation, in_github_actions
from registry import Registry, RegistryError, load_registry

if TYPE_CHECKING:
    import logging

    from mkdocs.config.defaults import MkDocsConfig


def registry() -> Registry:
    """The link registry; a broken one stops the build with the file and entry."""
    try:
        return load_registry()
    except RegistryError as error:
        raise PluginError(str(error)) from None


def in_language_rebuild(config: MkDocsConfig) -> bool:
    """True inside the extra builds mkdocs-static-i18n runs for other languages."""
    plugin = config.plugins.get("i18n") if hasattr(config.plugins, "get") else None
    return bool(getattr(plugin, "building", False))


def repo_path(path: str | os.PathLike[str], config: MkDocsConfig) -> str:
    """A source path as findings show it: relative to the folder of mkdocs.yml."""
    root = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def report(findings: Iterable[Finding], log: logging.Logger | logging.LoggerAdapter) -> None:
    """Log each finding as a warning (so --strict fails), and annotate it on GitHub."""
    annotate = in_github_actions()
    for finding in findings:
        log.warning(format_finding(finding))
        if annotate:
            print(github_annotation(finding), flush=True)
