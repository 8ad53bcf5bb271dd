"""Copy conventions: the COPY-* checks and the fixes `make fix` applies (pure module, no MkDocs event).

`check_copy(text, path, registry)` reports, in what reaches the reader as
prose, each place where the copy breaks the guide's conventions (Tencent
Cloud's own documentation rules), with the corrected text as the hint:

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

Spacing and punctuation come from AutoCorrect (`autocorrect-py`, the Rust
linter that MDN's translated content and Tencent-style CJK projects run), on
plain text the checks cut out of each line; the doubled marks and the terms
are ours. `fix_copy(text, path, registry)` applies the same corrections until
none is left (so a second run changes nothing); `make fix`
(`tools/fix.py`) runs it over docs/.

Which source text is prose is `source_model`'s answer (below: the renderer's own fences and code spans, a
few documented rules for the rest). Never read, never changed: code (fenced, indented, inline), comments, raw
HTML blocks, HTML tags and their attributes, URLs and e-mail addresses, link
destinations and reference labels, reference and abbreviation definitions,
attribute lists (`{#id}`), front matter other than the `title:` and
`description:` values, the Markdown markers of a line (`>?`, `!!! note`,
`=== "`), table pipes, and the registry's contact data wherever it is written
(the mailing address, recipient and phone must stay verbatim). Link text and
emphasised text are prose: a space goes outside the `**` or `[`…`]`.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import autocorrect_py
import yaml
from markdown.util import BLOCK_LEVEL_ELEMENTS

from .. import REPO_ROOT
from ..compat.python_markdown import code_spans
from ..languages import language_of
from ..markdown.codeblocks import find_code_blocks
from ..registry import Registry
from ..strict_yaml import PARSER
from .findings import Finding
from .frontmatter import front_matter_end, split_lines
from .limits import MAX_PAGE_CHARS

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

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # a Chinese character
# What opens a line and is Markdown, not copy: quote markers with Tencent's `>?`/`>!`, GitHub's `[!NOTE]`,
# list bullets and numbers, heading hashes, and admonition or tab openers up to the title's quote.
LINE_MARKER_RE = re.compile(
    r"(?:(?<![ \t])[ \t]++)?(?:"  # blanks, from the start of their run only (linear when searched)
    r">[ \t]?(?:[?!](?![?!]))?[ \t]*+"  # a quote marker, Tencent's >? and >!
    r"|\[![A-Za-z]{1,20}\]"  # GitHub's > [!NOTE]
    r"|[-*+](?=[ \t])"  # a bullet
    r"|\d{1,9}[.)](?=[ \t])"  # an ordered-list number
    r"|#{1,6}(?=[ \t]|$)"  # heading hashes
    r"|(?:!!!|\?\?\?\+?|===[+!]{0,2})[ \t]*+[A-Za-z0-9_\- ]{0,60}+\"?"  # `!!! note "`, `??? tip`, `=== "`
    r")"
)
# Spans of a line that are never copy and never changed; a correction never crosses them.
OPAQUE_RE = re.compile(
    r"(?:https?|ftp|mailto|tel):[^\s<>()\[\]（）【】「」\"'，。；、]++"  # a URL
    r"|www\.[^\s<>()\[\]（）【】\"'，。；、]++"  # a bare www. address
    r"|[A-Za-z0-9.+_\-]{1,64}+@[A-Za-z0-9\-]{1,63}+(?:\.[A-Za-z0-9\-]{1,63}+)++"  # an e-mail address
    r"|\{[:#.][^{}\n]{0,200}+\}"  # an attribute list {#id .class} / {: …}
    r"|\[\^[^\]\n]{0,100}+\]"  # a footnote reference
    r"|&#?\w{1,31};"  # an entity
    r"|<(?:br|hr|img|wbr|input)\b[^<>]{0,2000}+>"  # a void tag: a line break or an image, not text
    r"|\|"  # a table pipe: cells are separate
)
# Markup between copy that the reader never sees: kept verbatim, corrections go around it.
LINK_TARGET = (
    r"\]\((?:[^()\s]|\([^()\s]{0,200}+\)){0,2000}+(?:[ \t]+\"[^\"\n]{0,500}+\")?\)"  # ](destination "title")
    r"|\]\[[^\[\]\n]{0,200}+\]"  # ][reference]
)
LINK_TARGET_RE = re.compile(LINK_TARGET)
MARKUP_RE = re.compile(
    LINK_TARGET + r"|!?\[|\]"  # the brackets of a link or image
    r"|</?[A-Za-z][\w\-]{0,30}+(?:\s[^<>]{0,2000}+)?>"  # an HTML tag, its attributes included
    r"|\*{1,3}+|_{2,3}+|~~|=="  # emphasis, strikethrough, mark
    r"|\\(?=[!-/:-@\[-`{-~])"  # the backslash of an escape
)
FRONT_VALUE_RE = re.compile(r"^(?:title|description):[ \t]++(?P<value>[^|>\s].*)$")  # a one-line title/description
DOUBLED_RE = re.compile(r"([！？。，、；：!?,;])\1+")  # the same mark twice or more (not … or —)
HALF_PUNCT = frozenset(",.:;!?")
HTML_NAME_RE = re.compile(r"/?[A-Za-z][\w\-]{0,30}+")  # a tag's name after its <
LINE_END_RE = re.compile(r"(\r\n|\r|\n)")  # the line endings `frontmatter.split_lines` splits at


@dataclass(frozen=True)
class Edit:
    """A correction of one line: replace the source columns [start, end) (0-based) with `text`."""

    line: int  # 0-based source line
    start: int
    end: int
    text: str
    rule: str
    message: str
    hint: str


@dataclass(frozen=True)
class Term:
    spelling: str  # what the guide writes
    pattern: re.Pattern[str]  # the spellings to correct (and, for a Latin word, any other letter case)


# --------------------------------------------------------------------------- which source text is prose
#
# The other page rules read the rendered page (checks/tree.py). The copy checks cannot: `make fix` writes each
# correction back at its exact source column, and the rendered text does not say where it was written. So
# this section says which source text is NOT prose, with as little Markdown knowledge of its own as it can:
# - the front matter: `frontmatter.front_matter_end`, as the build cuts it off;
# - fenced code and `<dx-codeblock>`: markdown/codeblocks.py `find_code_blocks`, the project's one model of
#   superfences' fences (the `<dx-codeblock>` rewrite and the importer use it), version-guarded by compat;
# - indented code: a run of lines after a blank line (or first in an admonition or tab), indented 4 more than
#   the content of what encloses them (a list item's, admonition's or tab's content is itself 4 deeper);
# - inline code: the code spans of each paragraph (over lines too; a heading or a quote starts a new block,
#   as in Python-Markdown; a list item does not), as Python-Markdown's own backtick processor pairs them
#   (compat/python_markdown.py `code_spans`);
# - closed HTML comments, reference and abbreviation definitions;
# - raw HTML blocks: from a line that opens one of Python-Markdown's block-level tags
#   (`markdown.util.BLOCK_LEVEL_ELEMENTS`) after a blank line, to the next blank line; tags and their
#   attributes are markup everywhere else too (MARKUP_RE).
REFERENCE_RE = re.compile(r"^ {0,3}\[[^\[\]\n]*\]:[ ]*\S")  # `[name]: url`
ABBR_RE = re.compile(r"^\*\[[^\]\n]*\]:")  # `*[HTML]: …`
CONTAINER_RE = re.compile(r"^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|!!!|\?\?\?|===)")  # list item, admonition, tab
HTML_BLOCK_RE = re.compile(r"^ {0,3}<(?P<tag>[A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)")
OPENER_RE = re.compile(r"!!!|\?\?\?|===")  # an admonition, details or tab opener
BLOCK_START_RE = re.compile(r"[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|>)")  # a heading or quote: a block of its own


@dataclass
class SourceModel:
    """Per source line, the columns that are not prose (see above)."""

    lines: list[str]
    front: int  # number of front-matter lines
    code: list[list[tuple[int, int]]]  # per line: [start, end) columns of code
    hidden: list[list[tuple[int, int]]]  # per line: comments
    raw_html: set[int]  # lines inside raw HTML blocks
    inline_code: list[tuple[int, int, int]]  # (line, start, end) of each inline code span, backticks included


def _indent(line: str) -> int:
    """The width of a line's leading blanks, a tab to the next multiple of 4 (Python-Markdown's tab_length)."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _code_start(shallower: list[tuple[int, bool]], indent: int) -> int | None:
    """The indentation of an indented code block starting at a line with `indent` after a blank line, or None:
    4 more than the content of what encloses it (a list item's, admonition's or tab's content is 4 deeper)."""
    for enclosing, container in reversed(shallower):
        if enclosing <= indent - 4:
            needed = enclosing + (8 if container else 4)
            return needed if indent >= needed else None
    return 4 if indent >= 4 else None


