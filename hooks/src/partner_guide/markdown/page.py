"""Python-Markdown extension: the guide's page pipeline, from a page's Markdown to the HTML readers get.

Load it as `partner_guide.markdown.page` in mkdocs.yml's `markdown_extensions`, after
`partner_guide.markdown.tencent`. MkDocs renders every page with it, and `make check` renders with plain
Python-Markdown and the same extensions (checks/rendered.py): both run this one pipeline. Per page, in order:

1. the limits that protect the renderer: Markdown that would hang or recurse is replaced (checks/limits.py);
2. the registry's short links (`[通知公告][announce]`) are known references (hooks/registry.yml);
3. (Python-Markdown and the other extensions render the page; `tencent` its Tencent syntax and admonitions)
4. which heading ids the writer gave, and the links as written, are noted; every other heading gets its
   pinyin slug (markdown/slugs.py, as `make import` writes them), before the toc extension would id it;
   the toc's permalinks get their title in the page's language;
5. diagram frames with their text alternative (site/diagram_frames.py);
6. the page audit: every page rule judges the rendered page (checks/ruleset.py `TREE_RULES`, on
   checks/tree.py's `PageTree`), then the HTML boundary (site/boundary.py); each finding at its source line;
7. the sanitizer (nh3): what is published; then the pre-drawn drawings join their frames: committed ones,
   else the ones CI drew into the build's cache (`diagram_cache`); a diagram with neither renders live and the
   build says so in an INFO line (`inform`), not a warning.

Config: `lang` (zh or en), `context` (a `PageContext`: which file this is, its source for placing findings,
the registry, where to report; the build's hook sets it per page) and `sanitize` (True; only a test's own
configuration turns it off, and the page then fails with SAFE-UNSANITIZED). After `convert`, `md.findings`
holds the page's findings and `md.page_model` its facts for the rules across pages (checks/tree.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .. import ui
from ..checks.findings import Finding
from ..checks.limits import guard
from ..checks.tree import HEADINGS, Notes, PageModel, PageTree
from ..compat.python_markdown import AFTER_ATTR_LIST, AFTER_TOC, BEFORE_TOC
from ..registry import REGISTRY_PATH, Registry, load_registry
from .slugs import heading_id

PLACEHOLDER_RE = re.compile(f"{util.STX}[a-z]+:[0-9]+{util.ETX}")  # what Python-Markdown stashed in a heading


@dataclass
class PageContext:
    """Which page is rendered, for its findings (the build's hook and `make check` give one per page)."""

    path: str = "page.md"  # as findings name it, e.g. docs/hot/rebate.md
    text: str = ""  # the whole source file (front matter included), where findings are placed; "" = the Markdown
    body_line: int = 1  # the file's line the Markdown starts at (after the front matter)
    registry: Registry | None = None
    report: Callable[[list[Finding], PageModel], None] | None = None  # called once the page is rendered
    links_from: str = ""  # the page's URL when MkDocs has made its relative links relative to it (`hot/x/`)
    diagram_cache: Path | None = None  # the drawings CI drew for this build (.cache/diagrams/ of the site's root)
    inform: Callable[[str], None] | None = None  # where an INFO line goes (a diagram without a drawing yet)

    @property
    def url(self) -> str:
        """`docs/hot/rebate.md` -> `hot/rebate.md`: the page's path in docs/, which relative links start from."""
        return self.path.split("docs/", 1)[1] if "docs/" in self.path else self.path


@dataclass
class PageState:
    context: PageContext
    registry: Registry
    markdown: str = ""
    notes: Notes = field(default_factory=Notes)
    untitled: dict[int, str] = field(default_factory=dict)  # id() of each heading without an id -> its text
    tree_done: bool = False  # the tree processors have run (after them, postprocessors render the page)


class PageStart(Preprocessor):
    """Steps 1-2: the limits, and the registry's short names as references the writer's own may override."""

    def run(self, lines: list[str]) -> list[str]:
        state: PageState = self.md.page_state  # type: ignore[attr-defined]
        state.markdown = "\n".join(lines)
        state.notes = Notes()
        state.tree_done = False
        for name, link in state.registry.links.items():
            self.md.references.setdefault(name.lower(), (link.url, ""))  # no title
        return guard(state.markdown)[0].split("\n")


class TreeNotes(Treeprocessor):
    """Step 4: the ids the writer gave ({#id}, Tencent's (id:x)), the Markdown links and the `!!!`/`???`
    admonitions, before the toc."""

    def run(self, root: etree.Element) -> None:
        notes: Notes = self.md.page_state.notes  # type: ignore[attr-defined]
        tencent = getattr(self.md, "tencent_notes", None)
        boxes = tencent.boxes if tencent is not None else set()
        for element in root.iter():
            kind = (element.get("class") or "").split()
            if element.tag == "div" and "admonition" in kind and id(element) not in boxes:
                notes.admonitions.append(
                    ("!!!", kind[1] if len(kind) > 1 else "", len(element) <= 1, _open_fence(element))
                )
            elif element.tag == "details":
                notes.admonitions.append(("???", kind[0] if kind else "", len(element) <= 1, _open_fence(element)))
            if element.tag in HEADINGS and element.get("id") is not None:
                notes.explicit_ids.append((element.get("id") or "", int(element.tag[1]), "".join(element.itertext())))
            elif element.tag == "a" and element.get("href"):
                notes.links.append(element.get("href") or "")
        state = self.md.page_state  # type: ignore[attr-defined]
        state.untitled = {
            id(e): "".join(e.itertext()).strip() for e in root.iter() if e.tag in HEADINGS and e.get("id") is None
        }


def _open_fence(box: etree.Element) -> bool:
    """A code fence opened in the admonition's body and not closed there: left as a paragraph of backticks."""
    return any((p.text or "").lstrip().startswith(("```", "~~~")) for p in box.iter("p"))


class HeadingIds(Treeprocessor):
    """Step 4: every heading without an id gets its pinyin slug (markdown/slugs.py), before the toc extension
    would give it `_1`; the toc then keeps it (its permalink and the page's table of contents use it)."""

    def run(self, root: etree.Element) -> None:
        state: PageState = self.md.page_state  # type: ignore[attr-defined]
        taken = {element.get("id") or "" for element in root.iter() if element.get("id")}
        for element in root.iter():
            if element.tag in HEADINGS and id(element) in state.untitled:
                text = PLACEHOLDER_RE.sub("", state.untitled[id(element)]).strip()
                ident = heading_id(text, taken)
                element.set("id", ident)
                state.notes.generated_ids.add(ident)
                state.notes.heading_texts.append((ident, int(element.tag[1]), text))


class AfterToc(Treeprocessor):
    """The permalinks the toc extension added get their title in the page's language; and the tree processors
    are done: the postprocessors that run from now on render the page (toc runs them on its own before)."""

    def __init__(self, md: Markdown, lang: str):
        super().__init__(md)
        self.title = ui.strings(lang)["permalink_title"]

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if link.get("class") == "headerlink":
                link.set("title", self.title)
        self.md.page_state.tree_done = True  # type: ignore[attr-defined]


class PageAudit(Postprocessor):
    """Steps 5-7: diagram frames, the page rules and the boundary, the sanitizer."""

    def __init__(self, md: Markdown, lang: str, sanitize: bool):
        super().__init__(md)
        self.lang = lang
        self.sanitize = sanitize

    def run(self, text: str) -> str:
        from ..checks.ruleset import audit  # the rules import the site's policies; loaded on first use

        state: PageState = self.md.page_state  # type: ignore[attr-defined]
        context = state.context
        if not state.tree_done:
            return text  # the toc extension runs the postprocessors on its own table of contents: not the page
        defined = {
            name: url
            for name, (url, _) in self.md.references.items()
            if state.registry.links.get(name) is None or state.registry.links[name].url != url
        }
        state.notes.definitions = defined
        tencent = getattr(self.md, "tencent_notes", None)
        if tencent is not None:
            state.notes.tencent_ids, state.notes.quote_markers = tencent.ids, tencent.markers
        source = context.text or state.markdown
        body_line = context.body_line if context.text else 1
        result = audit(
            text,
            PageTree(
                None,
                context.path,
                context.url,
                self.lang,
                state.registry,
                state.notes,
                state.markdown,
                source,
                body_line,
                links_from=context.links_from,
            ),
            sanitize=self.sanitize,
            cache=context.diagram_cache,
        )
        if context.inform is not None:
            for number in result.undrawn:
                # Information, not a warning: the diagram renders in the browser, and CI draws it before publishing.
                context.inform(
                    f"{context.path}: diagram {number} has no drawing of its current source yet; "
                    "readers' browsers draw it (CI draws it before publishing; `make diagrams` commits one)"
                )
        findings = sorted(set(result.findings(source, body_line)))
        self.md.findings = findings  # type: ignore[attr-defined]
        self.md.page_model = result.model(source, body_line)  # type: ignore[attr-defined]
        self.md.page_tree = result.tree  # type: ignore[attr-defined]
        if context.report is not None:
            context.report(findings, self.md.page_model)  # type: ignore[attr-defined]
        return result.html


class PageExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "lang": ["zh", "the page's language (zh or en)"],
            "context": ["", "a PageContext: the page's file, source and registry, and where findings go"],
            "sanitize": [True, "publish only what the sanitizer keeps (False only in a test's configuration)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        context = self.getConfig("context") or PageContext()
        registry = context.registry or load_registry(REGISTRY_PATH)
        md.page_state = PageState(context, registry)  # type: ignore[attr-defined]
        md.findings = []  # type: ignore[attr-defined]
        md.page_tree = None  # type: ignore[attr-defined]
        md.preprocessors.register(PageStart(md), "partner_guide_page", 40)
        md.treeprocessors.register(TreeNotes(md), "partner_guide_notes", AFTER_ATTR_LIST)
        md.treeprocessors.register(HeadingIds(md), "partner_guide_ids", BEFORE_TOC)
        lang = str(self.getConfig("lang") or "zh")
        md.treeprocessors.register(AfterToc(md, lang), "partner_guide_after_toc", AFTER_TOC)
        md.postprocessors.register(PageAudit(md, lang, bool(self.getConfig("sanitize"))), "partner_guide_audit", 1)


def makeExtension(**kwargs: Any) -> PageExtension:
    return PageExtension(**kwargs)
