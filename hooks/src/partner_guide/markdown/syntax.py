"""The Tencent docs syntax, as facts shared by the renderer and the importer.

Pure module (no Markdown import): what a marker line, a bold label, a
`<dx-…>` tag, an `(id:x)` anchor or a Tencent-style line break looks like.
`partner_guide.markdown.tencent` renders them (the page rules read what it
rendered), and the importer rewrites them into this site's format. Every regex here is linear: no nested
quantifiers, and each was tried on a 100,000-character pathological line
(tests/unit/markdown/test_syntax.py).

The block rule (documented for writers in docs/writing.md):

- A Tencent block is a marker line (`>?`, `>!`, `> [!NOTE]`, `>**说明：**`)
  plus the `>`-prefixed lines that follow it. The first line without `>`
  ends it; so does the next marker line at the same depth.
- Exception, the source FAQ's form: a bare marker (`>!` alone) directly
  followed by a list; the list (its items and their indented lines) belongs
  to the block.
- `>>?` is a marker one quote level deeper: a note inside the block of the
  line before it, or a note of its own when the outer `>` carries nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from ..ui import admonition_title

# The known types: Material's, plus GitHub's `important`. Each renders as
# Material's box of the same name, except `important`, which has no
# counterpart among 说明/提示/注意/警告: it renders as Material's `info`
# box titled 重要 / Important, which keeps it apart from a warning. The
# titles per language are in ui.py.
TYPES = (
    "note",
    "tip",
    "hint",
    "important",
    "warning",
    "attention",
    "caution",
    "danger",
    "error",
    "abstract",
    "summary",
    "tldr",
    "info",
    "todo",
    "success",
    "check",
    "done",
    "question",
    "help",
    "faq",
    "failure",
    "fail",
    "missing",
    "bug",
    "example",
    "quote",
    "cite",
)
MATERIAL_TYPE = {"important": "info"}
TENCENT_TYPES = {"?": "note", "!": "warning"}
# GitHub alert type -> our type. CAUTION is GitHub's red alert: Material's
# red box is `danger` (Material's own `caution` is an orange warning).
GITHUB_TYPES = {"note": "note", "tip": "tip", "important": "important", "warning": "warning", "caution": "danger"}
# `>**说明：**` bold labels (Tencent pages written before the markers existed).
LABEL_TYPES = {
    "说明": "note",
    "注意": "warning",
    "警告": "danger",
    "提示": "tip",
    "重要": "important",
    "note": "note",
    "notes": "note",
    "tip": "tip",
    "tips": "tip",
    "notice": "warning",
    "warning": "warning",
    "caution": "warning",
    "danger": "danger",
    "important": "important",
}
# <dx-alert infotype="…">: the 说明, 注意 and 警告 boxes of Tencent's docs centre.
DX_ALERT_TYPES = {"explain": "note", "notice": "warning", "alarm": "danger", "warning": "warning", "tip": "tip"}
# What the importer and the <dx-alert> rewrite write for a type: Tencent's two
# markers where they exist, a GitHub alert otherwise.
MARKER_OF_TYPE = {"note": ">?", "warning": ">!"}
GITHUB_OF_TYPE = {"danger": "CAUTION"}


def localized(kind: str, lang: str) -> tuple[str, str]:
    """Material type and the title in `lang` (ui.py) of a known type."""
    return MATERIAL_TYPE.get(kind, kind), admonition_title(kind, lang)


# --------------------------------------------------------------------------- quote lines

QUOTE_RE = re.compile(r"^(?P<indent> {0,3})>[ ]?")  # one level of `>`, as Python-Markdown strips it
QUOTE_ANY_INDENT_RE = re.compile(r"^(?P<indent> *)>[ ]?")  # inside a list item: any indentation


def strip_quote(line: str, any_indent: bool = False) -> str | None:
    """The line without one level of `>` (None if the line is not quoted)."""
    match = (QUOTE_ANY_INDENT_RE if any_indent else QUOTE_RE).match(line)
    if not match:
        return None
    return "" if line.strip() == ">" else line[match.end() :]


@dataclass(frozen=True)
class Marker:
    syntax: str  # "tencent", "github" or "label"
    kind: str  # canonical type ("" when unknown)
    written: str  # the marker as written, e.g. ">!" or "[!NOTE]" or "**说明：**"
    text: str  # text after the marker on its line
    col: int  # 0-based offset of the type/marker in the stripped content
    known: bool = True


TENCENT_MARK_RE = re.compile(
    r"^(?P<mark>[?!])"  # ? (note) or ! (warning) right after the `>`
    r"(?![\[!?])"  # but not `![` (an image in a quote), `!!`, `!?`
    r"[ \t]*(?P<text>.*)$"  # optional text on the marker line
)
GITHUB_MARK_RE = re.compile(
    r"^\[!(?P<type>[A-Za-z]*)\]"  # [!TYPE]
    r"[ \t]*(?P<text>.*)$"  # GitHub wants a line break here; text is tolerated
)
LABEL_MARK_RE = re.compile(
    r"^\*\*(?P<label>说明|注意|警告|提示|重要|[A-Za-z]{3,9})"  # **说明 or **Note
    r"[ \t]*[：:]?\*\*"  # optional colon inside the bold
    r"[ \t]*[：:]?"  # or after it
    r"[ \t]*(?P<text>.*)$"
)


def marker_of(content: str) -> Marker | None:
    """The admonition marker that opens a quote line's content, if any."""
    if not content or content[0] not in "?![*":
        return None
    if match := TENCENT_MARK_RE.match(content):
        mark = match.group("mark")
        return Marker("tencent", TENCENT_TYPES[mark], ">" + mark, match.group("text"), 0)
    if match := GITHUB_MARK_RE.match(content):
        written = match.group("type").lower()
        return Marker(
            "github",
            GITHUB_TYPES.get(written, written),
            f"[!{match.group('type')}]",
            match.group("text"),
            2,
            written in GITHUB_TYPES,
        )
    if match := LABEL_MARK_RE.match(content):
        kind = LABEL_TYPES.get(match.group("label").lower())
        if kind:
            return Marker("label", kind, content[: match.start("text")].rstrip(), match.group("text"), 2)
    return None


