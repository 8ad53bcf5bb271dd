"""Process diagrams as readers get them (events: `on_page_content`, `on_post_page`).

- `on_page_content`: each diagram gets a frame with its text alternative and
  its final proportions (partner_guide/site/diagram_frames.py).
- `on_post_page`, after Material's search indexing (so the drawing's labels
  and styles stay out of the index and the FAQ JSON-LD): the drawing that
  `make diagrams` made of each diagram goes beside its source, and readers'
  browsers run no Mermaid code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partner_guide.languages import build_language
from partner_guide.site.diagram_frames import attach_drawings, frame_diagrams

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return frame_diagrams(html, build_language(config), page.file.src_uri)


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    return attach_drawings(output, page.file.src_uri)
