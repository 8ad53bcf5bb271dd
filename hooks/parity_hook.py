"""The MkDocs adapter of the translation parity check (event: `on_pre_build`).

Runs `parity.check_parity` over every page in `docs_dir` once per build: in
the build of the default language, not again in the per-language builds that
mkdocs-static-i18n runs from its `on_post_build`. Each finding is logged as a
warning through the plugin logger, so `--strict` fails after all of them are
reported (and, with GITHUB_ACTIONS=true, printed as an `::error` annotation).
Nothing is kept between builds.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from findings import format_finding, github_annotation, in_github_actions
from parity import check_parity
from registry import RegistryError, load_registry

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


def _in_language_rebuild(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("i18n") if hasattr(config.plugins, "get") else None
    return bool(getattr(plugin, "building", False))


def on_pre_build(*, config: MkDocsConfig) -> None:
    if _in_language_rebuild(config):
        return
    try:
        registry = load_registry()
    except RegistryError as error:
        raise PluginError(str(error)) from None
    root = Path(os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml")))
    docs = Path(config.docs_dir)
    sources = {}
    for path in sorted(docs.rglob("*.md")):
        shown = Path(os.path.relpath(path.resolve(), root)).as_posix()
        sources[shown] = path.read_text(encoding="utf-8", errors="replace")
    annotate = in_github_actions()
    for finding in dict.fromkeys(check_parity(sources, registry)):
        log.warning(format_finding(finding))
        if annotate:
            print(github_annotation(finding), flush=True)
