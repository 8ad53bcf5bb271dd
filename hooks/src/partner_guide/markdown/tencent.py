"""Python-Markdown extension: Tencent Cloud docs syntax rendered as Tencent's docs centre shows it.

Load it as `partner_guide.markdown.tencent` in mkdocs.yml's
`markdown_extensions` (after `admonition`, `pymdownx.details`,
`pymdownx.superfences` and `pymdownx.tabbed`), with `lang` set per page by
the rendering hook. What it renders (facts in `syntax.py`):

- Admonitions on the blockquote structure (`TencentQuoteProcessor`, in place
  of Python-Markdown's `quote` processor): `>?` 说明 and `>!` 注意, GitHub
  alerts `> [!NOTE]`, bold labels `>**说明：**`; `>>?` one level deeper;
  markers inside list items at any indentation Python-Markdown gives the
  item; the block ends at the first unquoted line (see `syntax.py`), so the
  next step of a procedure stays in its list. A list written right under a
  line of text inside a quote is a list, as on GitHub and Tencent's site.
- `## [标题](id:anchor)` and `[](id:anchor)`: the heading (or the next
  heading) gets `id="anchor"`; elsewhere an empty `<a id>` target.
- `<dx-codeblock>` → a fenced code block; `<dx-tabs>`/`:::` → pymdownx.tabbed
  tabs; `<dx-alert infotype>` → an admonition (`DxBlocksPreprocessor`, before
  superfences finds the fences).
- A single newline that Tencent's renderer shows as a break (between two
  lines of Chinese, before 第二步, after a bold label line) → `<br>`.
- Sub-lists indented 1-3 spaces (or by any amount more than their parent
  item) nest, ordered lists keep their start number, and a list indented
  4 spaces under a line of text is a list, not code.
- Untitled `!!! note` / `??? tip` admonitions are titled in `lang`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown, util
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor, BlockQuoteProcessor, OListProcessor, UListProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import dx, syntax

ANCHOR_ATTR = "data-tencent-id"  # marks the <a id> elements this extension made; removed at the end


# --------------------------------------------------------------------------- <dx-…> blocks


class DxBlocksPreprocessor(Preprocessor):
    """Tencent's `<dx-codeblock>`, `<dx-tabs>` and `<dx-alert>` into Markdown the other extensions render."""

    def __init__(self, md: Markdown, titles: list[str]):
        super().__init__(md)
        self.titles = titles  # explicit <dx-alert title="…">, read back by TencentQuoteProcessor

    def run(self, lines: list[str]) -> list[str]:
        self.titles.clear()
        self.md.tencent_notes = TencentNotes()  # type: ignore[attr-defined]
        return dx.convert(lines, self.titles)


class TencentNotes:
    """What the extension saw of Tencent's syntax, for the page rules (checks/hygiene.py, admonitions.py)."""

    def __init__(self) -> None:
        self.ids: list[tuple[str, str, str, str]] = []  # (id, text, message, hint) of each (id:x) anchor
        self.markers: list[tuple[str, bool, bool, int]] = []  # (written, known, empty, column) of each marker
        self.boxes: set[int] = set()  # id() of the admonition elements made from quote markers


def notes(md: Markdown) -> TencentNotes:
    found = getattr(md, "tencent_notes", None)
    if found is None:
        found = md.tencent_notes = TencentNotes()  # type: ignore[attr-defined]
    return found


# --------------------------------------------------------------------------- quotes and admonitions


