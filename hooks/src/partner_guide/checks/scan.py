"""The one model of a page that every check scans (pure module, no MkDocs or Markdown import).

The checks look at what reaches the reader as prose. `scan(text)` reads the
source the way the build renders it (Python-Markdown 3.11 with
pymdownx.superfences and `partner_guide.markdown.tencent`) and says, per
source line and column, what is code. `prose_lines(text)` returns the source
lines with everything that is not prose blanked by spaces, so that line and
column numbers stay those of the source file:

- the YAML front matter (only at the very top of a source file);
- fenced code blocks as superfences finds them: at any indentation, behind
  `>` in quotes, closed by the same fence (an unclosed or broken fence is
  text, as on the page); and `<dx-codeblock>` blocks;
- indented code blocks (4 spaces in a place where Python-Markdown makes
  code, not a list continuation nor an admonition body);
- inline code spans, also over several lines of a paragraph, with
  backslash-escaped backticks, never inside raw HTML blocks;
- closed HTML comments (they never reach the reader).

It also gives the checks the page's structure: `headings` (inside quotes,
admonitions, list items and tabs too) and `fences` (for the diagram and
admonition checks). The model mirrors Python-Markdown's block parser
(blocks split at blank lines, processors in its priority order, containers
stripped before their content is parsed); tests/unit/checks/test_scan.py
checks it against the real renderer with Hypothesis.

Linear time on any input: no regex with nested quantifiers, searches over a
block use precomputed next-line tables, comments are found with str.find,
code spans by a single pass over backtick runs, and nesting deeper than
`MAX_DEPTH` levels is reported (`too_deep`) and read as plain prose.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


from ..markdown import syntax
from ..markdown.codeblocks import TAB, Fence, find_code_blocks
from ..markdown.codeblocks import find_fences as find_fences  # the checks' import of it

MAX_DEPTH = 20  # deeper nesting of quotes, lists and admonitions is reported and read as prose

FRONT_MATTER_END_RE = re.compile(r"^(---|\.\.\.)[ \t]*$")  # closing --- or ... line
PLACEHOLDER_RE = re.compile("\x02fence:(?P<number>[0-9]+)\x03")  # a stashed fence in the block model
ADMONITION_RE = re.compile(r'^!!! ?[\w\-]+(?: [\w\-]+)*(?: +"(?P<title>[^\n]*?)")? *$')  # `!!! note "t"`
DETAILS_RE = re.compile(r'^\?{3}\+? ?(?:[\w\-]+(?: [\w\-]+)*)?(?: +"(?P<title>[^\n]*?)")? *$')  # `??? note`
TABBED_RE = re.compile(r'^={3}(?:\+|\+!|!\+|!)? +"(?P<title>[^\n]*?)" *$')  # `=== "Tab"`
OLIST_RE = re.compile(r"^ {0,3}\d+\.[ ]+")  # Python-Markdown: only `1.`, not `1)`
ULIST_RE = re.compile(r"^ {0,3}[*+-][ ]+")
CHILD_RE = re.compile(r"^ {0,3}(?:\d+\.|[*+-])[ ]+")  # a list item line inside a list block
INDENT_ITEM_RE = syntax.INDENTED_ITEM_RE  # an indented (nested) item
SETEXT_RE = re.compile(r"^(?:=+|-+)[ ]*$")  # the underline of a setext heading
REFERENCE_RE = re.compile(r"^ {0,3}\[[^\[\]\n]*\]:[ ]*\S")  # `[name]: url`
ABBR_RE = re.compile(r"^\*\[[^\]\n]*\]:")  # `*[HTML]: …`
# An HTML block: a block-level start tag at the start of a line (≤ 3 spaces).
HTML_OPEN_RE = re.compile(r"^ {0,3}<(?P<tag>[A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)")
HTML_TAG_RE = re.compile(r"<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9]*)(?=[\s/>])[^<>]*?(?P<self>/?)>")
MARKDOWN_ATTR_RE = re.compile(r"\smarkdown\s*=\s*[\"']?(?:1|block|span)", re.I)
# Python-Markdown's block-level elements (markdown.util.BLOCK_LEVEL_ELEMENTS, 3.11).
BLOCK_LEVEL = frozenset("""address article aside blockquote details div dl fieldset figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul canvas colgroup dd body dt group
html iframe li legend math map noscript output object option progress script style summary tbody td textarea
tfoot th thead tr video center""".split())
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Heading:
    line: int  # 0-based source line
    col: int  # 0-based source column of the heading text (after the #s)
    level: int
    text: str  # the heading's source text (attribute list included)


@dataclass(frozen=True)
class QuoteBlock:
    """A quote-based admonition (`>?`, `>!`, `> [!NOTE]`, `>**说明：**`) as the build sees it."""

    line: int  # 0-based source line of the marker
    col: int  # 0-based source column of the marker's type (`?`, `!`, `NOTE`, `说明`)
    syntax: str  # "tencent", "github" or "label"
    kind: str  # canonical type, or the unknown type as written (lower-cased)
    written: str  # the marker as written
    known: bool
    empty: bool  # no text at all
    end: int  # 0-based source line after the block


@dataclass
class Scan:
    lines: list[str]
    front: int  # number of front-matter lines
    code: list[list[tuple[int, int]]]  # per line: [start, end) source columns that are code
    hidden: list[list[tuple[int, int]]]  # per line: comments (not shown, not code)
    raw_html: set[int]  # lines inside raw HTML blocks
    fences: list[Fence]
    headings: list[Heading]
    too_deep: list[int]  # first line of each region nested deeper than MAX_DEPTH
    paragraphs: list[list[int]] = field(default_factory=list)  # source lines of each paragraph text
    quote_blocks: list[QuoteBlock] = field(default_factory=list)  # quote-based admonitions, in order
    inline_code: list[tuple[int, int, int]] = field(default_factory=list)  # (line, start, end) of one-line code spans

    def is_code(self, line: int, col: int) -> bool:
        """Whether 0-based (line, col) is inside code."""
        return any(a <= col < b for a, b in self.code[line])

    @functools.cached_property
    def prose(self) -> tuple[str, ...]:
        out = []
        for index, line in enumerate(self.lines):
            if index < self.front:
                out.append("")
                continue
            spans = self.code[index] + self.hidden[index]
            if not spans:
                out.append(line)
                continue
            chars = list(line)
            for start, end in spans:
                for col in range(max(0, start), min(end, len(chars))):
                    chars[col] = " "
            out.append("".join(chars).rstrip() if any(a == 0 and b >= len(line) for a, b in spans) else "".join(chars))
        return tuple(out)


def split_lines(text: str) -> list[str]:
    """Lines without their endings; a trailing newline adds no line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def front_matter_end(lines: list[str]) -> int:
    """Number of lines of a leading `---` … `---`/`...` block (0 if none), valid YAML or not."""
    if not lines or lines[0].rstrip(" \t") != "---":
        return 0
    for index in range(2, len(lines) - 1):  # MkDocs wants a line inside and a newline after
        if FRONT_MATTER_END_RE.match(lines[index]):
            return index + 1
    return 0


