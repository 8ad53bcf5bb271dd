r"""Tencent's `<dx-codeblock>`, `<dx-tabs>` and `<dx-alert>` as Markdown (pure line rewriting, no Markdown import).

`partner_guide.markdown.tencent` runs these on the page's lines before
superfences looks for fences; the importer writes the result into the
imported page. Fenced code is skipped: a `<dx-…>` tag inside a fence is
code, not markup.

- `<dx-codeblock>` + `::: lang` … `:::` + `</dx-codeblock>` → a fence with that
  language (long enough for any backticks inside), under the same `>`/indent
  prefix; a blank line before it when it follows a paragraph (a fence right
  under text would land inside the `<p>`).
- `<dx-tabs>` with `::: 标题` … `:::` sections → `=== "标题"` tabs
  (pymdownx.tabbed), content indented 4; `\s` in a title is a space.
- `<dx-alert infotype="explain|notice|alarm" title="">` → a `>?`/`>!`/`> [!CAUTION]`
  quote block, which nests in list items like any marker. An explicit title
  is kept aside (`titles`) and named on the marker line by a private token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from . import syntax
from .codeblocks import code_line_indices, codeblock_at, find_code_blocks
from .syntax import (
    DX_ALERT_CLOSE_RE,
    DX_ALERT_OPEN_RE,
    DX_ATTR_RE,
    DX_COLONS_RE,
    DX_TABS_CLOSE_RE,
    DX_TABS_OPEN_RE,
)

STX, ETX = "\x02", "\x03"  # Python-Markdown's placeholder marks: stripped from every source
TITLE_TOKEN_RE = re.compile(STX + r"tencent-title:(?P<index>[0-9]{1,9})" + ETX + r"[ \t]*")

_Found = TypeVar("_Found")


def _longest_run(lines: list[str], char: str) -> int:
    longest = 0
    for line in lines:
        run = 0
        for c in line:
            run = run + 1 if c == char else 0
            longest = max(longest, run)
    return longest


def _with_prefix(line: str, prefix: str) -> str:
    """A body line under the container prefix of its block (`> ` or indentation)."""
    if line.startswith(prefix):
        return line
    return prefix + (line.lstrip(" >") if prefix.strip() else line)


def _after_list_item(out: list[str]) -> bool:
    """The text right above belongs to a list item (a fence there stays in the item)."""
    for line in reversed(out):
        if not line.strip(" >"):
            return False
        if syntax.is_list_item(line.lstrip(" >")):
            return True
    return False


def convert_dx_codeblocks(lines: list[str]) -> list[str]:
    """Every `<dx-codeblock>` as a fence; other lines kept."""
    blocks = [block for block in find_code_blocks(lines) if block.kind == "dx-codeblock"]
    if not blocks:
        return lines
    out: list[str] = []
    index = 0
    for block in blocks:
        out.extend(lines[index : block.start])
        found = codeblock_at(lines, block.start)
        if found is None:
            raise ValueError(f"line {block.start + 1}: no <dx-codeblock> where find_code_blocks found one")
        prefix, lang, body, after = found
        if out and out[-1].strip(" >") and not _after_list_item(out):
            out.append(prefix.rstrip())  # a fence right under text would land inside its <p>
        ticks = "`" * max(3, _longest_run(body, "`") + 1)
        out.append(f"{prefix}{ticks}{lang}")
        out.extend(_with_prefix(code, prefix) if code.strip() else code for code in body)
        out.append(f"{prefix}{ticks}")
        index = after
    out.extend(lines[index:])
    return out


def _tab_title(rest: str) -> str:
    """`iOS\\s设备` -> `iOS 设备` (Tencent writes spaces in tab titles as \\s)."""
    return rest.replace("\\s", " ").replace('"', "&quot;").strip()


def replace_blocks(
    lines: list[str],
    marker: str,
    opens: re.Pattern[str],
    find: Callable[[list[str], int, set[int]], tuple[_Found, int] | None],
    write: Callable[[_Found, list[str]], Iterable[str]],
) -> list[str]:
    """The lines, with each block that `opens` outside code rewritten.

    `find(lines, index, code)` returns (what it found, index after the block)
    or None (left as written); `write(found, out)` returns the new lines.
    """
    if not any(marker in line for line in lines):
        return lines
    code = code_line_indices(lines)
    out: list[str] = []
    index = 0
    while index < len(lines):
        found = find(lines, index, code) if index not in code and opens.match(lines[index]) else None
        if found is None:
            out.append(lines[index])
            index += 1
            continue
        block, index = found
        out.extend(write(block, out))
    return out


def convert_dx_tabs(lines: list[str]) -> list[str]:
    """Every `<dx-tabs>` as `=== "标题"` tabs, outside code; other lines kept."""
    return replace_blocks(lines, "<dx-tabs>", DX_TABS_OPEN_RE, _tabs_at, lambda body, out: body)


def _tabs_at(lines: list[str], index: int, code: set[int]) -> tuple[list[str], int] | None:
    opened = DX_TABS_OPEN_RE.match(lines[index])
    if opened is None:
        raise ValueError(f"line {index + 1} does not open a <dx-tabs>: {lines[index]!r}")
    prefix = opened.group("prefix")
    out: list[str] = [""]
    title: str | None = None
    for position in range(index + 1, len(lines)):
        line = lines[position]
        body = _with_prefix(line, prefix)[len(prefix) :]
        if position not in code:
            if DX_TABS_CLOSE_RE.match(line):
                return out + [""], position + 1
            if DX_TABS_OPEN_RE.match(line):
                return None  # nested tab sets: left as written
            colons = DX_COLONS_RE.match(line)
            if colons is not None:
                if colons.group("rest"):
                    title = _tab_title(colons.group("rest"))
                    out.extend([f'{prefix}=== "{title}"', ""])
                else:
                    title = None
                continue
        if title is None:
            if line.strip(" >"):
                return None  # text outside any tab: not a tab block
            continue
        out.append(f"{prefix}    {body}" if body.strip() else "")
    return None


def alert_type(attrs: str) -> tuple[str, str]:
    """(canonical type, explicit title or "") of a `<dx-alert …>` tag's attributes."""
    values = {m.group("name").lower(): m.group("value") for m in DX_ATTR_RE.finditer(attrs)}
    kind = syntax.DX_ALERT_TYPES.get(values.get("infotype", "").lower(), "note")
    return kind, values.get("title", "").strip()