class TencentQuoteProcessor(BlockQuoteProcessor):
    """Blockquotes, with Tencent markers, GitHub alerts and bold labels as admonitions."""

    def __init__(self, parser: BlockParser, lang: str, titles: list[str]) -> None:
        super().__init__(parser)
        self.lang = lang
        self.titles = titles

    @staticmethod
    def _first_quote(parent: etree.Element, lines: list[str]) -> int | None:
        any_indent = parent.tag == "li"
        for index, line in enumerate(lines):
            if ">" in line and syntax.strip_quote(line, any_indent and index > 0) is not None:
                return index
        return None

    def test(self, parent: etree.Element, block: str) -> bool:
        if ">" not in block or util.nearing_recursion_limit():
            return False
        return self._first_quote(parent, block.split("\n")) is not None

    def _list_item_parent(self, parent: etree.Element, block: str) -> etree.Element | None:
        """The last list item, for a quote indented under a list after a blank line."""
        sibling = self.lastChild(parent)
        if (
            parent.tag == "li"
            or not block.startswith(" ")
            or sibling is None
            or sibling.tag not in ("ol", "ul")
            or not len(sibling)
        ):
            return None
        item = sibling[-1]
        if item.text:
            paragraph = etree.Element("p")
            paragraph.text = item.text
            item.text = ""
            item.insert(0, paragraph)
        return item

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        start = self._first_quote(parent, lines) or 0
        if start:
            self.parser.parseBlocks(parent, ["\n".join(lines[:start])])
        elif (item := self._list_item_parent(parent, "\n".join(lines))) is not None:
            parent = item
        any_indent = parent.tag == "li"
        region = lines[start:]
        segments, end = syntax.split_quote_region(region, any_indent, any_indent and start > 0)
        if not segments:  # the test found a quote line, so this cannot happen; never loop on it
            etree.SubElement(parent, "p").text = "\n".join(region)
            return
        for segment in segments:
            body = syntax.segment_lines(region, segment, any_indent, any_indent and start > 0)
            self.note(segment, body)
            self.render(parent, segment, body)
        if region[end:]:
            blocks.insert(0, "\n".join(region[end:]))

    def note(self, segment: syntax.Segment, body: list[str]) -> None:
        """The marker (or a quote opening with an unknown `[!TYPE]`), for the ADM-* rules."""
        marker = segment.marker or (syntax.marker_of(body[0]) if body else None)
        if marker is None or segment.collapse:
            return
        empty = not marker.text.strip() and not any(line.strip() for line in body[1:])
        notes(self.parser.md).markers.append(
            (marker.written, marker.known and segment.marker is not None, empty, marker.col)
        )

    def render(self, parent: etree.Element, segment: syntax.Segment, body: list[str]) -> None:
        if segment.collapse:
            # `>>? x` with nothing else in the outer quote: the note itself, not a quote around it.
            self.parser.parseChunk(parent, "\n".join(body))
            return
        if segment.marker is None:
            sibling = self.lastChild(parent)
            box = (
                sibling
                if sibling is not None and sibling.tag == "blockquote"
                else etree.SubElement(parent, "blockquote")
            )
        else:
            material, title = syntax.localized(segment.marker.kind, self.lang)
            body = [segment.marker.text, *body[1:]]
            if token := dx.TITLE_TOKEN_RE.match(body[0]):
                position = int(token.group("index"))
                title = self.titles[position] if position < len(self.titles) else title
                body[0] = body[0][token.end() :]
            if not body[0].strip():
                body = body[1:]
            box = etree.SubElement(parent, "div")
            box.set("class", f"admonition {material}")
            notes(self.parser.md).boxes.add(id(box))
            heading = etree.SubElement(box, "p")
            heading.set("class", "admonition-title")
            heading.text = title
        self.parser.state.set("blockquote")
        self.parser.parseChunk(box, "\n".join(syntax.split_lists(body)))
        self.parser.state.reset()


# --------------------------------------------------------------------------- lists


class TencentOListProcessor(OListProcessor):
    """Ordered lists that keep their start number and nest by any indentation."""

    LAZY_OL = False

    def get_items(self, block: str) -> list[str]:
        return super().get_items(syntax.nest_by_indentation(block))


class TencentUListProcessor(UListProcessor):
    """Bullet lists that nest by any indentation."""

    LAZY_OL = False

    def get_items(self, block: str) -> list[str]:
        return super().get_items(syntax.nest_by_indentation(block))


class IndentedListProcessor(BlockProcessor):
    """A list indented 4 spaces right under a paragraph: a list, as on Tencent's site, not code."""

    def test(self, parent: etree.Element, block: str) -> bool:
        sibling = self.lastChild(parent)
        if parent.tag == "li" or sibling is None or sibling.tag != "p" or self.parser.state.isstate("detabbed"):
            return False
        lines = [line for line in block.split("\n") if line.strip()]
        return bool(lines) and all(syntax.INDENTED_ITEM_RE.match(line) for line in lines)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        self.parser.parseBlocks(parent, [self.looseDetab(block)])