def _code_spans(
    lines: list[str],
    paragraph: list[int],
    code: list[list[tuple[int, int]]],
    inline: list[tuple[int, int, int]],
) -> None:
    """The inline code spans of a paragraph's lines (a span may run over lines), noted per line; empties it."""
    starts: list[int] = []
    position = 0
    for index in paragraph:
        starts.append(position)
        position += len(lines[index]) + 1
    for start, end in code_spans("\n".join(lines[index] for index in paragraph)):
        first = bisect.bisect_right(starts, start) - 1
        for number in range(first, len(paragraph)):
            if starts[number] >= end:
                break
            index, offset = paragraph[number], starts[number]
            piece = (max(start, offset) - offset, min(end, offset + len(lines[index])) - offset)
            code[index].append(piece)
            inline.append((index, *piece))
    paragraph.clear()


def _comments(lines: list[str], hidden: list[list[tuple[int, int]]]) -> None:
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    position = text.find("<!--")
    while position >= 0:
        end = text.find("-->", position + 4)
        if end < 0:
            return
        end += 3
        number = bisect.bisect_right(starts, position) - 1
        while number < len(lines) and starts[number] < end:
            first = starts[number]
            hidden[number].append((max(position, first) - first, min(end, starts[number + 1] - 1) - first))
            number += 1
        position = text.find("<!--", end)


