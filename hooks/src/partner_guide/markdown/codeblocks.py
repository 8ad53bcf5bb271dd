"""Where the build finds code blocks: superfences' fences and Tencent's `<dx-codeblock>` (pure module).

A model of pymdownx.superfences 13.1's `SuperFencesBlockPreprocessor`
(https://github.com/facelessuser/pymdown-extensions/blob/13.1/pymdownx/superfences.py,
`search_nested`, `eval_fence`, `eval_quoted`): a fence may start at any
indentation or behind `>`; its lines must keep the fence's prefix; it closes
on exactly the same fence; a line less indented, a deeper quote or a quote
line in an unquoted fence abandons it (the text then renders as text), and
so does the end of the page. Options other than `hl_lines`, `linenums`,
`title` also abandon it. `partner_guide.compat` guards the version.

The `<dx-codeblock>` rewrite (`dx.py`) and the importer ask this module, so
they agree on what is code; the page rules need no model: they read the
rendered page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .syntax import DX_CODEBLOCK_CLOSE_RE, DX_CODEBLOCK_OPEN_RE, DX_COLONS_RE

TAB = 4  # Python-Markdown's tab_length

# superfences' RE_NESTED_FENCE_START, on the line after its `>`/space prefix
FENCE_START_RE = re.compile(
    r"(?P<fence>~{3,}|`{3,})"  # the fence
    r"(?:[ \t]*\.?(?P<lang>[\w#.+-]+)(?=[\t ]|$))?"  # optional language
    r"(?P<rest>.*)$"  # options, attributes or junk: judged by `_fence_options_ok`
)
FENCE_OPTION_RE = re.compile(
    r"(?P<key>[a-zA-Z][a-zA-Z0-9_]*)"  # an option name (the spaces before it are skipped by the caller)
    r"(?:=(?P<quot>[\"'])(?P<value>[^\"']*)(?P=quot))?"  # optional quoted value
)
HL_LINES_RE = re.compile(r"^\d+(?:-\d+)?(?:[ \t]+\d+(?:-\d+)?)*$")  # hl_lines="1 3-4"
LINENUMS_RE = re.compile(r"^\d+(?:[ \t]+\d+){0,2}$")  # linenums="1 2"
FENCE_OPTIONS = {"hl_lines": HL_LINES_RE, "linenums": LINENUMS_RE, "title": None, "title_mode": None}
CUSTOM_FENCES = ("mermaid",)  # custom fences (mkdocs.yml) take no options


@dataclass(frozen=True)
class Fence:
    start: int  # 0-based index of the opening line
    end: int  # 0-based index of the closing line (the breaking line when not closed)
    info: str  # the language word, lower-cased
    indent: int  # width of the `>`/space prefix
    closed: bool
    kind: str = "fence"  # "fence" or "dx-codeblock"

    @property
    def body(self) -> range:
        return range(self.start + 1, self.end)


def _fence_lang(rest: str) -> str:
    """`:::  python python` -> `python`; only what superfences accepts as a language."""
    word = rest.split()[0] if rest.split() else ""
    word = re.sub(r"[^\w#.+\-]", "", word)
    return "" if word.lower() in ("plaintext", "plain", "text", "txt") else word


def codeblock_at(lines: list[str], index: int) -> tuple[str, str, list[str], int] | None:
    """(prefix, language, code lines, index after `</dx-codeblock>`) or None if malformed."""
    opened = DX_CODEBLOCK_OPEN_RE.match(lines[index])
    if opened is None:
        raise ValueError(f"line {index + 1} does not open a <dx-codeblock>: {lines[index]!r}")
    prefix = opened.group("prefix")
    start = index + 1
    while start < len(lines) and not lines[start].strip(" >"):
        start += 1
    opener = DX_COLONS_RE.match(lines[start]) if start < len(lines) else None
    if opener is None:
        return None
    for end in range(start + 1, len(lines)):
        if DX_CODEBLOCK_CLOSE_RE.match(lines[end]):
            close = end - 1
            while close > start and not lines[close].strip(" >"):
                close -= 1
            colons = DX_COLONS_RE.match(lines[close])
            if close == start or colons is None or colons.group("rest"):
                return None
            return prefix, _fence_lang(opener.group("rest")), lines[start + 1 : close], end + 1
        if DX_CODEBLOCK_OPEN_RE.match(lines[end]):
            return None
    return None


def _prefix(line: str) -> tuple[int, str]:
    """(length, expanded text) of the leading `>`/space/tab prefix, as superfences reads it."""
    length = 0
    while length < len(line) and line[length] in "> \t":
        length += 1
    return length, line[:length].expandtabs(TAB)


def _fence_options_ok(lang: str, rest: str) -> bool:
    """Whether superfences accepts the fence line's options (it abandons the fence otherwise)."""
    rest = rest.strip(" \t")
    if not rest:
        return True
    if rest.startswith("{") and rest.endswith("}"):
        return True  # an attribute list
    if lang.lower() in CUSTOM_FENCES:
        return False
    position = 0
    while position < len(rest):
        while position < len(rest) and rest[position] in " \t":
            position += 1
        match = FENCE_OPTION_RE.match(rest, position)
        if not match or match.end() == position:
            return False
        key = match.group("key")
        value = match.group("value")
        if key not in FENCE_OPTIONS or (value is None and FENCE_OPTIONS[key] is not None):
            return False
        check = FENCE_OPTIONS[key]
        if check is not None and not check.match(value or ""):
            return False
        position = match.end()
        if position < len(rest) and rest[position] not in " \t":
            return False
    return True


