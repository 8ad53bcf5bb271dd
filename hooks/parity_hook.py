"""The MkDocs adapter of the translation parity check (event: `on_pre_build`).

Runs `parity.check_parity` over every page in `docs_dir` once per build: in
the build of the default language, not again in the per-language builds that
mkdocs-static-i18n runs from its `on_post_build`. Each finding is logged as a
warning through the plugin logger, so `--strict` fails after all of them are
reported (and, with GITHUB_ACTIONS=true, printed as an `::error` annotation).
Nothing is kept between builds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

import adapter
from parity import check_parity

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


def on_pre_build(*, config: MkDocsConfig) -> None:
    if adapter.in_language_rebuild(config):
        return
    registry = adapter.registry()
    sources = {
        adapter.repo_path(path.resolve(), config): path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(Path(config.docs_dir).rglob("*.md"))
    }
    adapter.report(dict.fromkeys(check_parity(sources, registry)), log)