def markdown_start(lines: list[str]) -> int:
    """The first line MkDocs hands to Markdown (`mkdocs.utils.meta.get_data`, MkDocs 1.6), in this build.

    MkDocs takes a `---` block only when its YAML loads as a mapping, and
    otherwise reads leading `key: value` lines as MultiMarkdown meta. This
    build hands it every page through `frontmatter.safe_source` (hooks/safety.py):
    a `---` block replaced by the allowed keys as a mapping, so every such
    block counts (and its YAML is never loaded here: no alias bomb), and a
    page without one after a blank line, so no line is MultiMarkdown meta.
    """
    return front_matter_end(lines)


class Positions:
    """Maps an offset in `"\\n".join(lines)` to a 1-based (line, column)."""

    def __init__(self, lines: list[str]):
        self.starts = [0]
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


# --------------------------------------------------------------------------- comments and raw HTML


def comment_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) offsets of every closed `<!-- … -->`; linear (an unclosed one ends the search)."""
    spans = []
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            return spans
        end = text.find("-->", start + 4)
        if end < 0:
            return spans
        spans.append((start, end + 3))
        position = end + 3


INLINE_TAG_RE = re.compile(r"<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9\-]*)(?=[\s/>])[^<>]*>")  # any tag


def _inline_closes(lines: list[str], start: int) -> dict[int, dict[str, int]]:
    """For each paragraph from `start`: tag name -> last line holding its end tag (for comments)."""
    closes: dict[int, dict[str, int]] = {}
    paragraph = start
    current: dict[str, int] = {}
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            closes[paragraph] = current
            paragraph, current = index + 1, {}
            continue
        if "</" in line:
            for match in INLINE_TAG_RE.finditer(line):
                if match.group("close"):
                    current[match.group("tag").lower()] = index
    closes[paragraph] = current
    return closes


def raw_html_blocks(lines: list[str], skip: set[int], start: int) -> list[tuple[int, int, bool]]:
    """(first, last, markdown inside) line ranges of raw HTML blocks at the start of a line.

    Python-Markdown's HtmlBlockPreprocessor (with md_in_html) keeps a
    block-level element that starts a line (≤ 3 spaces) as raw HTML up to its
    matching end tag (to the end of the text when it never closes);
    `markdown="1"` content is Markdown. A comment that starts a line is a
    block of its own, unless an inline tag opened before it in the paragraph
    closes after it.
    """
    blocks = []
    index = start
    comments = True  # after an unclosed comment no later one can close: stop looking (linear)
    closes: dict[int, dict[str, int]] | None = None
    paragraph = start
    open_inline: dict[str, int] = {}
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            paragraph, open_inline = index + 1, {}
        if comments and "<!--" in line and index not in skip and line.lstrip(" ").startswith("<!--") and \
                len(line) - len(line.lstrip(" ")) <= 3:
            # A comment at the start of a line is stashed as a block of its own.
            close = line.find("-->", line.find("<!--") + 4)
            end = index
            while close < 0 and end + 1 < len(lines):
                end += 1
                close = lines[end].find("-->")
            if close < 0:
                comments = False
            else:
                if open_inline:
                    closes = closes if closes is not None else _inline_closes(lines, start)
                    later = closes.get(paragraph, {})
                    inline = any(later.get(tag, -1) >= end for tag in open_inline)
                else:
                    inline = False
                if not inline:
                    blocks.append((index, end, False))
                    index = end + 1
                    continue
        if "<" in line and index not in skip:
            for tag_match in INLINE_TAG_RE.finditer(line):
                tag = tag_match.group("tag").lower()
                if tag in BLOCK_LEVEL or tag in VOID_TAGS or tag_match.group(0).endswith("/>"):
                    continue
                if tag_match.group("close"):
                    open_inline.pop(tag, None)
                else:
                    open_inline[tag] = index
        match = HTML_OPEN_RE.match(line) if "<" in line and index not in skip else None
        tag = match.group("tag").lower() if match else ""
        if not match or tag not in BLOCK_LEVEL or tag == "hr":
            index += 1
            continue
        depth = 0
        end = index
        markdown_inside = False
        done = False
        while end < len(lines) and not done:
            if end in skip:
                end += 1  # a fence is a placeholder by then (fences are stashed first): no end tag in it
                continue
            for tag_match in HTML_TAG_RE.finditer(lines[end], match.start("tag") - 1 if end == index else 0):
                if tag_match.group("tag").lower() != tag or tag_match.group("self") or tag in VOID_TAGS:
                    continue
                if tag_match.group("close"):
                    depth -= 1
                    if depth <= 0:
                        done = True
                        break
                else:
                    if depth == 0 and MARKDOWN_ATTR_RE.search(tag_match.group(0)):
                        markdown_inside = True
                    depth += 1
            if depth <= 0 and not done and end == index:
                done = True  # no real start tag after all (`<div` broken): one line
            if not done:
                end += 1
        end = min(end, len(lines) - 1)
        blocks.append((index, end, markdown_inside))
        index = end + 1
        paragraph, open_inline = index, {}
    return blocks


# --------------------------------------------------------------------------- the block model


@dataclass
class Line:
    index: int  # source line
    col: int  # expanded column in the source line where `text` starts
    text: str  # content after container prefixes (expanded)


@dataclass
class Node:
    tag: str
    children: list[Node] = field(default_factory=list)
    has_text: bool = False  # an <li> whose text sits directly in it (tight)
    text_run: list[Line] | None = None  # its .text, inline-processed as one text
    tail_run: list[Line] | None = None  # its .tail

    def last(self) -> Node | None:
        return self.children[-1] if self.children else None

    def add(self, tag: str) -> Node:
        node = Node(tag)
        self.children.append(node)
        return node


PLAIN_NOT_FIRST = frozenset(" !?=#-_*+[>|\t")  # first characters that may start something else than text
SMALL_BLOCK = 12  # views up to this many lines are searched line by line, longer ones through tables
EMPTY: tuple[str, ...] = ()


class _Table:
    """The kinds of each line of one list of Lines (computed once), and next-line tables for long views."""

    FLAGS: dict[str, Callable[[str], bool]] = {
        "blank": lambda t: t == "",
        "admonition": lambda t: t[:3] == "!!!" and ADMONITION_RE.match(t) is not None,
        "details": lambda t: t[:3] == "???" and DETAILS_RE.match(t) is not None,
        "tabbed": lambda t: t[:3] == "===" and TABBED_RE.match(t) is not None,
        "hash": lambda t: t[:1] == "#",
        "hr": lambda t: t.lstrip(" ")[:1] in ("-", "_", "*") and _hr(t),
        "quote": lambda t: ">" in t and syntax.strip_quote(t) is not None,
        "quote_any": lambda t: ">" in t and syntax.strip_quote(t, True) is not None,
        "fence": lambda t: "\x02fence:" in t,
        "pipe": lambda t: "|" in t,
        "reference": lambda t: (t.lstrip(" ")[:1] == "[" and REFERENCE_RE.match(t) is not None)
        or (t[:2] == "*[" and ABBR_RE.match(t) is not None),
    }

    def __init__(self, items: list[Line]):
        self.items = items
        self.line_kinds: list[tuple[str, ...] | None] = [None] * len(items)
        self.tables: dict[str, list[int]] = {}

    def kinds(self, index: int) -> tuple[str, ...]:
        found = self.line_kinds[index]
        if found is None:
            found = self.line_kinds[index] = _line_kinds(self.items[index].text)
        return found

    def next(self, flag: str, index: int) -> int:
        table = self.tables.get(flag)
        if table is None:
            size = len(self.items)
            table = [size] * (size + 1)
            for position in range(size - 1, -1, -1):
                table[position] = position if flag in self.kinds(position) else table[position + 1]
            self.tables[flag] = table
        return table[min(index, len(self.items))]


# Which kinds a line may be, by its first non-space character (the rest cannot match).
LEAD_FLAGS = {"!": ("admonition",), "?": ("details",), "=": ("tabbed",), "#": ("hash",), "-": ("hr",), "_": ("hr",),
              "*": ("hr", "reference"), "[": ("reference",)}


def _line_kinds(text: str) -> tuple[str, ...]:
    """The kinds (`_Table.FLAGS`) of one line."""
    if not text:
        return ("blank",)
    candidates = LEAD_FLAGS.get(text.lstrip(" ")[:1], EMPTY)
    if ">" in text:
        candidates += ("quote", "quote_any")
    if "|" in text:
        candidates += ("pipe",)
    if "\x02" in text:
        candidates += ("fence",)
    if not candidates:
        return EMPTY
    flags = _Table.FLAGS
    return tuple(flag for flag in candidates if flags[flag](text))


class Block(Sequence):
    """A view of consecutive Lines sharing their list's line kinds (slicing is O(1))."""

    __slots__ = ("items", "start", "end", "table")

    def __init__(self, items: list[Line], start: int = 0, end: int | None = None, table: _Table | None = None):
        self.items = items
        self.start = start
        self.end = len(items) if end is None else end
        self.table = table or _Table(items)

    def __len__(self) -> int:
        return max(0, self.end - self.start)

    def __getitem__(self, key):
        if isinstance(key, slice):
            first, last, _ = key.indices(len(self))
            return Block(self.items, self.start + first, self.start + max(first, last), self.table)
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(key)
        return self.items[self.start + key]

    def __iter__(self):
        return iter(self.items[self.start:self.end])

    def find(self, flag: str, offset: int = 0) -> int | None:
        """Index (in this view) of the first line of a kind at or after `offset`."""
        start, end, table = self.start, self.end, self.table
        if end - start - offset <= SMALL_BLOCK:
            for index in range(start + offset, end):
                if flag in table.kinds(index):
                    return index - start
            return None
        found = table.next(flag, start + offset)
        return found - start if found < end else None