LIST_ITEM_RE = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,9}[.)])[ \t]+\S")  # `- x`, `1. x`


@dataclass
class Segment:
    """A part of a quote region: a plain quote, or one Tencent block (see the block rule above)."""

    start: int  # index of its first line in the region
    end: int  # index after its last line
    marker: Marker | None  # None: a plain quote
    list_mode: bool = False  # the source FAQ's form: a bare marker followed by an unquoted list
    collapse: bool = False  # a plain quote that only wraps a deeper marker block (`>>? x`)


def split_quote_region(texts: list[str], any_indent: bool, first_any: bool = False) -> tuple[list[Segment], int]:
    """The segments of the quote region starting at texts[0], and the index where it ends.

    `any_indent`: inside a list item, where a `>` line after the first may
    be indented any amount (Python-Markdown gave the line to the item);
    `first_any`: the same for the region's first line.
    """
    segments: list[Segment] = []
    current: Segment | None = None
    has_body = False
    index = 0
    while index < len(texts):
        line = texts[index]
        content = strip_quote(line, any_indent and (index > 0 or first_any))
        if content is None:
            if current is None:
                break
            if current.marker is None:
                index += 1  # a lazy line of a plain quote (Python-Markdown keeps it)
                current.end = index
                continue
            if (not has_body or current.list_mode) and (
                is_list_item(line) or (current.list_mode and line.startswith("  "))
            ):
                current.list_mode = True
                index += 1
                current.end = index
                continue
            break
        if current is not None and current.list_mode:
            break
        marker = marker_of(content)
        if marker is not None and marker.known:
            current = Segment(index, index + 1, marker)
            segments.append(current)
            has_body = bool(marker.text.strip())
        else:
            if current is None:
                current = Segment(index, index + 1, None)
                segments.append(current)
            has_body = True
            current.end = index + 1
        index += 1
    for segment in segments:
        if segment.marker is None:
            quoted = all(
                strip_quote(texts[i], any_indent and (i > 0 or first_any)) is not None
                for i in range(segment.start, segment.end)
            )
            contents = segment_lines(texts, segment, any_indent, first_any)
            inner = [strip_quote(content) for content in contents]
            first = marker_of(inner[0]) if inner and inner[0] is not None else None
            segment.collapse = quoted and all(part is not None for part in inner) and first is not None and first.known
    return segments, index


