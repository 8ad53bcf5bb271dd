"""Diagram frames with a text alternative (event: `on_page_content`).

`frame_diagrams(html, lang)` wraps each `<pre class="mermaid">` in
`<div class="diagram diagram--lr|--td" role="img" aria-label="…">`:

- the label is the text alternative of the drawing: "流程图：" / "Flowchart: "
  and the node labels in the order the diagram defines them, joined by →. The
  SVG that Mermaid draws sits in a closed shadow root and has no usable name.
- the frame has a fixed height per direction (extra.css), and the drawing is
  scaled into it (overrides/assets/javascripts/mermaid-loader.js), so the page
  does not jump when the diagram replaces its source (no layout shift).
"""

from __future__ import annotations

import html as htmllib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

PRE_RE = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.S)
DIRECTION_RE = re.compile(r"^\s*(?:flowchart|graph)\s+(?P<dir>TB|TD|BT|LR|RL)\b", re.M)
# A node's label: id["label"], id{"label"}, id("label") (quoted labels may
# hold brackets) and the unquoted forms id[label], id{label}, id(label).
NODE_RE = re.compile(
    r'\b(?P<id>[A-Za-z_][\w-]*)\s*[\[\({>]+'  # the node id and its opening shape
    r'(?:"(?P<quoted>[^"]*)"|(?P<plain>[^"\]\)}]+))'  # a quoted or a plain label
)
PREFIX = {"zh": "流程图：", "en": "Flowchart: "}


def alt_text(source: str, lang: str) -> str:
    labels: dict[str, str] = {}
    for match in NODE_RE.finditer(source):
        label = match.group("quoted") if match.group("quoted") is not None else match.group("plain")
        labels.setdefault(match.group("id"), label.strip())
    return PREFIX.get(lang, PREFIX["en"]) + " → ".join(labels.values())


def frame_diagrams(html: str, lang: str) -> str:
    def frame(match: re.Match) -> str:
        source = htmllib.unescape(match.group("source"))
        direction = DIRECTION_RE.search(source)
        kind = "lr" if direction and direction.group("dir") in ("LR", "RL") else "td"
        label = htmllib.escape(alt_text(source, lang), quote=True)
        return f'<div class="diagram diagram--{kind}" role="img" aria-label="{label}">{match.group(0)}</div>'

    return PRE_RE.sub(frame, html)


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    lang = str((config.theme.get("language") if config.theme else None) or "zh")[:2]
    return frame_diagrams(html, lang)