def _block(lines) -> Block:
    return lines if isinstance(lines, Block) else Block(list(lines))


def _starts4(text: str) -> bool:
    return text.startswith("    ")


def _hr(text: str) -> bool:
    """Python-Markdown's HR line: 3+ of one of -_* with at most 2 spaces between, ≤ 3 indent."""
    stripped = text.lstrip(" ")
    if len(text) - len(stripped) > 3 or not stripped or stripped[0] not in "-_*":
        return False
    char = stripped[0]
    count = 0
    gap = 0
    for c in stripped.rstrip(" "):
        if c == char:
            count += 1
            gap = 0
        elif c == " ":
            gap += 1
            if gap > 2:
                return False
        else:
            return False
    return count >= 3


def _detab(lines: Block, width: int) -> tuple[list[Line], Block]:
    """BlockProcessor.detab: lines indented `width` (or blank) while they last, and the rest."""
    inside: list[Line] = []
    for position in range(len(lines)):
        line = lines[position]
        if line.text.startswith(" " * width):
            inside.append(Line(line.index, line.col + width, line.text[width:]))
        elif not line.text.strip():
            inside.append(Line(line.index, line.col, ""))
        else:
            return inside, lines[position:]
    return inside, lines[len(lines):]


def _loose_detab(lines, width: int) -> list[Line]:
    return [Line(l.index, l.col + width, l.text[width:]) if l.text.startswith(" " * width) else l for l in lines]