class TableUnderTextProcessor(BlockProcessor):
    """A table right under a line of text (in a list item too) is a table, as on GitHub and Tencent's site."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return "|" in block and "-" in block and syntax.table_under_text(block.split("\n")) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        table = syntax.table_under_text(lines)
        if table is None:  # BlockParser runs a processor only after its test() found the table
            raise ValueError("TableUnderTextProcessor.run called on a block without a table under text")
        start, end = table
        rest = ["\n".join(lines[start:end])] + (["\n".join(lines[end:])] if lines[end:] else [])
        self.parser.parseBlocks(parent, ["\n".join(lines[:start])])
        for block in reversed(rest):
            blocks.insert(0, block)


# --------------------------------------------------------------------------- (id:x) anchors


class IdAnchorInlineProcessor(InlineProcessor):
    """`[标题](id:anchor)` → `<a id="anchor">标题</a>` (marked, for `IdAnchorTreeprocessor`)."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # type: ignore[override]
        anchor = etree.Element("a")
        anchor.set("id", m.group("id"))
        anchor.set(ANCHOR_ATTR, "1")
        anchor.text = m.group("text") or None
        return anchor, m.start(0), m.end(0)


def _anchor_id(anchor: etree.Element) -> str:
    """The id of an anchor this extension made: `IdAnchorInlineProcessor` always sets it (maybe to "")."""
    ident = anchor.get("id")
    if ident is None:
        raise ValueError(f"{ANCHOR_ATTR} anchor without an id")
    return ident


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ATTRS_AT_END_RE = re.compile(r"\s*(?:\{[^{}]*\}\s*)?$")  # a heading's `{#id}`, not yet read by attr_list


class IdAnchorTreeprocessor(Treeprocessor):
    """Moves `(id:x)` anchors onto their heading; a bare `[](id:x)` line onto the next heading."""

    def run(self, root: etree.Element) -> None:
        kinds: dict[int, tuple[str, str]] = {}  # id() of an anchor -> (message, hint) when not inline
        for parent in list(root.iter()):
            children = list(parent)
            for index, child in enumerate(children):
                if child.tag in HEADINGS:
                    for anchor in child.iter("a"):
                        if anchor.get(ANCHOR_ATTR) is not None:
                            fixed = syntax.ascii_id(anchor.get("id") or "")
                            title = "".join(anchor.itertext()).strip() or fixed
                            kinds[id(anchor)] = (
                                f"Tencent heading anchor (id:{anchor.get('id')})",
                                f"write {'#' * int(child.tag[1])} {title} {{#{fixed}}}",
                            )
                    self._heading(child, kinds)
                elif child.tag == "p" and (bare := self._bare(child)) is not None:
                    anchor = bare
                    following = children[index + 1] if index + 1 < len(children) else None
                    fixed = syntax.ascii_id(anchor.get("id") or "")
                    heading = following if following is not None and following.tag in HEADINGS else None
                    title = ATTRS_AT_END_RE.sub("", "".join(heading.itertext())) if heading is not None else ""
                    kinds[id(anchor)] = (
                        f"Tencent anchor [](id:{anchor.get('id')})",
                        f"delete this line and end the next heading ({title}) with {{#{fixed}}}"
                        if heading is not None
                        else f'write <a id="{fixed}"></a>',
                    )
                    self._note(anchor, kinds)
                    if heading is not None and "id" not in heading.attrib:
                        heading.set("id", _anchor_id(anchor))
                        parent.remove(child)
        for anchor in root.iter("a"):
            if anchor.get(ANCHOR_ATTR) is not None and id(anchor) not in kinds:
                fixed = syntax.ascii_id(anchor.get("id") or "")
                kinds[id(anchor)] = (
                    f"Tencent anchor (id:{anchor.get('id')})",
                    f'write <a id="{fixed}"></a>{"".join(anchor.itertext())}',
                )
                self._note(anchor, kinds)
        for anchor in root.iter("a"):
            anchor.attrib.pop(ANCHOR_ATTR, None)

    def _note(self, anchor: etree.Element, kinds: dict[int, tuple[str, str]]) -> None:
        ident = anchor.get("id") or ""
        fixed = syntax.ascii_id(ident)
        message, hint = kinds[id(anchor)]
        links = f" (and change links to #{ident} into #{fixed})" if fixed != ident else ""
        notes(self.md).ids.append((ident, "".join(anchor.itertext()), message, hint + links))

    @staticmethod
    def _bare(paragraph: etree.Element) -> etree.Element | None:
        if (paragraph.text or "").strip() or len(paragraph) != 1:
            return None
        anchor = paragraph[0]
        if (
            anchor.tag != "a"
            or anchor.get(ANCHOR_ATTR) is None
            or (anchor.text or "").strip()
            or (anchor.tail or "").strip()
        ):
            return None
        return anchor

    def _heading(self, heading: etree.Element, kinds: dict[int, tuple[str, str]] | None = None) -> None:
        for anchor in list(heading):
            if anchor.tag != "a" or anchor.get(ANCHOR_ATTR) is None:
                continue
            if kinds is not None:
                self._note(anchor, kinds)
            if "id" not in heading.attrib:
                heading.set("id", _anchor_id(anchor))
            # Unwrap: the anchor's text (and children) take its place in the heading.
            index = list(heading).index(anchor)
            text = (anchor.text or "") + ""
            children = list(anchor)
            tail = anchor.tail or ""
            heading.remove(anchor)
            if index == 0:
                heading.text = (heading.text or "") + text
            else:
                prev = heading[index - 1]
                prev.tail = (prev.tail or "") + text
            for offset, child in enumerate(children):
                heading.insert(index + offset, child)
            if children:
                last = children[-1]
                last.tail = (last.tail or "") + tail
            elif index == 0:
                heading.text = (heading.text or "") + tail
            else:
                prev = heading[index - 1]
                prev.tail = (prev.tail or "") + tail
            if not (heading.text or "").strip() and not len(heading):
                heading.text = heading.get("id")


