"""`make serve` (`mkdocs serve --dirty`): a rebuild renders a saved page and what it can break (site/preview.py).

`on_pre_build`: the plan (every page after a change to mkdocs.yml, hooks/ or overrides/, or to the set of
pages; else the changed pages, their other editions and the pages linking to them, with each edition's
files as the previous rebuild made them). `on_files`: those pages' output removed, so MkDocs renders them
again in each edition. `on_post_build`: the manifest the next plan reads, in the preview's output folder.
`on_serve`: the live reload as a script file, which the pages' Content-Security-Policy lets run
(compat/mkdocs_serve.py). Outside `mkdocs serve --dirty`, nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger
from partner_guide import adapter
from partner_guide.compat.i18n_plugin import in_language_rebuild
from partner_guide.compat.mkdocs_serve import dirty_serve, reload_by_file
from partner_guide.site import preview

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files

LOG = get_plugin_logger(__name__)


@event_priority(100)  # before hooks/checks.py reads the plan
def on_pre_build(*, config: MkDocsConfig) -> None:
    if dirty_serve() and not in_language_rebuild(config):
        LOG.info(adapter.plan_preview(config))


@event_priority(-120)  # after mkdocs-static-i18n (-100) made the edition's files
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    adapter.clear_preview_pages(files, config)
    return files


@event_priority(-120)  # after mkdocs-static-i18n (-100) built every edition
def on_post_build(*, config: MkDocsConfig) -> None:
    todo = preview.current(config)
    if todo is not None and not in_language_rebuild(config):
        preview.write_manifest(Path(config.site_dir), todo)


def on_serve(server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    reload_by_file(server)
    return server