class _TextView:
    """The texts of a Block, indexable, for `syntax.split_quote_region` (no copy)."""

    def __init__(self, block: Block):
        self.block = block

    def __len__(self) -> int:
        return len(self.block)

    def __getitem__(self, index: int) -> str:
        return self.block[index].text


class _Model:
    """Walks the page like Python-Markdown's BlockParser and records code, headings and text runs."""

    def __init__(self, result: Scan, expanded: list[str]):
        self.result = result
        self.expanded = expanded
        self.runs: list[list[Line]] = []  # inline texts (paragraphs, headings, cells, titles)
        self.paragraphs: list[list[Line]] = []  # the paragraph texts among them
        self.fences: list[Fence] = []  # stashed fences, by placeholder number
        self.reverted: set[int] = set()  # fences an indented code block turned back into text

    def revert_fences(self, block: Block) -> Block:
        """SuperFencesCodeBlockProcessor.revert_greedy_fences: placeholders in an indented-code block are text again."""
        if block.find("fence") is None:
            return block
        out: list[Line] = []
        for line in block:
            match = PLACEHOLDER_RE.search(line.text)
            if not match:
                out.append(line)
                continue
            number = int(match.group("number"))
            fence = self.fences[number]
            self.reverted.add(number)
            level = match.start()
            cut = max(0, fence.indent - level)
            for inner in range(fence.start, fence.end + 1):
                text = self.expanded[inner]
                out.append(Line(inner, cut, text[cut:]))
        return Block(out)

    # ------------------------------------------------------------------ helpers

    def code_line(self, line: Line) -> None:
        if line.index >= 0:
            self.result.code[line.index].append((0, 1 << 30))

    def run_of(self, lines, kind: str = "other") -> None:
        lines = list(lines)
        if lines:
            self.runs.append(lines)
            if kind == "paragraph":
                self.paragraphs.append(lines)

    def heading(self, line: Line, hashes: int, level: int) -> None:
        text = line.text[hashes:]
        if line.index >= 0:
            self.result.headings.append(Heading(line.index, line.col + hashes + (len(text) - len(text.lstrip())),
                                                level, text.strip()))
        self.run_of([Line(line.index, line.col + hashes, text)])

    # ------------------------------------------------------------------ blocks

    def parse_chunk(self, parent: Node, lines, depth: int, state: str = "") -> None:
        """BlockParser.parseChunk: the lines split into blocks at empty lines."""
        lines = _block(lines)
        blocks = []
        position = 0
        while position <= len(lines):
            blank = lines.find("blank", position)
            end = len(lines) if blank is None else blank
            blocks.append(lines[position:end])
            position = end + 1
        self.parse_blocks(parent, blocks, depth, state)

    def parse_blocks(self, parent: Node, blocks: list[Block], depth: int, state: str = "") -> None:
        if depth > MAX_DEPTH:
            first = next((b[0].index for b in blocks if len(b)), None)
            if first is not None:
                self.result.too_deep.append(first)
            for block in blocks:
                self.run_of(block)
            return
        queue = list(reversed(blocks))
        while queue:
            block = _block(queue.pop())
            while len(block) and block[0].text == "":
                block = block[1:]  # EmptyBlockProcessor: a leading empty line is dropped
            if not len(block):
                continue
            rest = self.block(parent, block, depth, state)
            for part in reversed(rest) if isinstance(rest, list) else [rest]:
                if part is not None and len(part):
                    queue.append(part)

    def block(self, parent: Node, block: Block, depth: int, state: str) -> Block | None:
        """Run the first processor that takes the block; return lines to parse next."""
        first = block[0].text
        sibling = parent.last()
        if self.plain(block, first):
            self.paragraph(parent, block, state)
            return None
        # 105: admonition, details, tabbed (each searches the whole block)
        for kind, regex in (("admonition", ADMONITION_RE), ("details", DETAILS_RE), ("tabbed", TABBED_RE)):
            position = block.find(kind)
            if position is not None:
                return self.container_start(parent, block, position, kind, regex, depth, state)
            if sibling is not None and sibling.tag == kind and _starts4(first):
                return self.container_more(sibling, block, depth, state)
        # 90: list continuation
        if _starts4(first) and state != "detabbed" and (parent.tag == "li" or (sibling is not None and sibling.tag in ("ul", "ol"))):
            return self.list_indent(parent, block, depth, state)
        # 84: a list indented 4 spaces under a paragraph (partner_guide.markdown.tencent)
        if parent.tag != "li" and state != "detabbed" and sibling is not None and sibling.tag == "p" and \
                INDENT_ITEM_RE.match(first) and all(INDENT_ITEM_RE.match(line.text) for line in block):
            self.parse_blocks(parent, [Block(_loose_detab(block, TAB))], depth + 1, state)
            return None
        # 80: indented code
        if _starts4(first):
            block = self.revert_fences(block)
            inside, rest = _detab(block, TAB)
            for line in inside:
                if line.text:
                    self.code_line(line)
            if sibling is None or sibling.tag != "pre":
                parent.add("pre")
            return rest
        # 75: table
        if len(block) > 1 and "|" in first and syntax.is_table_start(first, block[1].text):
            for line in block:
                self.run_of([line])
            parent.add("table")
            return None
        # 70: ATX heading anywhere in the block
        position = block.find("hash")
        if position is not None:
            if position:
                self.parse_blocks(parent, [block[:position]], depth, state)
            line = block[position]
            hashes = len(line.text) - len(line.text.lstrip("#"))
            self.heading(line, hashes, min(hashes, 6))
            parent.add("h")
            if state == "looselist":  # HashHeaderProcessor detabs what follows in a loose list (#1443)
                return Block(_loose_detab(block[position + 1:], TAB))
            return block[position + 1:]
        # 60: setext heading
        if len(block) > 1 and SETEXT_RE.match(block[1].text):
            if block[0].index >= 0:
                self.result.headings.append(Heading(block[0].index, block[0].col, 1 if block[1].text[0] == "=" else 2,
                                                    block[0].text.strip()))
            self.run_of([block[0]])
            parent.add("h")
            return block[2:]
        # 50: horizontal rule anywhere in the block
        position = block.find("hr")
        if position is not None:
            if position:
                self.parse_blocks(parent, [block[:position]], depth, state)
            parent.add("hr")
            return block[position + 1:]
        # 40, 30: lists
        if OLIST_RE.match(first) or ULIST_RE.match(first):
            self.list_block(parent, block, "ol" if OLIST_RE.match(first) else "ul", depth, state)
            return None
        # 20: quotes and Tencent admonitions
        if parent.tag == "li":
            at_first = 0 if ">" in first and syntax.strip_quote(first) is not None else None
            later = block.find("quote_any", 1)
            quote_at = at_first if at_first is not None else later
        else:
            quote_at = block.find("quote")
        if quote_at is not None:
            return self.quote(parent, block, quote_at, depth, state)
        # 16, 15: abbreviations and reference definitions are not shown as text
        position = block.find("reference")
        if position is not None:
            if position:
                self.paragraph(parent, block[:position], state)
            return block[position + 1:]
        # 11: a table right under a line of text (partner_guide.markdown.tencent)
        if len(block) > 2 and block.find("pipe", 1) is not None:
            found = syntax.table_under_text(_TextView(block))
            if found is not None:
                start, end = found
                self.paragraph(parent, block[:start], state)
                return [block[start:end], block[end:]]
        self.paragraph(parent, block, state)
        return None

    def record_block(self, segment: syntax.Segment, lines: list[Line], region: Block) -> None:
        """A marker block (or a quote opening with an unknown `[!TYPE]`) for the ADM-* checks."""
        marker = segment.marker or syntax.marker_of(lines[0].text)
        if marker is None or lines[0].index < 0:
            return
        last = region[segment.end - 1].index
        empty = not marker.text.strip() and not any(line.text.strip() for line in lines[1:])
        self.result.quote_blocks.append(QuoteBlock(
            lines[0].index, lines[0].col + marker.col, marker.syntax, marker.kind, marker.written,
            marker.known and segment.marker is not None, empty, last + 1))

    @staticmethod
    def plain(block: Block, first: str) -> bool:
        """A block no processor but the paragraph's can take (the common case, answered quickly)."""
        if first[:1] in PLAIN_NOT_FIRST or first[:1].isdigit() or len(block) > SMALL_BLOCK:
            return False
        if len(block) > 1 and block[1].text[:1] in "=-":
            return False  # maybe a setext heading
        table = block.table
        return all(not table.kinds(index) for index in range(block.start, block.end))

    def paragraph(self, parent: Node, block: Block, state: str) -> None:
        """ParagraphProcessor: in a tight list item the text joins the item's text (or a child's tail)."""
        if state == "list":
            sibling = parent.last()
            owner = sibling if sibling is not None else parent
            run = owner.tail_run if sibling is not None else owner.text_run
            if run is None:
                run = []
                self.runs.append(run)
                self.paragraphs.append(run)
                if sibling is not None:
                    owner.tail_run = run
                else:
                    owner.text_run = run
            run.extend(block)
            if sibling is None:
                parent.has_text = True
            return
        self.run_of(block, "paragraph")
        parent.add("p")

    def container_start(self, parent: Node, block: Block, position: int, kind: str,
                        regex: re.Pattern[str], depth: int, state: str) -> Block | None:
        if position:
            self.parse_blocks(parent, [block[:position]], depth, state)
        line = block[position]
        title = regex.match(line.text)
        if title and title.group("title"):
            self.run_of([Line(line.index, line.col + title.start("title"), title.group("title"))])
        node = parent.add(kind)
        if kind == "details" or (kind == "admonition" and not (title and title.group("title") == "")):
            node.add("summary" if kind == "details" else "p")  # the title
        inside, rest = _detab(block[position + 1:], TAB)
        self.parse_chunk(node, inside, depth + 1, state)
        return rest

    def container_more(self, node: Node, block: Block, depth: int, state: str) -> Block | None:
        """A later block of an admonition/details/tab body (AdmonitionProcessor.parse_content)."""
        indent = 0
        target: Node | None = node
        probe = block[0].text
        last = target.last()
        while last is not None:
            if probe.startswith(" " * (TAB * 2)) and last.tag in ("ul", "ol", "dl") and last.children:
                target = last.children[-1]
                last = target.last()
                probe = probe[TAB:]
                indent += TAB
            else:
                last = None
        if not probe.startswith(" " * TAB):
            target, indent = node, 0
        indent += TAB
        inside, rest = _detab(block, indent)
        self.parse_chunk(target, inside, depth + 1, state)
        return rest

    def list_indent(self, parent: Node, block: Block, depth: int, state: str) -> Block | None:
        """ListIndentProcessor: a block indented under a list item."""
        first = block[0].text
        indent_level = (len(first) - len(first.lstrip(" "))) // TAB
        level = 1 if state == "list" else 0
        target = parent
        while indent_level > level:
            child = target.last()
            if child is not None and child.tag in ("ul", "ol", "li"):
                if child.tag in ("ul", "ol"):
                    level += 1
                target = child
            else:
                break
        lines = Block(_loose_detab(block, TAB * level)) if level else block
        if parent.tag == "li":
            into = parent.last() if parent.last() is not None and parent.last().tag in ("ul", "ol") else parent
            self.parse_blocks(into, [lines], depth + 1, "detabbed")
        elif target.tag == "li":
            self.parse_blocks(target, [lines], depth + 1, "detabbed")
        elif target.children and target.children[-1].tag == "li":
            item = target.children[-1]
            item.has_text = False
            self.parse_chunk(item, lines, depth + 1, "detabbed")
        else:
            item = target.add("li")
            self.parse_blocks(item, [lines], depth + 1, "detabbed")
        return None

    def list_block(self, parent: Node, block: Block, tag: str, depth: int, state: str) -> None:
        items = _list_items(block)
        sibling = parent.last()
        first_loose = False
        if sibling is not None and sibling.tag in ("ol", "ul"):
            lst = sibling
            if lst.children:
                lst.children[-1].has_text = False
            first_loose = True
        elif parent.tag in ("ol", "ul"):
            lst = parent
        else:
            lst = parent.add(tag)
        for number, item in enumerate(items):
            if item and item[0].text.startswith(" " * TAB) and lst.children:
                self.parse_blocks(lst.children[-1], [Block(item)], depth + 1, "list")
                continue
            li = lst.add("li")
            self.parse_blocks(li, [Block(item)], depth + 1, "looselist" if (first_loose and number == 0) else "list")

    def quote(self, parent: Node, block: Block, start: int, depth: int, state: str) -> Block | None:
        """TencentQuoteProcessor: plain quotes and marker blocks, by `syntax.split_quote_region`."""
        if start:
            self.parse_blocks(parent, [block[:start]], depth, state)
        elif block[0].text.startswith(" ") and parent.tag != "li":
            sibling = parent.last()
            if sibling is not None and sibling.tag in ("ol", "ul") and sibling.children:
                parent = sibling.children[-1]
                parent.has_text = False
        any_indent = parent.tag == "li"
        first_any = any_indent and start > 0
        region = block[start:]
        segments, end = syntax.split_quote_region(_TextView(region), any_indent, first_any)
        if not segments:
            self.paragraph(parent, region, state)
            return None
        for segment in segments:
            lines = []
            for position in range(segment.start, segment.end):
                line = region[position]
                stripped = syntax.strip_quote(line.text, any_indent and (position > 0 or first_any))
                lines.append(line if stripped is None else
                             Line(line.index, line.col + len(line.text) - len(stripped), stripped))
            if segment.collapse:
                self.parse_chunk(parent, lines, depth + 1)
                continue
            self.record_block(segment, lines, region)
            if segment.marker is not None:
                text = segment.marker.text
                lines[0] = Line(lines[0].index, lines[0].col + len(lines[0].text) - len(text), text)
                if not text.strip():
                    lines = lines[1:]
                node = parent.add("admonition")  # a div.admonition: `!!!` continuation blocks reach it too
                node.add("p")  # its title
            else:
                sibling = parent.last()
                node = sibling if sibling is not None and sibling.tag == "blockquote" else parent.add("blockquote")
            self.parse_chunk(node, _split_lists(lines), depth + 1)
        return region[end:]