def segment_lines(texts: list[str], segment: Segment, any_indent: bool, first_any: bool = False) -> list[str]:
    """The segment's lines without one level of `>` (unquoted list lines as they are)."""
    out = []
    for index in range(segment.start, segment.end):
        content = strip_quote(texts[index], any_indent and (index > 0 or first_any))
        out.append(texts[index] if content is None else content)
    return out


def split_lists(lines: list[str]) -> list[str]:
    """A blank line before a list that follows a line of text (GitHub and Tencent render it as a list)."""
    out: list[str] = []
    in_list = False
    for line in lines:
        if not line.strip():
            in_list = False
        elif LIST_ITEM_RE.match(line) and len(line) - len(line.lstrip(" ")) < 4:
            if out and out[-1].strip() and not in_list:
                out.append("")
            in_list = True
        out.append(line)
    return out


def nest_by_indentation(block: str) -> str:
    """List item lines re-indented by 4 per nesting level, nesting as written.

    Python-Markdown nests a list item only when it is indented 4 spaces more
    than its parent; Tencent's writers (and GitHub) nest by any indentation
    beyond the parent's marker. Only lines that start a list item move.
    """
    lines = block.split("\n")
    if not any(line[:1] == " " for line in lines[1:]):
        return block
    stack: list[int] = []
    out: list[str] = []
    changed = False
    for line in lines:
        match = LIST_ITEM_RE.match(line)
        if not match:
            out.append(line)
            continue
        width = len(match.group("indent"))
        if not stack or width > stack[-1]:
            stack.append(width)
        else:
            while len(stack) > 1 and width < stack[-1]:
                stack.pop()
            if width > stack[-1]:
                stack.append(width)
        level = len(stack) - 1
        new = " " * (4 * level) + line[width:] if level else line
        changed = changed or new != line
        out.append(new)
    return "\n".join(out) if changed else block


def table_cells(row: str) -> int:
    """Cells of a table row as the tables extension splits it (pipes escaped with \\ do not count)."""
    row = row.strip(" ")
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return row.count("|") - row.count("\\|") + 1


def is_table_start(header: str, separator: str) -> bool:
    """A header row and its `| --- |` separator: the start of a table (tables extension's test)."""
    header, separator = header.strip(" "), separator.strip(" ")
    if "|" not in header:
        return False
    cells = table_cells(header)
    if cells < 2 and not (header.startswith("|") or header.endswith("|")):
        return False
    if not separator or set(separator) - set("|:- ") or "-" not in separator:
        return False
    return table_cells(separator) == cells