def fence_start(line: str) -> tuple[str, str, str] | None:
    """(fence, language, expanded prefix) if superfences opens a fence on this line."""
    if "```" not in line and "~~~" not in line:
        return None
    length, ws = _prefix(line)
    match = FENCE_START_RE.match(line, length)
    if not match:
        return None
    lang = match.group("lang") or ""
    if not _fence_options_ok(lang, match.group("rest")):
        return None
    return match.group("fence"), lang, ws


def _fence_line(line: str, width: int) -> tuple[str, str]:
    """superfences' parse_fence_line: up to `width` columns of prefix, and the rest."""
    virtual = 0
    length = 0
    ws = []
    for char in line:
        if virtual >= width or char not in "> \t":
            break
        length += 1
        size = TAB - (virtual % TAB) if char == "\t" else 1
        virtual += size
        ws.append(" " * size if char == "\t" else char)
    return "".join(ws), line[length:]


def find_code_blocks(lines: list[str], start: int = 0) -> list[Fence]:
    """Every fenced block and `<dx-codeblock>` in order, as the build finds them.

    A fence superfences abandons (a line less indented than the fence, a
    deeper quote, a quote line outside the fence's quote, or the end of the
    text) is returned with `closed=False` and is not code.
    """
    found: list[Fence] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if "<dx-codeblock>" in line and DX_CODEBLOCK_OPEN_RE.match(line):
            block = codeblock_at(lines, index)
            if block is not None:
                prefix, lang, _body, after = block
                found.append(Fence(index, after - 1, lang.lower(), len(prefix), True, "dx-codeblock"))
                index = after
                continue
        opened = fence_start(line)
        if opened is None:
            index += 1
            continue
        fence, lang, ws = opened
        quote_level = ws.count(">")
        width = len(ws)
        empty = 0
        end = index + 1
        closed = False
        while end < len(lines):
            text = lines[end]
            cws, content = _fence_line(text, width)
            level = cws.count(">")
            blank = (cws + content).strip() == "" if not quote_level else content == ""
            if quote_level:
                if (
                    level > quote_level
                    or (blank is False and len(cws) < width)
                    or (empty and level < quote_level and not blank)
                ):
                    break
            elif level:
                break
            elif not blank and len(cws) != width:
                break
            if blank:
                empty += 1
            elif (
                content.startswith(fence)
                and content[len(fence) :].strip(" \t") == ""
                and (quote_level or not content.startswith((" ", "\t")))
            ):
                closed = True
                break
            else:
                empty = 0
            end += 1
        found.append(Fence(index, end, lang.lower(), width, closed))
        # superfences resumes after a closed fence, or on the line after the breaking line
        index = end + 1
    return found


def code_line_indices(lines: list[str]) -> set[int]:
    """Indices of the lines inside closed fences and `<dx-codeblock>` blocks (delimiters included)."""
    inside: set[int] = set()
    for block in find_code_blocks(lines):
        if block.closed:
            inside.update(range(block.start, block.end + 1))
    return inside