# --------------------------------------------------------------------------- line breaks


TEXT_BLOCKS = ("p", "li", "td", "th", "dd", "dt")
SKIP = ("pre", "code", "script", "style")


Atom = str | etree.Element  # a piece of text, a "\n" marker or a child element


def _atoms(element: etree.Element) -> list[Atom]:
    """The element's own inline content: text pieces, "\\n" markers and child elements."""
    atoms: list[Atom] = []

    def text(value: str | None) -> None:
        if not value:
            return
        parts = value.split("\n")
        for position, part in enumerate(parts):
            if position:
                atoms.append("\n")
            if part:
                atoms.append(part)

    text(element.text)
    for child in element:
        atoms.append(child)
        text(child.tail)
    return atoms


def _visible(atoms: list[Atom]) -> str:
    return "".join(a if isinstance(a, str) else "".join(a.itertext()) for a in atoms)


def _is_label_line(atoms: list[Atom]) -> bool:
    """The line is one bold element, optionally followed by a colon."""
    elements = [a for a in atoms if not isinstance(a, str)]
    texts = "".join(a for a in atoms if isinstance(a, str)).strip()
    return (
        len(elements) == 1
        and elements[0].tag in ("strong", "b")
        and texts in ("", ":", "：")
        and isinstance(atoms[0], etree.Element)
    )


RAW_PLACEHOLDER_RE = re.compile(f"{util.STX}wzxhzdk:(?P<index>[0-9]+){util.ETX}[ \t]*$")  # raw HTML at a line end
BR_RE = re.compile(r"^<br\s*/?>$", re.I)


