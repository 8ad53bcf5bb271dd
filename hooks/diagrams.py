"""Process diagrams as readers get them (events: `on_page_content`, `on_post_page`).

- `on_page_content`: each diagram gets a frame with its text alternative and
  its final proportions (partner_guide/site/diagram_frames.py).
- `on_post_page`, after Material's search indexing (so the drawing's labels
  and styles stay out of the index and the FAQ JSON-LD): the drawing of each
  diagram (committed by `make diagrams`, or drawn by CI into .cache/diagrams/
  with `guide-diagrams --missing`) goes beside its source, and readers'
  browsers run no Mermaid code. A diagram with no drawing of its current
  source is an INFO line, not a warning: it renders in the browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from partner_guide import adapter
from partner_guide.languages import build_language
from partner_guide.site.diagram_frames import attach_drawings, cache_dir, frame_diagrams, undrawn

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


LOG = get_plugin_logger(__name__)


def _cache(config: MkDocsConfig) -> Path:
    return cache_dir(Path(config.config_file_path).parent)


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    cache = _cache(config)
    path = page.file.abs_src_path
    shown = adapter.repo_path(path, config) if path else page.file.src_uri
    for name in undrawn(html, page.file.src_uri, cache):
        # Information, not a warning: the diagram renders in the browser, and CI draws it before publishing.
        LOG.info(f"{shown}: diagram {name.rsplit('-', 1)[1]} has no drawing of its current source yet; readers' "
                 "browsers draw it (CI draws it before publishing; `make diagrams` commits one)")
    return frame_diagrams(html, build_language(config), page.file.src_uri, cache)


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    return attach_drawings(output, page.file.src_uri, _cache(config))