class Lines(Protocol):
    """Indexable lines of text: a list, or a view over a block's lines (`checks/scan.py`)."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> str: ...


def table_under_text(lines: Lines) -> tuple[int, int] | None:
    """(start, end) of a table written right under a line of text in the same block, if any.

    Python-Markdown needs a blank line before a table (else the rows are
    text, and the table is lost); GitHub and Tencent's site show it. The table
    runs while its lines hold a `|`.
    """
    for index in range(1, len(lines) - 1):
        if (
            "|" in lines[index]
            and not lines[index].startswith("    ")
            and is_table_start(lines[index], lines[index + 1])
        ):
            end = index + 2
            while end < len(lines) and "|" in lines[end]:
                end += 1
            return index, end
    return None


# A list item indented 4-7 spaces: Python-Markdown's nested item (OListProcessor.INDENT_RE),
# and the list under a paragraph the extension renders as a list (IndentedListProcessor).
INDENTED_ITEM_RE = re.compile(r"^ {4,7}(?:\d+\.|[*+-])[ ]+")


def is_list_item(line: str) -> bool:
    return bool(LIST_ITEM_RE.match(line))


# --------------------------------------------------------------------------- (id:x) anchors

ID_LINK_RE = re.compile(
    r"\[(?P<text>[^\[\]\n]*)\]"  # [Title] or the empty [] of a bare anchor
    r"\(id:(?P<id>[^()\s]*)\)"  # (id:anchor)
)
HEADING_ID_LINK_RE = re.compile(
    r"^(?P<hashes>#{1,6})[ \t]*"  # ## at the start of the (container) line
    r"\[(?P<text>[^\[\]\n]*)\]\(id:(?P<id>[^()\s]*)\)"  # [Title](id:anchor)
    r"[ \t]*$"
)
BARE_ID_LINE_RE = re.compile(r"^[ \t]*\[\]\(id:(?P<id>[^()\s]*)\)[ \t]*$")  # `[](id:step1)` alone
ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]*$")  # the ids this site accepts (HYG-ID-ASCII)
NOT_ID_CHARS_RE = re.compile(r"[^A-Za-z0-9_\-]+")


def ascii_id(ident: str) -> str:
    """An id the site accepts: `model.step1` → `model-step1`, `1` → `step-1`, `步骤` → `anchor`."""
    if ID_RE.match(ident):
        return ident
    clean = NOT_ID_CHARS_RE.sub("-", ident).strip("-")
    if clean and clean[0].isalpha():
        return clean
    return f"step-{clean}" if clean else "anchor"


# --------------------------------------------------------------------------- <dx-…> blocks

DX_CODEBLOCK_OPEN_RE = re.compile(r"^(?P<prefix>[ >]*)<dx-codeblock>[ \t]*$")
DX_CODEBLOCK_CLOSE_RE = re.compile(r"^[ >]*</dx-codeblock>[ \t]*$")
DX_TABS_OPEN_RE = re.compile(r"^(?P<prefix>[ >]*)<dx-tabs>[ \t]*$")
DX_TABS_CLOSE_RE = re.compile(r"^[ >]*</dx-tabs>[ \t]*$")
# `:::  python` opens the code of a dx-codeblock (language, optionally twice);
# `::: 标题` opens a tab; a bare `:::` closes either.
DX_COLONS_RE = re.compile(r"^(?P<prefix>[ >]*):::[ \t]*(?P<rest>.*?)[ \t]*$")
DX_ALERT_OPEN_RE = re.compile(
    r"^(?P<prefix>[ >]*)<dx-alert"  # the tag
    r"(?P<attrs>[^<>]*)>"  # infotype="explain" title="…"
    r"[ \t]*(?P<text>.*)$"
)
DX_ALERT_CLOSE_RE = re.compile(r"^(?P<before>.*?)</dx-alert>[ \t]*$")
DX_ATTR_RE = re.compile(r"(?<![\w\-])(?P<name>[A-Za-z][\w\-]*)[ \t]*=[ \t]*\"(?P<value>[^\"]*)\"")  # name="value"

# --------------------------------------------------------------------------- line breaks

# Tencent's docs centre shows a line break where the source has a single
# newline between two lines of Chinese text, before a step label and after a
# line that is only a bold label. English prose wrapped over several lines is
# not touched: a newline between two Latin letters stays a space.
STEP_LABEL_RE = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]{1,4}步"  # 第一步
    r"|步骤[一二三四五六七八九十\d]{1,4}"  # 步骤1
    r"|Step[ \t]?\d{1,3}\b)"  # Step 1
)
BOLD_LABEL_LINE_RE = re.compile(r"^\*\*[^*\n]{1,40}\*\*[ \t]*[：:]?[ \t]*$")  # a line that is only **标签：**


def is_cjk(char: str) -> bool:
    """A CJK ideograph, kana, hangul or full-width punctuation character."""
    if not char:
        return False
    code = ord(char)
    return (
        0x3000 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x2FA1F
    )


INLINE_LINK_SRC_RE = re.compile(r"!?\[(?P<text>[^\[\]\n]*)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")  # [t](url), [t][name]
INLINE_MARKUP_SRC_RE = re.compile(r"<[^<>\n]*>|[*_`]+")  # tags and emphasis/code markers


def visible_text(source_line: str) -> str:
    """Roughly what a reader sees of one source line (links as their text, no markup)."""
    text = INLINE_LINK_SRC_RE.sub(lambda m: m.group("text"), source_line)
    return INLINE_MARKUP_SRC_RE.sub("", text).strip()


def breaks_between(before: str, after: str, label_line: bool = False) -> bool:
    """Whether Tencent's docs centre shows a break between two lines of a paragraph.

    `before` and `after` are the visible texts of the two lines; `label_line`
    says the earlier line is only a bold label (`**说明：**`).
    """
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return False
    if label_line or STEP_LABEL_RE.match(after):
        return True
    return is_cjk(before[-1]) and is_cjk(after[0])
