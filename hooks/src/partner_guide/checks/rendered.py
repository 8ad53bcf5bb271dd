"""`make check` judges the HTML the build would publish (pure module, no MkDocs).

`check_rendered(text, path, registry, markdown)` renders one page as the
build does, without building the site: the front matter off
(checks/frontmatter.py), the same rewrite (site/rewrites.py), the
render-time limits (checks/limits.py), Python-Markdown with mkdocs.yml's
extensions (`markdown` = `compat.mkdocs_build.markdown_config(…)`; the
Tencent extension in the page's language), the
diagram frames (site/diagram_frames.py), and then the HTML boundary
(site/boundary.py). Its findings are the build's SAFE-* and HTML-UNCLOSED
lines, so a writer sees them before pushing.
"""

from __future__ import annotations

from typing import Any

import markdown as python_markdown

from ..compat.mkdocs_markdown import EXTENSION
from ..languages import language_of
from ..registry import Registry
from ..site.boundary import Locator, Removal, UrlPolicy, check_page
from ..site.diagram_frames import frame_diagrams
from ..site.rewrites import rewrite_markdown
from .findings import Finding
from .frontmatter import read_front_matter
from .limits import guard

MarkdownConfig = tuple[list[str], dict[str, dict[str, Any]]]


def render(text: str, path: str, registry: Registry, markdown: MarkdownConfig) -> str:
    """The page's content as the build renders it, before the boundary."""
    offset = read_front_matter(text).lines
    body = "\n".join(text.removeprefix("\ufeff").split("\n")[offset:])
    lang = language_of(path)
    safe, _ = guard(rewrite_markdown(body, registry))
    names, configs = markdown
    configs = {**configs, EXTENSION: {**configs.get(EXTENSION, {}), "lang": lang}}  # as hooks/rendering.py sets it
    html = python_markdown.Markdown(extensions=names, extension_configs=configs).convert(safe)
    return frame_diagrams(html, lang, source_path(path))


def check_rendered(text: str, path: str, registry: Registry, markdown: MarkdownConfig) -> list[Finding]:
    html = render(text, path, registry, markdown)
    return located(check_page(html, UrlPolicy.of(registry, source_path(path))).removals, text, path)


def located(removals: list[Removal], text: str, path: str) -> list[Finding]:
    """The boundary's removals as findings at the nearest lines of the page's source `text`."""
    locator = Locator(text, read_front_matter(text).lines + 1)
    return sorted(Finding(path, *locator.find(removal.needles), removal.rule, removal.message, removal.hint)
                  for removal in removals)


def source_path(path: str) -> str:
    """`docs/hot/rebate.md` -> `hot/rebate.md`: the page's path in docs/, which relative links start from."""
    return path.split("docs/", 1)[1] if "docs/" in path else path
