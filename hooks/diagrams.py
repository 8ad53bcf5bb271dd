"""The pre-drawn drawings of the diagrams (event: `on_post_page`).

The frames with their text alternative are the page extension's (partner_guide/markdown/page.py). Here,
after Material's search indexing (so the drawing's labels and styles stay out of the index and the FAQ
JSON-LD), the drawing that `make diagrams` made of each diagram goes beside its source, and readers'
browsers run no Mermaid code (partner_guide/site/diagram_frames.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partner_guide.site.diagram_frames import attach_drawings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    return attach_drawings(output, page.file.src_uri)