class LineBreakTreeprocessor(Treeprocessor):
    """`<br>` where Tencent's renderer breaks a line at a single newline (`syntax.breaks_between`)."""

    def run(self, root: etree.Element) -> None:
        targets = [el for el in root.iter() if el.tag in TEXT_BLOCKS]
        for element in targets:
            if any("\n" in (t or "") for t in [element.text, *(c.tail for c in element)]):
                self._break(element)

    def _ends_with_break(self, line: list[Atom]) -> bool:
        """The line already ends with a `<br>` (an element, or raw `<br>` the writer typed)."""
        last = line[-1] if line else None
        if isinstance(last, etree.Element):
            return last.tag == "br"
        match = RAW_PLACEHOLDER_RE.search(last or "")
        blocks = self.md.htmlStash.rawHtmlBlocks
        return (
            match is not None
            and int(match.group("index")) < len(blocks)
            and bool(BR_RE.match(str(blocks[int(match.group("index"))]).strip()))
        )

    def _break(self, element: etree.Element) -> None:
        atoms = _atoms(element)
        lines: list[list[Atom]] = [[]]
        for atom in atoms:
            if atom == "\n":
                lines.append([])
            else:
                lines[-1].append(atom)
        if len(lines) < 2:
            return
        breaks = []
        for before, after in zip(lines, lines[1:], strict=False):
            breaks.append(
                not self._ends_with_break(before)
                and syntax.breaks_between(_visible(before), _visible(after), _is_label_line(before))
            )
        if not any(breaks):
            return
        element.text = None
        for child in list(element):
            element.remove(child)
        last: etree.Element | None = None

        def add_text(value: str) -> None:
            if last is None:
                element.text = (element.text or "") + value
            else:
                last.tail = (last.tail or "") + value

        for number, line in enumerate(lines):
            if number:
                if breaks[number - 1]:
                    last = etree.SubElement(element, "br")  # prettify gives it its newline
                else:
                    add_text("\n")
            for atom in line:
                if isinstance(atom, str):
                    add_text(atom)
                else:
                    atom.tail = None
                    element.append(atom)
                    last = atom


# --------------------------------------------------------------------------- titles of !!! and ???


class LocalizedTitleTreeprocessor(Treeprocessor):
    """Untitled `!!! note` and `??? tip` get the title of their type in the page's language."""

    def __init__(self, md: Markdown, lang: str):
        super().__init__(md)
        self.lang = lang

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            classes = (element.get("class") or "").split()
            if element.tag == "div" and "admonition" in classes and len(element):
                kind = classes[1] if len(classes) > 1 else ""
                title = element[0] if element[0].get("class") == "admonition-title" else None
            elif element.tag == "details" and len(element) and element[0].tag == "summary":
                kind = classes[0] if classes else ""
                title = element[0]
            else:
                continue
            if title is not None and kind in syntax.TYPES and not len(title) and title.text == kind.capitalize():
                title.text = syntax.localized(kind, self.lang)[1]


# --------------------------------------------------------------------------- the extension


class TencentExtension(Extension):
    """Tencent docs syntax, faithful to Tencent's docs centre (see the module docstring)."""

    def __init__(self, **kwargs: Any) -> None:  # Extension's config values are untyped
        self.config = {"lang": ["zh", "language of the admonition titles (zh or en)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        lang = str(self.getConfig("lang") or "zh")
        parser = md.parser
        titles: list[str] = []
        md.preprocessors.register(DxBlocksPreprocessor(md, titles), "tencent_dx", 28)
        parser.blockprocessors.register(TencentQuoteProcessor(parser, lang, titles), "quote", 20)
        parser.blockprocessors.register(TencentOListProcessor(parser), "olist", 40)
        parser.blockprocessors.register(TencentUListProcessor(parser), "ulist", 30)
        parser.blockprocessors.register(IndentedListProcessor(parser), "tencent_indented_list", 84)
        parser.blockprocessors.register(TableUnderTextProcessor(parser), "tencent_table_under_text", 11)
        md.inlinePatterns.register(IdAnchorInlineProcessor(syntax.ID_LINK_RE.pattern, md), "tencent_id", 165)
        md.treeprocessors.register(LineBreakTreeprocessor(md), "tencent_breaks", 15)
        md.treeprocessors.register(IdAnchorTreeprocessor(md), "tencent_ids", 9)
        md.treeprocessors.register(LocalizedTitleTreeprocessor(md, lang), "tencent_titles", 9.5)


def makeExtension(**kwargs: Any) -> TencentExtension:
    return TencentExtension(**kwargs)