def source_model(text: str) -> SourceModel:
    """Which columns of each source line are not prose, for the copy checks (see above)."""
    lines = split_lines(text)
    front = front_matter_end(lines)
    code: list[list[tuple[int, int]]] = [[] for _ in lines]
    hidden: list[list[tuple[int, int]]] = [[] for _ in lines]
    fenced = [False] * len(lines)
    for block in find_code_blocks(lines, front):
        if block.closed:
            for index in range(block.start, min(block.end + 1, len(lines))):
                fenced[index] = True
                code[index].append((0, len(lines[index])))
    raw_html: set[int] = set()
    inline: list[tuple[int, int, int]] = []
    in_code = in_html = False
    code_indent = 0  # the indentation an indented code block's lines keep
    shallower: list[tuple[int, bool]] = []  # (indent, opens a container) of the enclosing non-blank lines
    previous_blank = True
    opened = False  # the line before opened an admonition or a tab: its first line starts a block
    paragraph: list[int] = []  # the lines of the current paragraph, where a code span may run over lines
    for index in range(front, len(lines)):
        line = lines[index]
        blank = not line.strip()
        indent = _indent(line)
        if fenced[index]:
            in_code = in_html = False
        elif blank:
            in_html = False
        elif in_code and indent >= code_indent:
            pass
        elif (previous_blank or opened) and (start := _code_start(shallower, indent)) is not None:
            in_code, code_indent = True, start
        else:
            in_code = False
        if not blank and not fenced[index] and not in_code:
            tag = HTML_BLOCK_RE.match(line)
            if previous_blank and tag and tag.group("tag").lower() in BLOCK_LEVEL_ELEMENTS:
                in_html = True
        if in_code:
            code[index].append((0, len(line)))
        elif in_html:
            raw_html.add(index)
        if in_code or in_html or fenced[index] or blank or BLOCK_START_RE.match(line):
            _code_spans(lines, paragraph, code, inline)  # a code span ends with its paragraph
        if not (in_code or in_html or fenced[index] or blank):
            paragraph.append(index)
        if not blank and not in_code:
            while shallower and shallower[-1][0] >= indent:
                shallower.pop()
            shallower.append((indent, bool(CONTAINER_RE.match(line.lstrip(" \t")))))
        previous_blank = blank
        opened = not blank and not in_code and bool(OPENER_RE.match(line.lstrip(" \t")))
    _code_spans(lines, paragraph, code, inline)
    _comments(lines, hidden)
    return SourceModel(lines, front, code, hidden, raw_html, inline)


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


