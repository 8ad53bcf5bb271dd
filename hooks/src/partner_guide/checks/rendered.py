"""A page rendered without MkDocs: plain Python-Markdown with mkdocs.yml's extensions (pure module).

`make check` renders every page this way; the build renders it inside MkDocs with the same extensions. The
page extension (`partner_guide.markdown.page`) runs the page rules, the boundary and the sanitizer in both,
so `render_page` gives the HTML the build publishes for the page's content, its findings and its facts for
the rules across pages. Only the front matter is MkDocs' business: it is cut off here as MkDocs does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import markdown as python_markdown

from ..compat.mkdocs_markdown import EXTENSION, PAGE_EXTENSION
from ..languages import language_of
from ..markdown.page import PageContext
from ..registry import Registry
from .findings import Finding
from .frontmatter import read_front_matter
from .tree import PageModel, PageTree

MarkdownConfig = tuple[list[str], dict[str, dict[str, Any]]]


@dataclass
class Rendered:
    html: str  # the page's content as published
    findings: list[Finding]
    model: PageModel
    tree: PageTree | None = None  # the rendered page the rules judged (the copy checks' fix reads it again)


def render_page(text: str, path: str, registry: Registry, markdown: MarkdownConfig) -> Rendered:
    """One page (its whole file `text`, named `path` in findings) through mkdocs.yml's Markdown extensions."""
    text = text.removeprefix("\ufeff")
    offset = read_front_matter(text).lines
    body = "\n".join(text.split("\n")[offset:])
    lang = language_of(path)
    names, configs = markdown
    context = PageContext(path, text, offset + 1, registry)
    configs = {
        **configs,
        EXTENSION: {**configs.get(EXTENSION, {}), "lang": lang},
        PAGE_EXTENSION: {**configs.get(PAGE_EXTENSION, {}), "lang": lang, "context": context},
    }
    md = python_markdown.Markdown(extensions=names, extension_configs=configs)
    html = md.convert(body)
    return Rendered(
        html,
        list(getattr(md, "findings", [])),
        getattr(md, "page_model", None) or PageModel(path),
        getattr(md, "page_tree", None),
    )
