"""Admonitions in three syntaxes: the ADM-* checks (pure module).

Writers may use any of:

- the Tencent-docs markers `>?` (说明, note) and `>!` (注意, warning), with the
  text on the marker line, on `>` lines, or, as in the source FAQ, as a list
  on the lines right after a bare marker line;
- GitHub alerts `> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`,
  `> [!CAUTION]`, which render in the pull-request preview;
- Material's `!!! type` and `??? type` (collapsible).

`parse_blocks(lines)` finds them (`site/admonitions.py` rewrites them for
Material from the same parse). `check_admonitions(text, path, registry)` reports:

- ADM-TYPE          an unknown or missing type
- ADM-EMPTY         a block without body
- ADM-UNTERMINATED  an unclosed title quote, or a code fence opened in the
                    body and not closed before the block ends
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry import Registry
from .findings import Finding
from .scan import find_fences, front_matter_end, split_lines

# The known types: Material's, plus GitHub's `important`. Each renders as
# Material's box of the same name, except `important`, which has no
# counterpart among 说明/提示/注意/警告: it renders as Material's `info`
# box titled 重要 / Important, which keeps it apart from a warning. The
# titles per language are in ui.py.
TYPES = (
    "note", "tip", "hint", "important", "warning", "attention", "caution", "danger", "error", "abstract",
    "summary", "tldr", "info", "todo", "success", "check", "done", "question", "help", "faq", "failure",
    "fail", "missing", "bug", "example", "quote", "cite",
)
MATERIAL_TYPE = {"important": "info"}
TENCENT_TYPES = {"?": "note", "!": "warning"}
# GitHub alert type -> our type. CAUTION is GitHub's red alert: Material's
# red box is `danger` (Material's own `caution` is an orange warning).
GITHUB_TYPES = {"note": "note", "tip": "tip", "important": "important", "warning": "warning", "caution": "danger"}

TENCENT_RE = re.compile(
    r"^(?P<indent> {0,3})>"  # a blockquote marker at the start of the line
    r"(?P<mark>[?!])"  # directly followed by ? (note) or ! (warning)
    r"(?![\[!?])"  # but not `>![` (an image in a quote) or `>!!`
    r"[ \t]*(?P<text>.*)$"  # optional text on the marker line
)
GITHUB_RE = re.compile(
    r"^(?P<indent> {0,3})>[ \t]?"  # a blockquote marker
    r"\[!(?P<type>[A-Za-z]*)\]"  # [!TYPE]
    r"[ \t]*(?P<text>.*)$"  # GitHub wants a line break here; text is tolerated
)
QUOTE_LINE_RE = re.compile(r"^ {0,3}>[ \t]?(?P<body>.*)$")  # a `>` continuation line
MATERIAL_RE = re.compile(
    r"^(?P<indent>[ \t]*)"  # any indentation (admonitions nest)
    r"(?P<marker>!!!|\?\?\?\+?)"  # !!! or ??? or ???+
    r"(?P<rest>.*)$"  # type, classes and title, parsed by MATERIAL_HEAD_RE
)
MATERIAL_HEAD_RE = re.compile(
    r"^[ \t]*(?P<type>[\w\-]+)"  # the type
    r"(?P<classes>(?:[ \t]+[\w\-]+)*)"  # extra classes, e.g. `inline end`
    r"(?:[ \t]+(?P<title>\"(?:[^\"]*)(?:\"|$)))?"  # optional title in quotes (maybe unclosed)
    r"[ \t]*$"
)


@dataclass(frozen=True)
class Block:
    syntax: str  # "tencent", "github" or "material"
    start: int  # 0-based line of the marker
    end: int  # 0-based line after the last line of the block
    type: str  # as written, lower-cased ("" if missing)
    col: int  # 1-based column of the type or marker
    problem: str = ""  # rule id of a structural problem, if any
    message: str = ""


def _material_body_end(lines: list[str], start: int, indent: int) -> int:
    end = start + 1
    last = start
    while end < len(lines):
        line = lines[end]
        if line.strip():
            width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
            if width < indent + 4:
                break
            last = end
        end += 1
    return last + 1


def _fence_problem(lines: list[str], start: int, end: int) -> str:
    """Message if a fence opened inside lines[start:end] is not closed there."""
    for fence in find_fences(lines[start:end]):
        if not fence.closed:
            return f"code fence opened on line {start + fence.start + 1} is not closed inside the admonition"
    return ""


def parse_blocks(lines: list[str], skip: int = 0) -> list[Block]:
    """Every admonition in `lines`, outside fenced code, in order."""
    in_fence = set()
    for fence in find_fences(lines, skip):
        in_fence.update(range(fence.start, fence.end + 1))
    blocks: list[Block] = []
    index = skip
    while index < len(lines):
        line = lines[index]
        if index in in_fence or not line.strip():
            index += 1
            continue
        if match := GITHUB_RE.match(line):
            end = index + 1
            while end < len(lines) and end not in in_fence and QUOTE_LINE_RE.match(lines[end]):
                end += 1
            written = match.group("type").lower()
            kind = GITHUB_TYPES.get(written, written)
            body = [match.group("text")] + [QUOTE_LINE_RE.match(l).group("body") for l in lines[index + 1:end]]
            block = Block("github", index, end, kind, match.start("type") + 1)
            if written not in GITHUB_TYPES:
                block = Block("github", index, end, kind, match.start("type") + 1, "ADM-TYPE",
                              f"unknown alert type [!{match.group('type')}]")
            elif not any(part.strip() for part in body):
                block = Block("github", index, end, kind, match.start("type") + 1, "ADM-EMPTY",
                              f"[!{match.group('type')}] alert has no text")
            blocks.append(block)
            index = end
            continue
        if match := TENCENT_RE.match(line):
            end = index + 1
            quoted = False
            while end < len(lines) and end not in in_fence and lines[end].strip():
                quoted = quoted or bool(QUOTE_LINE_RE.match(lines[end]))
                end += 1
            kind = TENCENT_TYPES[match.group("mark")]
            body = [match.group("text")] + lines[index + 1:end]
            has_text = any(QUOTE_LINE_RE.sub(r"\g<body>", part).strip() for part in body)
            if has_text:
                blocks.append(Block("tencent", index, end, kind, match.start("mark") + 1))
            else:
                blocks.append(Block("tencent", index, end, kind, match.start("mark") + 1, "ADM-EMPTY",
                                    f">{match.group('mark')} marker has no text",))
            index = end
            continue
        if match := MATERIAL_RE.match(line):
            indent = len(match.group("indent").expandtabs(4))
            end = _material_body_end(lines, index, indent)
            head = MATERIAL_HEAD_RE.match(match.group("rest"))
            col = match.end("marker") + 1
            if not match.group("rest").strip() or (head is None and not re.match(r"^[ \t]*[\w\-]", match.group("rest"))):
                block = Block("material", index, end, "", col, "ADM-TYPE", f"{match.group('marker')} without a type")
            elif head is None:
                block = Block("material", index, end, "", col, "ADM-UNTERMINATED",
                              f"cannot read the admonition header {match.group('rest').strip()!r}")
            else:
                kind = head.group("type").lower()
                col = match.start("rest") + head.start("type") + 1
                title = head.group("title") or ""
                if kind not in TYPES:
                    block = Block("material", index, end, kind, col, "ADM-TYPE", f"unknown admonition type {kind!r}")
                elif title and (len(title) < 2 or not title.endswith('"')):
                    block = Block("material", index, end, kind, col, "ADM-UNTERMINATED", "title quote is not closed")
                elif end == index + 1:
                    block = Block("material", index, end, kind, col, "ADM-EMPTY",
                                  f"{kind} admonition has no indented body")
                elif problem := _fence_problem(lines, index + 1, end):
                    block = Block("material", index, end, kind, col, "ADM-UNTERMINATED", problem)
                else:
                    block = Block("material", index, end, kind, col)
            blocks.append(block)
            index += 1  # nested admonitions inside the body are blocks too
            continue
        index += 1
    return blocks


HINTS = {
    "ADM-TYPE": "use one of note, tip, warning, caution (or >? / >! / > [!NOTE])",
    "ADM-EMPTY": "put the text on the following lines, indented by 4 spaces (or after >)",
    "ADM-UNTERMINATED": "close the quote or code fence inside the admonition",
}


def check_admonitions(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    """Structural problems of every admonition, in line order."""
    lines = split_lines(text)
    return [Finding(path, block.start + 1, block.col, block.problem, block.message, HINTS[block.problem])
            for block in parse_blocks(lines, front_matter_end(lines)) if block.problem]