# --------------------------------------------------------------------------- cutting copy out of a line


@dataclass
class _Piece:
    """Copy cut out of one line: the text AutoCorrect sees, and where each of its characters is."""

    text: str
    columns: list[int]  # source column of each character of `text`
    gaps: dict[int, list[tuple[int, int, str]]]  # index in `text` -> markup before it: (start, end, role)

    def source_span(self, a: int, b: int) -> tuple[int, int] | None:
        """Source columns of text[a:b], when no markup lies inside; an insertion (a == b) goes outside markup."""
        if a == b:
            return (point := self.insertion(a)), point
        start, end = self.columns[a], self.columns[b - 1] + 1
        return (start, end) if end - start == b - a else None

    def insertion(self, index: int) -> int:
        """Where text inserted before text[index] goes: after a closing `**` or `]`, before an opening one."""
        markup = self.gaps.get(index, [])
        closers = [end for _, end, role in markup if role == "close"]
        if closers:
            return closers[-1]
        if markup:
            return markup[0][0]
        return self.columns[index] if index < len(self.columns) else self.columns[-1] + 1


def _opaque_spans(line: str, protected: list[tuple[int, int]], verbatim: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = list(protected)
    end = 0
    while (marker := LINE_MARKER_RE.match(line, end)) and marker.end() > end:  # `> - ` is two markers
        end = marker.end()
        if marker.group().endswith('"'):  # an admonition or tab title: its closing quote too
            spans.append((max(end, line.rstrip().rfind('"')), len(line)))
            break
    spans.append((0, end))
    targets = [match.span() for match in LINK_TARGET_RE.finditer(line)]  # markup: a URL in them is no boundary
    spans.extend(
        match.span() for match in OPAQUE_RE.finditer(line) if not any(a <= match.start() < b for a, b in targets)
    )
    for value in verbatim:
        start = line.find(value)
        while start >= 0:
            spans.append((start, start + len(value)))
            start = line.find(value, start + len(value))
    return spans


def _html_spans(line: str, inside: str) -> tuple[str, list[tuple[int, int]]]:
    """The spans of a raw-HTML line that are tags (attributes included, also over several lines) or
    script/style content; and what the line leaves open ("<" inside a tag, "script"/"style", or "")."""
    spans: list[tuple[int, int]] = []
    col = 0
    while col < len(line):
        if inside == "<":
            end = line.find(">", col)
            spans.append((col, len(line) if end < 0 else end + 1))
            if end < 0:
                return inside, spans
            inside, col = "", end + 1
        elif inside:
            end = line.lower().find(f"</{inside}", col)
            spans.append((col, len(line) if end < 0 else end))
            if end < 0:
                return inside, spans
            inside, col = "", end
        else:
            start = line.find("<", col)
            if start < 0:
                break
            tag = HTML_NAME_RE.match(line, start + 1)
            if not tag and not line.startswith("<!", start):  # `a < b` is text
                col = start + 1
            elif tag and tag.group().lower() in ("script", "style"):
                close = line.find(">", start)
                spans.append((start, len(line) if close < 0 else close + 1))
                inside, col = (tag.group().lower(), close + 1) if close >= 0 else ("<", len(line))
                if close < 0:
                    return "<", spans
            else:
                inside, col = "<", start
    return inside, spans


def _pieces(line: str, opaque: list[tuple[int, int]]) -> Iterator[_Piece]:
    """The runs of copy between the opaque spans, markup taken out."""
    blocked = [False] * (len(line) + 1)
    for a, b in opaque:
        for col in range(max(a, 0), min(b, len(line))):
            blocked[col] = True
    col = 0
    while col < len(line):
        if blocked[col]:
            col += 1
            continue
        end = col
        while end < len(line) and not blocked[end]:
            end += 1
        yield _piece(line, col, end)
        col = end


def _piece(line: str, start: int, end: int) -> _Piece:
    text: list[str] = []
    columns: list[int] = []
    gaps: dict[int, list[tuple[int, int, str]]] = {}
    toggles: dict[str, int] = {}
    col = start
    for match in MARKUP_RE.finditer(line, start, end):
        for at in range(col, match.start()):
            text.append(line[at])
            columns.append(at)
        token = match.group()
        if token[0] in "*_~=":
            toggles[token] = toggles.get(token, 0) + 1
            role = "open" if toggles[token] % 2 else "close"
        elif token in ("[", "!["):
            role = "open"
        elif token.startswith("]"):
            role = "close"
        elif token.startswith("<"):
            role = "close" if token.startswith("</") else "open"
        else:
            role = "none"
        gaps.setdefault(len(text), []).append((match.start(), match.end(), role))
        col = match.end()
    for at in range(col, end):
        text.append(line[at])
        columns.append(at)
    return _Piece("".join(text), columns or [start], gaps)


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


def _merge(changes: list[tuple[int, int, str]], piece: _Piece) -> list[tuple[int, int, str]]:
    """Changes a few characters apart (`3个API` has two) become one, when no markup lies around them."""
    merged: list[tuple[int, int, str]] = []
    for start, end, text in changes:
        if merged:
            a, b, previous = merged[-1]
            if start - b <= 2 and end - a <= 12 and not any(gap in piece.gaps for gap in range(a, end + 1)):
                merged[-1] = (a, end, previous + piece.text[b:start] + text)
                continue
        merged.append((start, end, text))
    return merged


def _diff(old: str, new: str) -> list[tuple[int, int, str]]:
    """AutoCorrect's changes as (start, end, replacement) in `old`: in one linear pass when it only inserted
    or removed spaces and replaced single marks (always, so far); else by difflib, on a line of sane length."""
    changes = _align(old, new)
    if changes is None and len(old) <= 2000:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        changes = [(i1, i2, new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    return changes or []


def _context(text: str, start: int, end: int, replacement: str) -> tuple[str, str]:
    """The few characters around a change, before and after it: what the message quotes and the hint writes."""

    def latin(at: int) -> bool:
        return 0 <= at < len(text) and text[at].isascii() and text[at].isalnum()

    a, b = max(0, start - 4), min(len(text), end + 4)
    while a > max(0, start - 24) and latin(a - 1) and latin(a):  # whole Latin words, not "请用 iOS 或 a"
        a -= 1
    while b < min(len(text), end + 24) and latin(b - 1) and latin(b):
        b += 1
    return text[a:b].strip(), (text[a:start] + replacement + text[end:b]).strip()


def _piece_edits(piece: _Piece, terms: list[Term]) -> Iterator[tuple[int, int, str, str, str, str]]:
    """(start, end, replacement, rule, message, hint) in the piece's text."""
    text = piece.text
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
    for start, end, replacement in _merge(_diff(text, corrected), piece) if corrected != text else ():
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


def _verbatim(registry: Registry | None) -> tuple[str, ...]:
    if registry is None:
        return ()
    values = [
        registry.mail.get(key, "") for key in ("address", "address_en", "recipient", "recipient_en", "phone", "tel")
    ]
    values += [*registry.phones, *registry.qq, *registry.emails]
    return tuple(sorted({value for value in values if value}, key=len, reverse=True))


def copy_edits(
    text: str,
    path: str,
    registry: Registry | None,
    terms: dict[str, list[Term]] | None = None,
    limit: int | None = None,
) -> list[Edit]:
    """The corrections of one Markdown source, in line and column order (from the first `limit` lines
    that have any, when there are more: a page of thousands is read in seconds, not minutes)."""
    if len(text) > MAX_PAGE_CHARS:  # LIMIT-SIZE: the page is not rendered, so it has no copy to correct
        return []
    lang = language_of(path)
    # autocorrect-py 2.14.0's native module exports load_config(config_str: str) -> None, but its shipped
    # __init__.pyi leaves it out (upstream stub gap), so mypy cannot see the attribute.
    autocorrect_py.load_config(AUTOCORRECT_CONFIG.get(lang, AUTOCORRECT_CONFIG["en"]))  # type: ignore[attr-defined]
    page_terms = (load_terms() if terms is None else terms).get(lang, [])
    result = source_model(text.removeprefix("\ufeff"))
    verbatim = _verbatim(registry)
    edits: list[Edit] = []
    inside = ""  # in raw HTML: the tag (or script/style element) a line leaves open
    for index, line in enumerate(result.lines):
        protected = result.code[index] + result.hidden[index]
        if index < result.front:
            value = FRONT_VALUE_RE.match(line)
            if not value:
                continue
            quoted = value.group("value")[0] in "'\""
            start = value.start("value") + (1 if quoted else 0)
            protected = [*protected, (0, start), (len(line.rstrip()) - (1 if quoted else 0), len(line))]
        elif REFERENCE_RE.match(line) or ABBR_RE.match(line) or not line.strip():
            continue
        if index in result.raw_html:
            inside, spans = _html_spans(line, inside)
            protected = [*protected, *spans]
        else:
            inside = ""  # a raw HTML block ended, even with a tag left open
        for piece in _pieces(line, _opaque_spans(line, protected, verbatim)):
            if not piece.text.strip():
                continue
            for start, end, replacement, rule, message, hint in _piece_edits(piece, page_terms):
                span = piece.source_span(start, end)
                if span is not None:
                    edits.append(Edit(index, *span, replacement, rule, message, hint))
                if limit is not None and len(edits) >= limit:
                    return sorted(set(edits), key=lambda e: (e.line, e.start, e.end, e.rule))
    return sorted(set(edits), key=lambda e: (e.line, e.start, e.end, e.rule))


def check_copy(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    """COPY-* findings of one Markdown source (front matter counted in line numbers); after MAX_REPORTED,
    one COPY-MORE finding says that `make fix` corrects the rest."""
    edits = copy_edits(text, path, registry, limit=MAX_REPORTED)
    findings = [
        Finding(path, edit.line + 1, edit.start + 1, edit.rule, edit.message, edit.hint)
        for edit in edits[:MAX_REPORTED]
    ]
    if len(edits) >= MAX_REPORTED:
        last = edits[MAX_REPORTED - 1]
        findings.append(
            Finding(
                path,
                last.line + 1,
                last.start + 1,
                MORE,
                f"the copy checks stop after {MAX_REPORTED} findings on a page",
                "run `make fix`, then `make check` again",
            )
        )
    return findings


def _conflict(a: Edit, b: Edit) -> bool:
    """Whether two edits of a line touch the same characters (an insertion may sit at a change's edge)."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _apply(lines: list[str], edits: list[Edit]) -> int:
    """Apply the edits that do not touch an edit applied before (terms first); the number applied."""
    order = {TERM: 0, DOUBLE: 1, PUNCT: 2, SPACE: 3}
    chosen: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (order[e.rule], e.line, e.start)):
        if not any(other.line == edit.line and _conflict(edit, other) for other in chosen):
            chosen.append(edit)
    for edit in sorted(chosen, key=lambda e: (e.line, e.start, e.end), reverse=True):  # an insertion goes first
        line = lines[edit.line]
        lines[edit.line] = line[: edit.start] + edit.text + line[edit.end :]
    return len(chosen)


def fix_copy(text: str, path: str, registry: Registry | None = None, terms: dict[str, list[Term]] | None = None) -> str:
    """The source with every correction applied, until none is left; only the corrected lines change."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    current = text.removeprefix(bom)
    for _ in range(MAX_ROUNDS):
        edits = copy_edits(current, path, registry, terms)
        parts = LINE_END_RE.split(current)  # lines at even places, each one's ending after it
        lines = parts[::2]
        if not edits or not _apply(lines, edits):
            break
        parts[::2] = lines
        current = "".join(parts)
    return bom + current