def alert_at(lines: list[str], index: int, code: set[int]) -> tuple[tuple[str, str, str, list[str]], int] | None:
    """((prefix, type, title, body lines), index after `</dx-alert>`) of the alert opened at `index`."""
    opened = DX_ALERT_OPEN_RE.match(lines[index])
    if opened is None:
        raise ValueError(f"line {index + 1} does not open a <dx-alert>: {lines[index]!r}")
    prefix = opened.group("prefix")
    kind, title = alert_type(opened.group("attrs"))
    first = opened.group("text")
    if first and (closed := DX_ALERT_CLOSE_RE.match(first)):
        return (prefix, kind, title, [closed.group("before")]), index + 1
    body = [first] if first.strip() else []
    for end in range(index + 1, len(lines)):
        if end not in code:
            if closed := DX_ALERT_CLOSE_RE.match(lines[end]):
                if closed.group("before").strip(" >"):
                    body.append(closed.group("before"))
                return (prefix, kind, title, [_with_prefix(b, prefix)[len(prefix) :] for b in body]), end + 1
            if DX_ALERT_OPEN_RE.match(lines[end]):
                return None
        body.append(lines[end])
    return None


def marker_line(kind: str, prefix: str = "") -> str:
    """The quote marker the importer and the renderer write for a type."""
    github = syntax.GITHUB_OF_TYPE.get(kind, kind.upper())
    return prefix + (syntax.MARKER_OF_TYPE.get(kind) or f"> [!{github}]")


def quote_block(prefix: str, kind: str, body: list[str], token: str = "") -> list[str]:
    """A marker block of `kind` with `body` quoted under it."""
    return [
        marker_line(kind, prefix) + token,
        *(f"{prefix}> {text}" if text.strip() else f"{prefix}>" for text in body),
    ]


def convert_dx_alerts(lines: list[str], titles: list[str]) -> list[str]:
    """Every `<dx-alert>` as a quote block (titles kept aside, see the module docstring)."""

    def write(alert: tuple[str, str, str, list[str]], out: list[str]) -> list[str]:
        prefix, kind, title, body = alert
        token = ""
        if title:
            titles.append(title)
            token = f" {STX}tencent-title:{len(titles) - 1}{ETX}"
        return quote_block(prefix, kind, body, token)

    return replace_blocks(lines, "<dx-alert", DX_ALERT_OPEN_RE, alert_at, write)


def convert(lines: list[str], titles: list[str]) -> list[str]:
    """All three, code blocks first (a tab may hold a code block)."""
    if not any("<dx-" in line for line in lines):
        return lines
    return convert_dx_alerts(convert_dx_tabs(convert_dx_codeblocks(lines)), titles)