def _list_items(block: Block) -> list[list[Line]]:
    """OListProcessor.get_items, after the extension's `syntax.nest_by_indentation`."""
    texts = syntax.nest_by_indentation("\n".join(line.text for line in block)).split("\n")
    lines = [Line(l.index, l.col + len(l.text) - len(t), t) for l, t in zip(block, texts)]
    items: list[list[Line]] = []
    for line in lines:
        match = CHILD_RE.match(line.text)
        if match:
            items.append([Line(line.index, line.col + match.end(), line.text[match.end():])])
        elif INDENT_ITEM_RE.match(line.text) and items:
            if items[-1][0].text.startswith(" " * TAB):
                items[-1].append(line)
            else:
                items.append([line])
        elif items:
            items[-1].append(line)
        else:
            items.append([line])
    return items


def _split_lists(lines: list[Line]) -> list[Line]:
    """`syntax.split_lists` on Lines: the blank lines it inserts map to no source line."""
    texts = syntax.split_lists([line.text for line in lines])
    out: list[Line] = []
    position = 0
    for text in texts:
        if position < len(lines) and lines[position].text == text:
            out.append(lines[position])
            position += 1
        else:
            out.append(Line(-1, 0, ""))
    return out


# --------------------------------------------------------------------------- code spans


def code_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) offsets of inline code in one inline text, as Python-Markdown 3.11 finds it.

    `BacktickInlineProcessor` (`BACKTICK_RE` + `find_code_spans`), searching
    left to right from a position `p`: an even run of backslashes before a
    backtick run is text and the run opens; a backtick right after a
    backslash is literal, the next one may open. An opening of M backticks
    pairs with the next later run of exactly M; failing that with the first
    longest later run if it is shorter than M; failing that it is text and
    the search goes on M characters after it (sic). Done in one pass over the
    backtick runs with precomputed tables, so it stays linear.
    """
    runs: list[tuple[int, int]] = []  # (start, end) of maximal backtick runs
    position = text.find("`")
    while position >= 0:
        end = position
        while end < len(text) and text[end] == "`":
            end += 1
        runs.append((position, end))
        position = text.find("`", end)
    if len(runs) < 2:
        return []
    by_length: dict[int, list[int]] = {}
    for number, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(number)
    best: list[tuple[int, int]] = [(0, -1)] * (len(runs) + 1)  # longest later run, first of its length
    for number in range(len(runs) - 1, -1, -1):
        length = runs[number][1] - runs[number][0]
        best[number] = (length, number) if length >= best[number + 1][0] else best[number + 1]
    spans = []
    resume = 0
    number = 0
    while number < len(runs):
        start, end = runs[number]
        if end <= resume:
            number += 1
            continue
        if resume > start:
            opening = resume  # the search resumed inside this run
        else:
            slashes = 0
            while slashes < start and text[start - slashes - 1] == "\\":
                slashes += 1
            if slashes == 0 or (slashes % 2 == 0 and start - slashes >= resume):
                opening = start
            else:
                opening = start + 1  # the first backtick is escaped
        ticks = end - opening
        if ticks <= 0:
            number += 1
            continue
        same = by_length.get(ticks, [])
        later = bisect_right(same, number)
        closing = same[later] if later < len(same) else None
        if closing is None and 0 < best[number + 1][0] < ticks:
            closing = best[number + 1][1]
        if closing is None:
            resume = end + ticks
            number += 1
            continue
        spans.append((opening, runs[closing][1]))
        resume = runs[closing][1]
        number = closing + 1
    return spans


# --------------------------------------------------------------------------- the scan


def scan(text: str) -> Scan:
    """The page as the build sees it: code, comments, raw HTML, headings and fences."""
    return _scan(text)


# Every check of a page asks for its scan, and `make check` runs the cross-page
# checks (parity, anchors) after the per-page ones: keep a site's worth.
@functools.lru_cache(maxsize=2048)
def _scan(text: str) -> Scan:
    lines = split_lines(text)
    front = markdown_start(lines)
    result = Scan(lines, front, [[] for _ in lines], [[] for _ in lines], set(), [], [], [])
    expanded = [line.expandtabs(TAB) if "\t" in line else line for line in lines]
    # NormalizeWhitespace: a line of spaces only is an empty line (not the very first line).
    first = next((index for index in range(front, len(lines)) if lines[index] != ""), front)
    expanded = [line if index == first or line.strip(" ") else "" for index, line in enumerate(expanded)]

    blocks = find_code_blocks(expanded, front)
    result.fences = blocks
    in_code: dict[int, Fence] = {}
    for fence in blocks:
        if fence.closed:
            for index in range(fence.start, fence.end + 1):
                in_code[index] = fence

    raw = raw_html_blocks(expanded, set(in_code), front)
    raw_lines: dict[int, bool] = {}
    for first, last, markdown_inside in raw:
        for index in range(first, last + 1):
            if index not in in_code:
                raw_lines[index] = markdown_inside and first < index < last
    result.raw_html = {index for index, md in raw_lines.items() if not md}

    model = _Model(result, expanded)
    doc: list[Line] = []
    index = front
    while index < len(lines):
        if index in in_code:
            fence = in_code[index]
            model.fences.append(fence)
            doc.append(Line(index, 0, f"{expanded[index][:fence.indent]}\x02fence:{len(model.fences) - 1}\x03"))
            index = fence.end + 1
            continue
        if index in raw_lines and not raw_lines[index]:
            # A stashed raw block: its placeholder, then a blank line; a blank line
            # before it too when it starts at column 0 (HtmlBlockPreprocessor).
            if not expanded[index].startswith(" "):
                doc.append(Line(-1, 0, ""))
            doc.extend([Line(-1, 0, "\x02raw\x03"), Line(-1, 0, "")])
            while index in raw_lines and not raw_lines[index]:
                index += 1
            continue
        doc.append(Line(index, 0, expanded[index]))
        index += 1
    model.parse_chunk(Node("div"), doc, 0)
    for number, fence in enumerate(model.fences):
        if number not in model.reverted:
            for inner in range(fence.start, fence.end + 1):
                result.code[inner].append((0, 1 << 30))

    for run in model.runs:
        _mark_code_spans(result, run)
    result.paragraphs = [[line.index for line in run] for run in model.paragraphs]
    _mark_comments(result, lines, front)
    _to_source_columns(result, lines)
    return result


def _mark_code_spans(result: Scan, run: list[Line]) -> None:
    text = "\n".join(line.text for line in run)
    if "`" not in text:
        return
    starts = []
    offset = 0
    for line in run:
        starts.append(offset)
        offset += len(line.text) + 1
    for start, end in code_spans(text):
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1
        if first == last and run[first].index >= 0:
            line = run[first]
            result.inline_code.append((line.index, line.col + start - starts[first], line.col + end - starts[first]))
        for position in range(first, last + 1):
            line = run[position]
            if line.index < 0:
                continue
            a = max(start - starts[position], 0)
            b = min(end - starts[position], len(line.text))
            result.code[line.index].append((line.col + a, line.col + b))


def _mark_comments(result: Scan, lines: list[str], front: int) -> None:
    joined = "\n".join(lines[front:])
    if "<!--" not in joined:
        return
    where = Positions(lines[front:])
    for start, end in comment_spans(joined):
        line_a, col_a = where(start)
        line_b, col_b = where(end - 1)
        for line in range(line_a, line_b + 1):
            a = col_a - 1 if line == line_a else 0
            b = col_b if line == line_b else 1 << 30
            result.hidden[front + line - 1].append((a, b))


def _to_source_columns(result: Scan, lines: list[str]) -> None:
    """Ranges were computed on tab-expanded lines: map them to the source columns."""
    for index, line in enumerate(lines):
        if "\t" not in line or not result.code[index]:
            continue
        columns = []  # expanded column -> source column
        for source, char in enumerate(line):
            width = TAB - (len(columns) % TAB) if char == "\t" else 1
            columns.extend([source] * width)
        columns.append(len(line))

        def to_source(col: int) -> int:
            return columns[col] if col < len(columns) else len(line) + (col - len(columns))

        result.code[index] = [(to_source(a), to_source(b) if b < (1 << 30) else b) for a, b in result.code[index]]


def prose_lines(text: str) -> list[str]:
    """Source lines with front matter, code (fenced, indented, inline, dx-codeblock) and comments blanked."""
    return list(scan(text).prose)
