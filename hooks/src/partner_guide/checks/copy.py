"""Copy conventions: the COPY-* checks and the fixes `make fix` applies (pure module, no MkDocs event).

The copy checks judge the prose of the page Python-Markdown renders (checks/tree.py's `PageTree`, in the
page extension's audit, as every other page rule), with the corrected text as the hint:

- COPY-SPACE   no space between Chinese and Latin letters or digits
               (`每月10号` -> `每月 10 号`), or a space beside full-width
               punctuation (`腾讯云 ，` -> `腾讯云，`);
- COPY-PUNCT   half-width punctuation in a Chinese sentence (`你好,世界` ->
               `你好，世界`); Chinese pages only: an English sentence keeps
               its commas after a Chinese name;
- COPY-DOUBLE  doubled punctuation (`！！`, `。。`, `??`); `……` and `——` are
               single Chinese marks and stay;
- COPY-TERM    a spelling that the terms list (hooks/terms.yml) corrects,
               per edition (`ios` -> `iOS`, `帐号` -> `账号`);
- COPY-MORE    after 100 findings on a page: the rest is for `make fix`;
- COPY-TERMS-FORMAT  hooks/terms.yml is not a mapping of languages to
               mappings of a spelling to a list of spellings.

Spacing and punctuation come from AutoCorrect (`autocorrect-py`, the Rust linter that MDN's translated content
and Tencent-style CJK projects run); the doubled marks and the terms are ours.

What is prose is the renderer's answer, not ours: the text nodes of the rendered page, joined per block (a
paragraph, a list item's own text, a heading, a table cell, an admonition title…) through the inline elements
a reader reads as text (emphasis, links, spans), so `**粗体**English` gets its space outside the `**`. Never
read: code and preformatted text, comments, attributes, images and line breaks (they split the text around
them), the permalinks, and in the text itself URLs, e-mail addresses, an admonition or tab opener the
renderer left as text (`!!!` alone: ADM-* reports it) and the registry's contact data (the mailing address,
recipient and phone stay verbatim wherever they are written). The front matter never
reaches the page: its `title:` and `description:` values are checked in the source (`check_front_copy`).

Each correction is placed in the source by finding its text node there, in document order (as
checks/findings.py's `Locator` places the other findings), as it reads or with its backslash escapes and
character references: then it has its exact line and column, and `make fix` writes it. A correction whose
text is not found so, or that crosses markup, is still reported, at the nearest line, with a hint that
`make fix` leaves it.

`fix_copy(text, path, registry)` renders the page, applies the corrections and renders again, until none is
left (a second run changes nothing). A round whose result renders anything but the corrected prose (a
correction found in text the renderer did not read as prose, such as a link's address) is undone, and only
the corrections that render as they should are kept. `make fix` (`tools/fix.py`) runs it over docs/.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import autocorrect_py
import yaml

from .. import REPO_ROOT
from ..languages import language_of
from ..registry import Registry, load_registry
from ..strict_yaml import PARSER
from .findings import Finding, Issue, Locator
from .frontmatter import front_matter_end, split_lines
from .limits import MAX_PAGE_CHARS
from .rendered import MarkdownConfig, render_page
from .tree import CODE, PageTree

TERMS_PATH = REPO_ROOT / "hooks" / "terms.yml"  # the checks read this one; terms_path() names a copy's
SPACE, PUNCT, DOUBLE, TERM = "COPY-SPACE", "COPY-PUNCT", "COPY-DOUBLE", "COPY-TERM"
TERMS_FORMAT = "COPY-TERMS-FORMAT"
MORE = "COPY-MORE"
MAX_REPORTED = 100  # findings per page; a page with more needs `make fix`, not a longer list
TERMS_SHAPE = "write `<language>:` then `<spelling the guide uses>: [<spellings to correct>, …]`"
# AutoCorrect's rules, per edition, on top of its defaults: no spaces forced around brackets (Chinese uses
# （）), dashes (`官网-控制台` is a path in the console) or backticks (code is never passed to it); its
# spellcheck is replaced by the terms list; full-width punctuation in the Chinese edition only (an English
# sentence keeps its comma after a Chinese name). Every rule is named: AutoCorrect keeps one configuration
# per process and merges a new one into it.
AUTOCORRECT_RULES = '"space-bracket": 0, "space-dash": 0, "space-backticks": 0, "spellcheck": 0'
AUTOCORRECT_CONFIG = {
    lang: f'{{"rules": {{{AUTOCORRECT_RULES}, "fullwidth": {int(lang == "zh")}}}}}' for lang in ("zh", "en")
}
MAX_ROUNDS = 5  # fix_copy: corrections that overlap are applied over a few rounds
MAX_TRIALS = 16  # fix_copy: renders, per page, to find the corrections that hold when a round's do not
NOT_FIXED = "make fix leaves it (its text is not found as written, or it crosses markup): correct it by hand"

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # a Chinese character
# Text of a prose block that is not copy: never read, never changed; the copy on either side is read apart.
OPAQUE_RE = re.compile(
    r"(?:https?|ftp|mailto|tel):[^\s<>()\[\]（）【】「」\"'，。；、]++"  # a URL
    r"|www\.[^\s<>()\[\]（）【】\"'，。；、]++"  # a bare www. address
    r"|[A-Za-z0-9.+_\-]{1,64}+@[A-Za-z0-9\-]{1,63}+(?:\.[A-Za-z0-9\-]{1,63}+)++"  # an e-mail address
    r"|\{[:#.][^{}\n]{0,200}+\}"  # an attribute list attr_list did not take
    r"|\[\^[^\]\n]{0,100}+\]"  # a footnote reference
    r"|(?m:^(?:!!!|\?\?\?|===)[^\n]*+)"  # an admonition, details or tab opener left as text (ADM-* reports it)
)
FRONT_VALUE_RE = re.compile(r"^(?:title|description):[ \t]++(?P<value>[^|>\s].*)$")  # a one-line title/description
DOUBLED_RE = re.compile(r"([！？。，、；：!?,;])\1+")  # the same mark twice or more (not … or —)
HALF_PUNCT = frozenset(",.:;!?")
NEWLINE_RE = re.compile(r"\r\n|\r|\n")
# The rendered page's elements, as the copy checks read them: inline elements whose text a reader reads as
# part of the sentence around them; elements whose content is never copy (they split the text around them);
# every other element is a block of its own.
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "del", "dfn", "em", "i", "ins", "mark", "q", "s", "small", "span"}
    | {"strong", "sub", "sup", "u", "time", "font"}
)
NOT_COPY = CODE | {"br", "hr", "img", "input", "wbr", "svg", "math", "iframe", "object", "embed", "video", "audio"}
NOT_COPY |= {"canvas", "textarea", "select", "noscript", "var", "tt"}


@dataclass(frozen=True)
class Edit:
    """A correction: replace the source's characters [at, stop) with `text`; on `line` (0-based), columns
    [start, end). `fixable`: its text was found in the source (else it is placed at the nearest line only)."""

    line: int
    start: int
    end: int
    text: str
    rule: str
    message: str
    hint: str
    at: int = 0
    stop: int = 0
    fixable: bool = True
    block: int = -1  # the prose block it corrects (its index on the rendered page); -1: the front matter
    block_start: int = 0  # [block_start, block_end) in that block's text
    block_end: int = 0


@dataclass(frozen=True)
class Term:
    spelling: str  # what the guide writes
    pattern: re.Pattern[str]  # the spellings to correct (and, for a Latin word, any other letter case)


# --------------------------------------------------------------------------- the terms list


def _at(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.Node) -> str | None:
    return str(node.value).strip() or None if isinstance(node, yaml.ScalarNode) else None


def _term_pattern(spelling: str, variants: list[str]) -> re.Pattern[str]:
    """The wrong spellings of a term: the listed ones; for a Latin word, also any other letter case."""
    words = sorted({*variants, *([spelling] if spelling.isascii() else [])}, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    if all(word.isascii() for word in words):  # a whole word, not part of a longer one (iOS in iOSX)
        return re.compile(rf"(?<![A-Za-z0-9_\-])(?:{alternatives})(?![A-Za-z0-9_\-])", re.IGNORECASE)
    return re.compile(alternatives, re.IGNORECASE)


def parse_terms(source: str, path: str) -> tuple[dict[str, list[Term]], list[Finding]]:
    """The terms per language of a terms file's text, and COPY-TERMS-FORMAT findings for what is not valid."""
    findings: list[Finding] = []
    terms: dict[str, list[Term]] = {}
    try:
        root = yaml.compose(source, Loader=PARSER)  # nodes only, with their positions; no alias is expanded
    except (yaml.YAMLError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        line, col = (int(mark.line) + 1, int(mark.column) + 1) if mark else (1, 1)
        return {}, [Finding(path, line, col, TERMS_FORMAT, "not valid YAML", TERMS_SHAPE)]
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return {}, [Finding(path, *_at(root), TERMS_FORMAT, "expected a mapping of languages", TERMS_SHAPE)]
    for lang_node, table in root.value:
        lang = _scalar(lang_node)
        if lang not in ("zh", "en") or lang in terms:
            findings.append(
                Finding(
                    path,
                    *_at(lang_node),
                    TERMS_FORMAT,
                    f"unknown or repeated language {lang!r}",
                    "use zh and en, once each",
                )
            )
            continue
        terms[lang] = []
        if not isinstance(table, yaml.MappingNode):
            findings.append(
                Finding(path, *_at(table), TERMS_FORMAT, f"{lang}: expected a mapping of terms", TERMS_SHAPE)
            )
            continue
        seen: set[str] = set()
        for spelling_node, variants_node in table.value:
            spelling = _scalar(spelling_node)
            variants = (
                [_scalar(node) for node in variants_node.value]
                if isinstance(variants_node, yaml.SequenceNode)
                else [None]
            )
            if spelling is None or None in variants or spelling in variants or spelling in seen:
                findings.append(
                    Finding(
                        path,
                        *_at(spelling_node),
                        TERMS_FORMAT,
                        f"{lang}: {spelling!r} needs a list of other spellings, once",
                        TERMS_SHAPE + " ([] for a Latin word: any other letter case is corrected)",
                    )
                )
                continue
            seen.add(spelling)
            terms[lang].append(Term(spelling, _term_pattern(spelling, [v for v in variants if v])))
    return terms, findings


def terms_path(site_root: Path) -> Path:
    """The terms list of the site whose mkdocs.yml is in `site_root`."""
    return site_root / "hooks" / "terms.yml"


@functools.lru_cache(maxsize=4)
def _terms_of(source: str) -> dict[str, list[Term]]:
    return parse_terms(source, "")[0]


def load_terms(path: Path = TERMS_PATH) -> dict[str, list[Term]]:
    """The valid terms of the terms file, per language (none when there is no file)."""
    try:
        return _terms_of(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}


def check_terms_file(path: Path, shown: str) -> list[Finding]:
    """COPY-TERMS-FORMAT findings of the terms file at `path` (named `shown`); none if there is no file."""
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        return [Finding(shown, 1, 1, TERMS_FORMAT, f"cannot read the file ({error})", "save it as UTF-8 text")]
    return parse_terms(source, shown)[1]


# --------------------------------------------------------------------------- the prose of the rendered page


@dataclass
class _Segment:
    """One line of one text node: where it is in its block's text, and where it is written in the source."""

    start: int  # in the block's text
    text: str
    path: tuple[int, ...]  # the inline elements around it (numbered in document order), outermost first
    offset: int = -1  # in the source; -1: not found there (or not looked for yet)
    written: tuple[list[int], list[int]] | None = None  # each character's [start, end) in the source, if not verbatim

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def source_start(self, index: int) -> int:
        """Where text[index] is written (the backslash of an escape, the `&` of an entity)."""
        return self.offset + index if self.written is None else self.written[0][index]

    def source_end(self, index: int) -> int:
        return self.offset + index + 1 if self.written is None else self.written[1][index]


@dataclass
class Block:
    """The prose of one block of the rendered page: its text nodes joined, and each one's lines."""

    text: str = ""
    segments: list[_Segment] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # each segment's start (once the block is read)

    def around(self, position: int) -> tuple[_Segment | None, _Segment | None]:
        """The segment that starts at or before `position` (the last such), and the one after it."""
        if len(self.starts) != len(self.segments):
            self.starts = [segment.start for segment in self.segments]
        index = bisect.bisect_right(self.starts, position) - 1
        following = self.segments[index + 1] if index + 1 < len(self.segments) else None
        return (self.segments[index] if index >= 0 else None), following


def _skipped(node: Any) -> bool:
    """Elements that are not the writer's copy: the permalinks, footnote references."""
    kinds = (node.attributes.get("class") or "").split()
    return "headerlink" in kinds or "footnote-ref" in kinds


def prose_blocks(body: Any) -> list[Block]:
    """The prose of a rendered page (its selectolax <body>), per block, in document order: text nodes joined
    through INLINE elements; NOT_COPY elements and comments split the text around them; any other element
    is a block of its own."""
    blocks: list[Block] = []
    current = Block()
    number = 0

    def close() -> None:
        nonlocal current
        if current.segments and current.text.strip():
            blocks.append(current)
        current = Block()

    if body is None:
        return blocks
    stack: list[tuple[Any, tuple[int, ...]] | None] = [(body.child, ())]
    while stack:
        item = stack.pop()
        if item is None:  # the end of a block
            close()
            continue
        node, path = item
        if node is None:
            continue
        stack.append((node.next, path))
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            position = len(current.text)
            for line in text.split("\n"):
                if line:
                    current.segments.append(_Segment(position, line, path))
                position += len(line) + 1
            current.text += text
        elif tag in INLINE and not _skipped(node):
            number += 1
            stack.append((node.child, (*path, number)))
        elif tag.startswith("-") or tag in NOT_COPY or _skipped(node):
            close()  # a comment, code, an image: the text on either side is read apart
        else:
            close()
            stack.append(None)
            stack.append((node.child, ()))
    close()
    return blocks


SEARCH_WINDOW = 100_000  # a text node is looked for this far after the previous one, at most


ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")  # what a backslash escapes in Markdown
CHARREF_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@functools.lru_cache(maxsize=4096)
def _written(text: str) -> re.Pattern[str]:
    """The ways `text` may be written in Markdown: a mark escaped with a backslash, or as a character reference."""
    parts = []
    for char in text:
        if char.isalnum():
            parts.append(re.escape(char))
        else:
            escaped = rf"\\{re.escape(char)}|" if char in ESCAPABLE else ""
            parts.append(f"(?:{re.escape(char)}|{escaped}{CHARREF_RE.pattern})")
    return re.compile("".join(parts))


def _characters(source: str, at: int, text: str) -> tuple[list[int], list[int]] | None:
    """Each character of `text`'s [start, end) in the source, written from `at` on (escaped, or a reference)."""
    starts: list[int] = []
    ends: list[int] = []
    position = at
    for char in text:
        starts.append(position)
        if (reference := CHARREF_RE.match(source, position)) and html.unescape(reference.group()) == char:
            position = reference.end()
        elif source.startswith(char, position):
            position += 1
        elif char in ESCAPABLE and source.startswith("\\" + char, position):
            position += 2
        else:
            return None
        ends.append(position)
    return starts, ends


class _Placer:
    """Finds each segment in the source, in document order, after the previous one; else from where the
    previous one was looked for (a title the renderer wrote, `>?`'s 说明, is found in the text written after
    it). Written as it reads, or nearer with escapes and character references (`\\*`, `&amp;`)."""

    def __init__(self, source: str, start: int):
        self.source = source
        self.cursor = self.previous = start
        self.block = 0  # the blocks before this one are placed

    def _find(self, segment: _Segment, start: int) -> bool:
        stop = self.cursor + SEARCH_WINDOW
        found = self.source.find(segment.text, start, stop)
        if found != start and not segment.text.isalnum():  # written otherwise, nearer?
            written = _written(segment.text).search(self.source, start, stop if found < 0 else found)
            if written is not None and (characters := _characters(self.source, written.start(), segment.text)):
                segment.offset, segment.written = written.start(), characters
                return True
        if found < 0:
            return False
        segment.offset = found
        return True

    def place(self, blocks: list[Block], upto: int) -> None:
        """Place the segments of blocks[self.block : upto + 1]."""
        for block in blocks[self.block : upto + 1]:
            for segment in block.segments:
                if segment.text.strip() and (self._find(segment, self.cursor) or self._find(segment, self.previous)):
                    self.previous, self.cursor = (
                        self.cursor,
                        max(self.cursor, segment.source_end(len(segment.text) - 1)),
                    )
        self.block = max(self.block, upto + 1)


def _source_span(block: Block, start: int, end: int) -> tuple[int, int] | None:
    """The source offsets of block.text[start:end], when it lies in one segment found in the source; an
    insertion between two text nodes goes outside the markup of the deeper one (`腾讯云 **API** 接口`)."""
    segment = block.around(start)[0]
    if segment is not None and segment.start == start and start == end and start > 0:  # between two segments?
        before, _ = block.around(start - 1)
        if before is not None and before.end == start:
            if segment.path[: len(before.path)] == before.path:  # the next one is as deep or deeper
                segment = before
            elif before.path[: len(segment.path)] != segment.path:
                return None  # siblings: where their markup meets is not known
    if segment is None or segment.offset < 0 or end > segment.end or (start == end and start > segment.end):
        return None
    first, last = start - segment.start, end - segment.start
    if first == last:  # an insertion: before the character at `start`, or after the segment's last one
        point = segment.source_start(first) if first < len(segment.text) else segment.source_end(first - 1)
        return point, point
    return segment.source_start(first), segment.source_end(last - 1)


def _nearest(block: Block, start: int, placer: _Placer, locator: Locator) -> int:
    """A source offset near block.text[start], for a correction that has no exact place: in the segment
    that holds it, if it was found; else where the locator finds its text (character references decoded)."""
    segment = block.around(start)[0] or block.segments[0]
    if segment.offset >= 0:
        return segment.source_start(min(start, segment.end - 1) - segment.start)
    locator.cursor = max(locator.cursor, placer.previous)
    line, col = locator.find((segment.text,))
    at = locator.starts[line - 1] + col - 1
    locator.cursor = max(locator.cursor, at + 1)  # the next one is looked for after it
    return at


# --------------------------------------------------------------------------- corrections


def _align(old: str, new: str) -> list[tuple[int, int, str]] | None:
    """AutoCorrect's changes as (start, end, replacement) in `old`, in one linear pass; None if it did more
    than insert or remove spaces and replace single marks."""
    changes: list[tuple[int, int, str]] = []
    i = j = 0
    while i < len(old) or j < len(new):
        if i < len(old) and j < len(new) and old[i] == new[j]:
            i, j = i + 1, j + 1
        elif j < len(new) and new[j] == " " and (i == len(old) or old[i] != " "):
            changes.append((i, i, " "))
            j += 1
        elif i < len(old) and old[i] in " \t" and (j == len(new) or new[j] != old[i]):
            changes.append((i, i + 1, ""))
            i += 1
        elif i < len(old) and j < len(new) and old[i] in HALF_PUNCT:
            changes.append((i, i + 1, new[j]))
            i, j = i + 1, j + 1
        else:
            return None
    return changes


def _merge(changes: list[tuple[int, int, str]], text: str, block: Block, base: int) -> list[tuple[int, int, str]]:
    """Changes a few characters apart (`3个API` has two) become one, inside one line of one text node."""

    def inside(a: int, b: int) -> bool:
        segment, following = block.around(a + base)
        return (
            segment is not None
            and b + base <= segment.end
            and (a + base > segment.start or segment is block.segments[0])
            and (b + base < segment.end or following is None)
        )

    merged: list[tuple[int, int, str]] = []
    for start, end, replacement in changes:
        if merged:
            a, b, previous = merged[-1]
            if start - b <= 2 and end - a <= 12 and inside(a, end):
                merged[-1] = (a, end, previous + text[b:start] + replacement)
                continue
        merged.append((start, end, replacement))
    return merged


def _diff(old: str, new: str) -> list[tuple[int, int, str]]:
    """AutoCorrect's changes as (start, end, replacement) in `old`: in one linear pass when it only inserted
    or removed spaces and replaced single marks (always, so far); else by difflib, on a text of sane length."""
    changes = _align(old, new)
    if changes is None and len(old) <= 2000:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        changes = [(i1, i2, new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    return changes or []


def _context(text: str, start: int, end: int, replacement: str) -> tuple[str, str]:
    """The few characters around a change, before and after it: what the message quotes and the hint writes."""

    def latin(at: int) -> bool:
        return 0 <= at < len(text) and text[at].isascii() and text[at].isalnum()

    first, last = text.rfind("\n", 0, start) + 1, text.find("\n", end) % (len(text) + 1)  # its line only
    a, b = max(first, start - 4), min(last, end + 4)
    while a > max(first, start - 24) and latin(a - 1) and latin(a):  # whole Latin words, not "请用 iOS 或 a"
        a -= 1
    while b < min(last, end + 24) and latin(b - 1) and latin(b):
        b += 1
    return text[a:b].strip(), (text[a:start] + replacement + text[end:b]).strip()


Change = tuple[int, int, str, str, str, str]  # (start, end, replacement, rule, message, hint) in a text


def _piece_edits(text: str, terms: list[Term], block: Block, base: int) -> Iterator[Change]:
    """The corrections of one piece of copy (the text of a block between the spans that are not copy)."""
    for term in terms:
        for match in term.pattern.finditer(text):
            if match.group() != term.spelling:
                _, after = _context(text, *match.span(), term.spelling)
                yield (
                    *match.span(),
                    term.spelling,
                    TERM,
                    f"{match.group()!r} is spelled {term.spelling!r} (hooks/terms.yml)",
                    after,
                )
    for match in DOUBLED_RE.finditer(text):
        _, after = _context(text, *match.span(), match.group(1))
        yield *match.span(), match.group(1), DOUBLE, f"doubled punctuation {match.group()!r}", after
    if not HAN_RE.search(text):
        return
    corrected = autocorrect_py.format(text)
    for start, end, replacement in _merge(_diff(text, corrected), text, block, base) if corrected != text else ():
        old = text[start:end]
        if "".join(old.split()) != "".join(replacement.split()):
            marks = " ".join(repr(mark) for mark in dict.fromkeys(old) if mark in HALF_PUNCT) or repr(old)
            rule, message = PUNCT, f"half-width {marks} in a Chinese sentence"
        elif len(replacement) > len(old):
            rule, message = SPACE, "no space between Chinese and Latin letters or digits"
        else:
            rule, message = SPACE, "a space beside full-width punctuation"
        before, after = _context(text, start, end, replacement)
        yield start, end, replacement, rule, f"{message} in {before!r}", after


def _block_edits(block: Block, terms: list[Term], verbatim: tuple[str, ...]) -> Iterator[Change]:
    """The corrections of a block's copy, in its text: each piece between URLs, addresses and the registry's
    contact data is read on its own."""
    text = block.text
    spans = [match.span() for match in OPAQUE_RE.finditer(text)]
    for value in verbatim:
        start = text.find(value)
        while start >= 0:
            spans.append((start, start + len(value)))
            start = text.find(value, start + len(value))
    position = 0
    for a, b in [*sorted(spans), (len(text), len(text))]:
        if a > position and text[position:a].strip():
            for start, end, *rest in _piece_edits(text[position:a], terms, block, position):
                yield (start + position, end + position, *rest)  # type: ignore[misc]
        position = max(position, b)


def _verbatim(registry: Registry | None) -> tuple[str, ...]:
    if registry is None:
        return ()
    values = [
        registry.mail.get(key, "") for key in ("address", "address_en", "recipient", "recipient_en", "phone", "tel")
    ]
    values += [*registry.phones, *registry.qq, *registry.emails]
    return tuple(sorted({value for value in values if value}, key=len, reverse=True))


def _load_config(lang: str) -> None:
    # autocorrect-py 2.14.0's native module exports load_config(config_str: str) -> None, but its shipped
    # __init__.pyi leaves it out (upstream stub gap), so mypy cannot see the attribute.
    autocorrect_py.load_config(AUTOCORRECT_CONFIG.get(lang, AUTOCORRECT_CONFIG["en"]))  # type: ignore[attr-defined]


class _Lines:
    """Line and column of a source offset (a line ends at \\r\\n, \\r or \\n, as `make fix` splits lines)."""

    def __init__(self, source: str):
        self.starts = [0] + [match.end() for match in NEWLINE_RE.finditer(source)]

    def of(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index, offset - self.starts[index]


def page_edits(
    tree: PageTree,
    terms: dict[str, list[Term]] | None = None,
    limit: int | None = None,
    blocks: list[Block] | None = None,
    nearest: bool = True,
) -> list[Edit]:
    """The corrections of a rendered page's prose, each placed in its source, in document order (the first
    `limit` only, when there are more: a page of thousands is read in seconds, not minutes). `nearest`: give
    the corrections without an exact place their nearest line (the findings need it, `make fix` does not)."""
    blocks = prose_blocks(tree.body) if blocks is None else blocks
    _load_config(tree.lang)
    page_terms = (load_terms() if terms is None else terms).get(tree.lang, [])
    verbatim = _verbatim(tree.registry)
    source = tree.source or tree.markdown
    lines = _Lines(source)
    body = lines.starts[min(max(tree.body_line, 1), len(lines.starts)) - 1] if tree.source else 0
    placer = _Placer(source, body)
    locator: Locator | None = None  # for the corrections that have no exact place (made when one needs it)
    edits: list[Edit] = []
    for index, block in enumerate(blocks):
        changes = list(_block_edits(block, page_terms, verbatim))
        if not changes:
            continue
        placer.place(blocks, index)
        for start, end, replacement, rule, message, hint in changes:
            span = _source_span(block, start, end)
            fixable = span is not None
            if span is None and nearest:
                locator = locator or Locator(source, tree.body_line if tree.source else 1)
                span = (_nearest(block, start, placer, locator),) * 2
            at, stop = span or (0, 0)
            line, col = lines.of(at)
            edits.append(
                Edit(
                    line,
                    col,
                    col + stop - at,
                    replacement,
                    rule,
                    message,
                    hint if fixable else f"{hint}; {NOT_FIXED}",
                    at,
                    stop,
                    fixable,
                    index,
                    start,
                    end,
                )
            )
            if limit is not None and len(edits) >= limit:
                return edits
    return edits


def _more(path: str, last: Edit) -> Finding:
    return Finding(
        path,
        last.line + 1,
        last.start + 1,
        MORE,
        f"the copy checks stop after {MAX_REPORTED} findings on a page",
        "run `make fix`, then `make check` again",
    )


def copy_issues(tree: PageTree) -> list[Issue]:
    """The page rule: COPY-* issues of the rendered page's prose, each at its source line and column; after
    MAX_REPORTED, one COPY-MORE issue says that `make fix` corrects the rest."""
    edits = page_edits(tree, limit=MAX_REPORTED)
    issues = [Issue(e.rule, e.message, (), e.hint, at=(e.line + 1, e.start + 1)) for e in edits]
    if len(edits) >= MAX_REPORTED:
        more = _more(tree.path, edits[-1])
        issues.append(Issue(more.rule, more.message, (), more.hint, at=(more.line, more.col)))
    return issues


# --------------------------------------------------------------------------- the front matter


def front_edits(
    text: str, path: str, registry: Registry | None, terms: dict[str, list[Term]] | None = None
) -> list[Edit]:
    """The corrections of the front matter's one-line `title:` and `description:` values: they never reach
    the rendered page, so they are read in the source."""
    if len(text) > MAX_PAGE_CHARS:  # LIMIT-SIZE: the page is not read
        return []
    front = front_matter_end(split_lines(text))
    if not front:
        return []
    lang = language_of(path)
    _load_config(lang)
    page_terms = (load_terms() if terms is None else terms).get(lang, [])
    lines = _Lines(text)
    edits: list[Edit] = []
    for index in range(min(front, len(lines.starts))):
        start = lines.starts[index]
        end = lines.starts[index + 1] if index + 1 < len(lines.starts) else len(text)
        line = text[start:end].rstrip("\r\n")
        value = FRONT_VALUE_RE.match(line)
        if not value:
            continue
        quoted = value.group("value")[0] in "'\""
        first = value.start("value") + (1 if quoted else 0)
        last = len(line.rstrip()) - (1 if quoted else 0)
        block = Block(line[first:last], [_Segment(0, line[first:last], (), start + first)])
        for a, b, replacement, rule, message, hint in _block_edits(block, page_terms, _verbatim(registry)):
            at, stop = _source_span(block, a, b) or (start + first + a, start + first + b)
            edits.append(Edit(index, at - start, stop - start, replacement, rule, message, hint, at, stop))
    return edits


def check_front_copy(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    """COPY-* findings of the front matter's title and description (a source check: checks/ruleset.py)."""
    return [
        Finding(path, e.line + 1, e.start + 1, e.rule, e.message, e.hint)
        for e in front_edits(text.removeprefix("\ufeff"), path, registry)
    ]


# --------------------------------------------------------------------------- the whole page, and the fix


@functools.lru_cache(maxsize=1)
def _site_markdown() -> MarkdownConfig:
    from ..compat.mkdocs_build import markdown_config

    return markdown_config(REPO_ROOT / "mkdocs.yml")


@dataclass
class _Page:
    """A page as `make fix` reads it: its corrections, and what its rendering says besides the prose."""

    source: str
    edits: list[Edit]
    blocks: list[str]  # each prose block's text
    signature: list[tuple[str, ...]]  # everything else: elements and their attributes, code, comments


def _signature(body: Any) -> list[tuple[str, ...]]:
    """What the rendered page is besides its prose: each element with its attributes (not the ids the toc
    makes from a heading's text), the text of code and the like, comments."""
    if body is None:
        return []
    out: list[tuple[str, ...]] = []
    for node in body.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            parent, inside = node.parent, False
            while parent is not None and parent.tag not in ("body", "html"):
                inside = inside or parent.tag in NOT_COPY or _skipped(parent)
                parent = parent.parent
            if inside:
                out.append(("-text", node.text_content or ""))
        elif tag.startswith("-"):
            out.append((tag, node.html or ""))
        else:
            generated: tuple[str, ...] = ("id",) if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else ()
            generated += ("href",) if _skipped(node) else ()
            attributes = sorted((k, v or "") for k, v in node.attributes.items() if k not in generated)
            out.append((tag, *(f"{k}={v}" for k, v in attributes)))
    return out


def _read(
    text: str, path: str, registry: Registry, terms: dict[str, list[Term]] | None, markdown: MarkdownConfig | None
) -> _Page:
    rendered = render_page(text, path, registry, markdown or _site_markdown())
    edits = front_edits(text, path, registry, terms)
    tree = rendered.tree
    if tree is None or tree.body is None:
        return _Page(text, edits, [], [])
    blocks = prose_blocks(tree.body)
    texts = [block.text for block in blocks]
    edits += page_edits(tree, terms, blocks=blocks, nearest=False)
    return _Page(text, edits, texts, _signature(tree.body))


def copy_edits(
    text: str,
    path: str,
    registry: Registry | None = None,
    terms: dict[str, list[Term]] | None = None,
    markdown: MarkdownConfig | None = None,
) -> list[Edit]:
    """Every correction of one page (its whole file), front matter first, then in document order."""
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_PAGE_CHARS:
        return []
    return _read(text, path, registry or load_registry(), terms, markdown).edits


def check_copy(
    text: str, path: str, registry: Registry | None = None, markdown: MarkdownConfig | None = None
) -> list[Finding]:
    """COPY-* findings of one page (its whole file): the front matter's, and the rendered page's (as the page
    audit reports them in `make check` and the build); for `make fix` and the tests."""
    text = text.removeprefix("\ufeff")
    found = check_front_copy(text, path, registry)
    rendered = render_page(text, path, registry or load_registry(), markdown or _site_markdown())
    page = [f for f in rendered.findings if f.rule.startswith("COPY-")]
    return found + [f for f in page if f.rule != MORE] + [f for f in page if f.rule == MORE]


def _conflict(a: Edit, b: Edit) -> bool:
    """Whether two edits touch the same characters (an insertion may sit at a change's edge)."""
    if a.at == a.stop and b.at == b.stop:
        return a.at == b.at
    if a.at == a.stop:
        return b.at < a.at < b.stop
    if b.at == b.stop:
        return a.at < b.at < a.stop
    return a.at < b.stop and b.at < a.stop


def _apply(source: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """The source with the edits that do not touch an edit applied before (terms first), and those edits."""
    order = {TERM: 0, DOUBLE: 1, PUNCT: 2, SPACE: 3}
    chosen: list[Edit] = []
    starts: list[int] = []  # the chosen edits' starts, sorted: only the ones near an edit can touch it
    by_start: list[Edit] = []
    longest = 0
    for edit in sorted(edits, key=lambda e: (order[e.rule], e.at)):
        first = bisect.bisect_left(starts, edit.at - longest)
        last = bisect.bisect_right(starts, edit.stop)
        if not any(_conflict(edit, other) for other in by_start[first:last]):
            index = bisect.bisect_right(starts, edit.at)
            starts.insert(index, edit.at)
            by_start.insert(index, edit)
            chosen.append(edit)
            longest = max(longest, edit.stop - edit.at)
    for edit in sorted(chosen, key=lambda e: (e.at, e.stop), reverse=True):  # an insertion goes first
        source = source[: edit.at] + edit.text + source[edit.stop :]
    return source, chosen


def _mismatched(before: _Page, edits: list[Edit], after: _Page) -> set[int] | None:
    """The prose blocks of `after` that are not `before`'s with these corrections (None: not the same blocks)."""
    if len(after.blocks) != len(before.blocks):
        return None
    expected = list(before.blocks)
    for edit in sorted(edits, key=lambda e: (e.block, e.block_start, e.block_end), reverse=True):
        if edit.block >= 0:
            text = expected[edit.block]
            expected[edit.block] = text[: edit.block_start] + edit.text + text[edit.block_end :]
    return {index for index, (text, want) in enumerate(zip(after.blocks, expected, strict=True)) if text != want}


def _agrees(before: _Page, edits: list[Edit], after: _Page) -> bool:
    """Whether `after` renders as `before` with exactly these corrections of its prose, nothing else."""
    return after.signature == before.signature and _mismatched(before, edits, after) == set()


def fix_copy(
    text: str,
    path: str,
    registry: Registry | None = None,
    terms: dict[str, list[Term]] | None = None,
    markdown: MarkdownConfig | None = None,
) -> str:
    """The source with every correction `make fix` can place applied, until none is left; only the corrected
    lines change. `markdown`: the site's Markdown configuration (compat/mkdocs_build.py), else this site's."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    current = text.removeprefix(bom)
    if len(current) > MAX_PAGE_CHARS:
        return text
    registry = registry or load_registry()

    def read(source: str) -> _Page:
        return _read(source, path, registry, terms, markdown)

    def holding(page: _Page, edits: list[Edit], budget: list[int]) -> list[tuple[list[Edit], str, _Page]]:
        """Groups of the edits that render as they should on their own, found by halving (a few renders)."""
        if budget[0] <= 0:
            return []
        budget[0] -= 1
        candidate = _apply(page.source, edits)[0]
        after = read(candidate)
        if _agrees(page, edits, after):
            return [(edits, candidate, after)]
        half = len(edits) // 2
        return holding(page, edits[:half], budget) + holding(page, edits[half:], budget) if half else []

    page = read(current)
    budget = [MAX_TRIALS]
    for _ in range(MAX_ROUNDS):
        edits = [edit for edit in page.edits if edit.fixable]
        if not edits:
            break
        candidate, chosen = _apply(current, edits)
        after = read(candidate)
        if _agrees(page, chosen, after):
            current, page = candidate, after
            continue
        # A correction was misplaced (its text was found where the renderer did not read it): its block did
        # not change as it should have. The others, without the corrections of such blocks, if they hold.
        wrong = _mismatched(page, chosen, after)
        others = [edit for edit in chosen if wrong is not None and edit.block not in wrong]
        if others:
            candidate = _apply(current, others)[0]
            after = read(candidate)
            if _agrees(page, others, after):
                current, page = candidate, after
                continue
        groups = holding(page, chosen, budget)  # else the first group that holds on its own
        if not groups:
            break
        _, current, page = groups[0]
    return bom + current
