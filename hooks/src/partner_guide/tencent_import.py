"""Tencent-format pages into this site's format (pure: text in, text out; no files, no MkDocs).

`guide-import` (`partner_guide/tools/importer.py`, `make import`) reads the
files and writes the pages; everything it decides is here, so that it can be
tested on strings:

- `<dx-codeblock>` → a fence with its language; `<dx-tabs>`/`:::` → `=== "标题"`
  tabs; `<dx-alert>` → an admonition of its type (`dx.py`);
- `>**说明：**` bold labels → `>?` (and `>!`, `> [!CAUTION]`, … by type);
- `## [标题](id:x)` → `## 标题 {#x}`; a `[](id:x)` line before a heading → the
  heading's `{#x}`; any other `[](id:x)` → `<a id="x"></a>`; ids that are not
  ASCII letters, digits, `-` and `_`, or start with a digit, are made so, and
  the page's `#links` follow;
- every other heading gets a stable ASCII id (pinyin of a Chinese heading via
  pypinyin, words of an English one), deduplicated, the same in both
  editions of a pair (`heading_ids`);
- a blank line before a list under a line of text; sub-lists nested by 4
  spaces; a list indented 4 spaces under a paragraph made a list;
- a single newline Tencent's renderer shows as a break gets an explicit `<br>`;
- console links on legacy hosts → the canonical host; registered console
  routes, documents and the 渠道小助手 link → their short names `[文字][name]`;
- local images → `docs/assets/<page>/` (the tool copies them);
- front matter with `title` and a `description` drafted from the first
  paragraph within the length limits of the page's language; an H1;
- the copy conventions (`checks/copy.py`, what `make fix` applies): spaces
  between Chinese and Latin text, full-width punctuation, the terms list.

Importing a page this wrote changes nothing (`convert_page(out) == out`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

from . import strict_yaml
from .checks.copy import fix_copy
from .checks.frontmatter import front_matter_end, split_lines
from .checks.links import DOCS_HOSTS
from .markdown import dx, syntax
from .markdown.codeblocks import code_line_indices
from .markdown.slugs import heading_id, slug_words

if TYPE_CHECKING:
    from .registry import Registry

DESCRIPTION_LIMITS = {"zh": 120, "en": 160}  # META-DESCRIPTION's limits (checks/meta.py)
# The attr list ending a heading; tried only where a run of blanks starts, so linear on long runs.
HEADING_ATTRS_RE = re.compile(r"(?<![ \t])[ \t]*+\{:?[^{}\n]*+\}[ \t]*+$")
ATX_RE = re.compile(r"^(?P<hashes>#{1,6})(?P<text>[^\n]*?)[ \t]*$")  # a heading line (container stripped)
INLINE_URL_RE = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\[\]\n]*)\]"  # [text] or ![alt]
    r"\((?P<url>[^()\s]*)(?P<title>[ \t]+\"[^\"\n]*\")?\)"  # (url "title")
)
LOCAL_LINK_RE = re.compile(r"\]\(#(?P<id>[^()\s]+)\)")  # [x](#anchor) on the same page
STEM_SUFFIX_RE = re.compile(r"_intl_(?P<lang>zh|en)$")  # Tencent's edition suffix
SITE_SUFFIX_RE = re.compile(r"\.(?P<lang>en)$")  # this site's English suffix


@dataclass(frozen=True)
class Edition:
    """Where an imported file goes: its base name (without .md) and language."""

    stem: str
    lang: str


def edition_of(filename: str) -> Edition:
    """`新增员工_intl_zh.md` → (新增员工, zh); `x_intl_en.md` → (x, en); `x.en.md` → (x, en); `x.md` → (x, zh)."""
    stem = filename[:-3] if filename.endswith(".md") else filename
    if match := STEM_SUFFIX_RE.search(stem):
        return Edition(stem[: match.start()], match.group("lang"))
    if match := SITE_SUFFIX_RE.search(stem):
        return Edition(stem[: match.start()], "en")
    return Edition(stem, "zh")


# --------------------------------------------------------------------------- ids


def make_id(text: str, taken: set[str], limit: int = 48) -> str:
    """A stable ASCII id for a heading, not in `taken` (which it joins): the page extension's (markdown/slugs.py)."""
    return heading_id(visible(text), taken, limit)


def file_slug(stem: str, title: str = "") -> str:
    """An ASCII file name: the stem if it is one, else the English title's words, else the stem's pinyin."""
    if re.fullmatch(r"[a-z0-9][a-z0-9\-]*", stem):
        return stem
    words = slug_words(title) if title and title.isascii() else []
    words = words or slug_words(stem)
    return "-".join(words)[:60].strip("-") or "page"


def visible(text: str) -> str:
    return syntax.visible_text(text)


# --------------------------------------------------------------------------- helpers


def attr_id(text: str) -> str | None:
    """The `#id` of an attribute list `{#id}` / `{: #id .class}` ending the text, if any (no regex)."""
    text = text.rstrip(" \t")
    if not text.endswith("}"):
        return None
    start = text.rfind("{")
    if start < 0:
        return None
    for part in text[start + 1 : -1].lstrip(":").split():
        if part.startswith("#") and len(part) > 1:
            return part[1:]
    return None


def _split_front_matter(text: str) -> tuple[dict[object, object], list[str]]:
    lines = split_lines(text)
    end = front_matter_end(lines)
    if not end:
        return {}, lines
    meta = strict_yaml.load("\n".join(lines[1 : end - 1])).value  # no alias bomb, no tags
    meta = meta if isinstance(meta, dict) else {}
    rest = lines[end:]
    while rest and not rest[0].strip():
        rest = rest[1:]
    return meta, rest


def _prefix_of(line: str) -> tuple[str, str]:
    """(container prefix of `>` and spaces, the rest)."""
    position = 0
    while position < len(line) and line[position] in "> ":
        position += 1
    return line[:position], line[position:]


def _outside_code(lines: list[str]) -> list[bool]:
    inside = code_line_indices(lines)
    return [index not in inside for index in range(len(lines))]


# --------------------------------------------------------------------------- steps


def convert_alerts(lines: list[str]) -> list[str]:
    """`<dx-alert>` → a marker block (`>?`, `>!`, `> [!CAUTION]`); its title a `!!!` title, or a bold first
    line in a list."""

    def write(alert: tuple[str, str, str, list[str]], out: list[str]) -> list[str]:
        prefix, kind, title, body = alert
        if title and not prefix and not (out and out[-1].strip() and _in_list(out, len(out) - 1)):
            material = syntax.MATERIAL_TYPE.get(kind, kind)
            return [f'!!! {material} "{title}"', *(f"    {text}" if text.strip() else "" for text in body), ""]
        return dx.quote_block(prefix, kind, ([f"**{title}**"] if title else []) + body)

    return dx.replace_blocks(lines, "<dx-alert", syntax.DX_ALERT_OPEN_RE, dx.alert_at, write)


def convert_labels(lines: list[str]) -> list[str]:
    """`>**说明：**` → `>?` (the first line of a quote block only)."""
    outside = _outside_code(lines)
    out = []
    previous_quoted = False
    for index, line in enumerate(lines):
        content = syntax.strip_quote(line) if outside[index] else None
        marker = syntax.marker_of(content) if content is not None and not previous_quoted else None
        if marker is not None and content is not None and marker.syntax == "label":
            prefix = line[: len(line) - len(content)].rstrip(" ")
            prefix = prefix[:-1] if prefix.endswith(">") else prefix
            text = f" {marker.text}" if marker.text.strip() else ""
            out.append(dx.marker_line(marker.kind, prefix) + text)
        else:
            out.append(line)
        previous_quoted = content is not None
    return out


def convert_anchors(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """`(id:x)` anchors → `{#x}` on headings, `<a id>` elsewhere; returns the id renames."""
    outside = _outside_code(lines)
    renames: dict[str, str] = {}
    out: list[str] = []
    pending: str | None = None  # a bare [](id:x) line waiting for its heading
    for index, line in enumerate(lines):
        if not outside[index] or "(id:" not in line and pending is None:
            out.append(line)
            continue
        prefix, rest = _prefix_of(line)
        bare = syntax.BARE_ID_LINE_RE.match(line)
        if bare:
            if pending is not None:
                out.append(f'{prefix}<a id="{pending}"></a>')
            pending = _renamed(bare.group("id"), renames)
            continue
        heading = syntax.HEADING_ID_LINK_RE.match(rest)
        if heading:
            ident = _renamed(heading.group("id"), renames)
            text = heading.group("text").strip() or ident
            out.append(f"{prefix}{heading.group('hashes')} {text} {{#{ident}}}")
            if pending is not None:
                out.append(f'{prefix}<a id="{pending}"></a>')  # two anchors for one heading: keep both targets
                pending = None
            continue
        if pending is not None:
            if not rest.strip():
                out.append(line)
                continue
            match = ATX_RE.match(rest)
            if match and not attr_id(rest):
                out.append(f"{prefix}{match.group('hashes')} {match.group('text').strip()} {{#{pending}}}")
                pending = None
                continue
            out.append(f'{prefix}<a id="{pending}"></a>')
            pending = None
        out.append(syntax.ID_LINK_RE.sub(lambda m: _anchor_html(m, renames), line))
    if pending is not None:
        out.append(f'<a id="{pending}"></a>')
    return out, renames


def _renamed(ident: str, renames: dict[str, str]) -> str:
    new = syntax.ascii_id(ident)
    if new != ident:
        renames[ident] = new
    return new


def _anchor_html(match: re.Match[str], renames: dict[str, str]) -> str:
    ident = _renamed(match.group("id"), renames)
    return f'<a id="{ident}"></a>{match.group("text")}'


def rename_links(lines: list[str], renames: dict[str, str]) -> list[str]:
    if not renames:
        return lines
    outside = _outside_code(lines)

    def fix(match: re.Match[str]) -> str:
        ident = match.group("id")
        return f"](#{renames.get(ident, ident)})"

    return [LOCAL_LINK_RE.sub(fix, line) if outside[i] and "](#" in line else line for i, line in enumerate(lines)]


def blank_before_lists(lines: list[str]) -> list[str]:
    """A blank line between a line of text and a list right under it (outside quotes and code)."""
    outside = _outside_code(lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and outside[index] and syntax.LIST_ITEM_RE.match(line) and len(line) - len(line.lstrip(" ")) < 4:
            previous = lines[index - 1]
            if (
                previous.strip()
                and outside[index - 1]
                and not _is_structural(previous)
                and not _in_list(lines, index - 1)
            ):
                out.append("")
        out.append(line)
    return out


def _is_structural(line: str) -> bool:
    stripped = line.lstrip(" ")
    return stripped.startswith(("#", ">", "|", "<", "!!!", "???", "===", "```", "~~~")) or syntax.is_list_item(line)


def _in_list(lines: list[str], index: int) -> bool:
    """The line continues a list item (a list item line above it, no blank line between)."""
    while index >= 0 and lines[index].strip():
        if syntax.is_list_item(lines[index]):
            return True
        index -= 1
    return False


def nest_lists(lines: list[str]) -> list[str]:
    """Sub-lists nested as written, made explicit with 4 spaces per level (`syntax.nest_by_indentation`)."""
    outside = _outside_code(lines)
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            out.extend(
                syntax.nest_by_indentation("\n".join(block)).split("\n")
                if syntax.is_list_item(block[0]) and not block[0].startswith(" ")
                else block
            )
            block.clear()

    for index, line in enumerate(lines):
        if not line.strip() or not outside[index] or line.lstrip(" ").startswith(">"):
            flush()
            out.append(line)
        else:
            block.append(line)
    flush()
    return out


BULLET_RE = re.compile(r"^(?P<indent> *)[-*+](?P<space>[ \t]+)\S")  # `- 第一步`
NUMBER_RE = re.compile(r"^(?P<indent> *)(?P<number>\d{1,9})\.(?P<space>[ \t]*)(?P<text>\S.*)$")  # `2. x` or `2.x`


def numbered_leftovers(lines: list[str]) -> list[str]:
    """Two leftovers of Tencent's pages, as Tencent's renderer shows them:

    - a bullet item followed, without a blank line, by `2. …`, `3. …` at its indentation: one numbered list
      (the bullet is step 1);
    - sub-steps indented 4 spaces or more under a numbered step, written `1.搜索…` without a space after the
      number: a nested numbered list (with the space), not a code block showing literal `**`.
    """
    outside = _outside_code(lines)
    out = list(lines)
    for index, line in enumerate(lines):
        following = NUMBER_RE.match(lines[index + 1]) if index + 1 < len(lines) and outside[index + 1] else None
        bullet = BULLET_RE.match(line) if outside[index] else None
        if (
            bullet
            and following
            and following.group("number") == "2"
            and following.group("indent") == bullet.group("indent")
            and following.group("space")
        ):
            out[index] = f"{bullet.group('indent')}1.{bullet.group('space')}{line[bullet.end() - 1 :]}"
    for index, line in enumerate(lines):
        step = NUMBER_RE.match(line) if outside[index] else None
        if step is None or len(step.group("indent")) < 4 or step.group("space"):
            continue
        above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        parent = NUMBER_RE.match(above)
        if (
            parent is not None
            and len(parent.group("indent")) < len(step.group("indent"))
            or (parent is not None and not parent.group("space") and len(parent.group("indent")) >= 4)
        ):
            out[index] = f"{step.group('indent')}{step.group('number')}. {step.group('text')}"
    return out


def dedent_lists_under_text(lines: list[str]) -> list[str]:
    """A list indented 4 spaces after a paragraph (the blank line between) → a list (not code)."""
    outside = _outside_code(lines)
    out = list(lines)
    index = 0
    while index < len(lines):
        if (
            outside[index]
            and syntax.INDENTED_ITEM_RE.match(lines[index])
            and index >= 2
            and not lines[index - 1].strip()
        ):
            above = index - 2
            if (
                lines[above].strip()
                and not _in_list(lines, above)
                and not _is_structural(lines[above])
                and not lines[above].startswith("    ")
            ):
                end = index
                while end < len(lines) and lines[end].strip() and syntax.INDENTED_ITEM_RE.match(lines[end]):
                    end += 1
                if end == len(lines) or not lines[end].strip():
                    for position in range(index, end):
                        out[position] = lines[position][4:]
                index = end
                continue
        index += 1
    return out


def explicit_breaks(lines: list[str]) -> list[str]:
    """`<br>` at the end of a line where Tencent's renderer breaks (`syntax.breaks_between`)."""
    out = list(lines)
    for run in _paragraph_runs(lines):
        for upper, lower in zip(run, run[1:], strict=False):
            before, after = lines[upper], lines[lower]
            if before.rstrip().endswith(("<br>", "<br/>", "<br />")) or before.endswith("  "):
                continue
            before_text = _prefix_of(before)[1] if before.lstrip().startswith(">") else before
            after_text = _prefix_of(after)[1] if after.lstrip().startswith(">") else after
            label = bool(syntax.BOLD_LABEL_LINE_RE.match(before_text.strip()))
            if syntax.breaks_between(visible(before_text), visible(after_text), label):
                out[upper] = before.rstrip() + "<br>"
    return out


PARAGRAPH_STOPS = ("#", "|", "<", "!!!", "???", "===", "```", "~~~", ">")  # lines that begin no paragraph text
SETEXT_RE = re.compile(r"^(?:=+|-+)[ \t]*$")  # the underline of a setext heading


def _paragraph_runs(lines: list[str], shortest: int = 2) -> list[list[int]]:
    """Consecutive source lines that render as one paragraph: a run of text lines outside code, in one quote
    level; a list item or a Tencent marker (`>?`, `>!`) starts a new run."""
    outside = _outside_code(lines)
    runs: list[list[int]] = []
    run: list[int] = []
    depth = -1
    for index, line in enumerate(lines):
        prefix, rest = _prefix_of(line)
        level = prefix.count(">")
        text = rest.strip()
        stop = not text or not outside[index] or text.startswith(PARAGRAPH_STOPS) or bool(SETEXT_RE.match(text))
        starts = syntax.is_list_item(rest) or (level > 0 and text.startswith(("?", "!")))
        if stop or starts or level != depth:
            if len(run) >= shortest:
                runs.append(run)
            run = []
        if not stop:
            run.append(index)
            depth = level
    if len(run) >= shortest:
        runs.append(run)
    return runs


# --------------------------------------------------------------------------- links


def canonical_links(lines: list[str], registry: Registry) -> list[str]:
    """Legacy console hosts → canonical; registered targets → `[text][short-name]`."""
    outside = _outside_code(lines)
    by_url = {link.url.rstrip("/"): name for name, link in registry.links.items() if name != registry.assistant.name}

    def fix(match: re.Match[str]) -> str:
        url = match.group("url")
        try:
            parts = urlsplit(url)
        except ValueError:
            return match.group(0)
        host = (parts.hostname or "").lower()
        if parts.scheme == "http" and (host in registry.allowed_hosts or host in DOCS_HOSTS):
            url = "https" + url[4:]
        if host in registry.legacy_hosts or (host == registry.console_host and parts.scheme == "http"):
            url = (
                f"https://{registry.console_host}{parts.path or '/'}"
                + (f"?{parts.query}" if parts.query else "")
                + (f"#{parts.fragment}" if parts.fragment else "")
            )
            host = registry.console_host
        if match.group("bang"):
            return f"![{match.group('text')}]({url}{match.group('title') or ''})"
        name = by_url.get(url.rstrip("/")) if not parts.fragment else None
        if url.split("?", 1)[0] == registry.assistant_base and _same_params(url, registry):
            name = registry.assistant.name
        if name and match.group("text").strip():
            return f"[{match.group('text')}][{name}]"
        return f"[{match.group('text')}]({url}{match.group('title') or ''})"

    return [INLINE_URL_RE.sub(fix, line) if outside[i] and "](" in line else line for i, line in enumerate(lines)]


def _same_params(url: str, registry: Registry) -> bool:
    from urllib.parse import parse_qsl

    query = urlsplit(url).query
    return dict(parse_qsl(query, keep_blank_values=True)) == registry.assistant_params


def local_images(
    lines: list[str], page_stem: str, assets_href: str = "assets"
) -> tuple[list[str], list[tuple[str, str]]]:
    """Relative image paths → `<assets_href>/<page>/<file>`; returns (lines, [(as written, docs-relative path)]).

    `assets_href` is the path from the page's folder to docs/assets (`../assets`
    for a page in docs/hot/).
    """
    outside = _outside_code(lines)
    copies: list[tuple[str, str]] = []

    def fix(match: re.Match[str]) -> str:
        url = match.group("url")
        if (
            not match.group("bang")
            or not url
            or "://" in url
            or url.startswith(("/", "#", "data:"))
            or posixpath.normpath(url).split("/").count("assets")
        ):
            return match.group(0)
        name = posixpath.basename(url)
        copies.append((url, posixpath.join("assets", page_stem, name)))
        return f"![{match.group('text')}]({posixpath.join(assets_href, page_stem, name)}{match.group('title') or ''})"

    out = [INLINE_URL_RE.sub(fix, line) if outside[i] and "![" in line else line for i, line in enumerate(lines)]
    return out, copies


# --------------------------------------------------------------------------- headings, title, description


# The attr list ending a heading; tried only where a run of blanks starts, so linear on long runs.
HEADING_ATTRS_RE = re.compile(r"(?<![ \t])[ \t]*+\{:?[^{}\n]*+\}[ \t]*+$")
ATX_RE = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")  # `## 标题`, after any `>` prefix


def heading_lines(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line index, level, text) of every ATX heading outside code (also inside quotes and list items)."""
    outside = _outside_code(lines)
    found = []
    for index, line in enumerate(lines):
        rest = line.lstrip(" >")
        match = ATX_RE.match(rest) if outside[index] and rest.startswith("#") else None
        if match:
            found.append((index, len(match.group("hashes")), match.group("text").rstrip("#").rstrip()))
    return found


def heading_ids(lines: list[str], given: list[str | None] | None = None) -> list[str | None]:
    """The id of each heading (existing ones kept; `given` from the other edition wins for the rest)."""
    headings = heading_lines(lines)
    taken = {ident for _, _, text in headings if (ident := attr_id(text))}
    ids: list[str | None] = []
    for number, (_index, level, text) in enumerate(headings):
        existing = attr_id(text)
        if existing:
            ids.append(existing)
        elif level == 1:
            ids.append(None)
        elif given is not None and number < len(given) and (wanted := given[number]) and wanted not in taken:
            ids.append(wanted)
            taken.add(wanted)
        else:
            ids.append(make_id(text, taken))
    return ids


def apply_heading_ids(lines: list[str], ids: list[str | None]) -> list[str]:
    out = list(lines)
    for (index, _level, text), ident in zip(heading_lines(lines), ids, strict=False):
        if ident and not attr_id(text):
            out[index] = f"{lines[index].rstrip()} {{#{ident}}}"
    return out


def promote_headings(lines: list[str]) -> list[str]:
    """A page without an H1 that opens with a heading (Tencent's page title): that heading becomes the H1.

    When every other heading is deeper, all move up by the same number of
    levels, so the outline keeps its shape (`## 标题` + `### 步骤` → `#` + `##`).
    """
    headings = heading_lines(lines)
    first_content = next((i for i, line in enumerate(lines) if line.strip()), None)
    if not headings or any(level == 1 for _, level, _ in headings) or headings[0][0] != first_content:
        return lines
    top = headings[0][1]
    shift = top - 1 if all(level > top for _, level, _ in headings[1:]) else 0
    out = list(lines)
    for number, (index, _level, _) in enumerate(headings):
        prefix, rest = _prefix_of(lines[index])
        if number == 0:
            out[index] = prefix + rest[top - 1 :]
        elif shift:
            out[index] = prefix + rest[shift:]
    return out


def first_heading(lines: list[str], level: int | None = 1) -> str | None:
    for _index, found, text in heading_lines(lines):
        if level is None or found == level:
            return HEADING_ATTRS_RE.sub("", visible(text)).strip()
    return None


def top_heading(text: str) -> str:
    """The page's title heading: an H1, or the heading that opens the page ("" if neither)."""
    lines = split_lines(text)
    lines = lines[front_matter_end(lines) :]
    headings = heading_lines(lines)
    first_content = next((i for i, line in enumerate(lines) if line.strip()), None)
    for index, level, heading in headings:
        if level == 1 or index == first_content:
            return HEADING_ATTRS_RE.sub("", visible(heading)).strip()
    return ""


def draft_description(lines: list[str], lang: str) -> str:
    """The first paragraph's text, cut to the page language's limit at a sentence end if possible."""
    limit = DESCRIPTION_LIMITS.get(lang, DESCRIPTION_LIMITS["en"])
    for indices in _paragraph_runs(lines, shortest=1):
        if not indices or syntax.is_list_item(lines[indices[0]].lstrip(" >")) or lines[indices[0]].startswith(" "):
            continue  # a list item: not the page's opening sentence
        text = ""
        for i in indices:
            part = visible(_prefix_of(lines[i])[1] if lines[i].lstrip().startswith(">") else lines[i])
            text += ("" if text and syntax.is_cjk(text[-1:]) and syntax.is_cjk(part[:1]) else " ") + part
        text = re.sub(r"<br>|\s+", " ", text).strip()
        if len(text) < 4 or text.startswith(("!", "<", "|")):
            continue
        if len(text) <= limit:
            return text
        cut = max((text.rfind(mark, 0, limit) for mark in "。；！？.;!?"), default=-1)
        return text[: cut + 1] if cut > limit // 3 else text[: limit - 1].rstrip() + "…"
    return ""


def _front_matter(meta: dict[object, object]) -> list[str]:
    out = ["---"]
    for key, value in meta.items():
        out.append(
            yaml.safe_dump({key: value}, allow_unicode=True, width=10_000, default_style=None).rstrip("\n")
            if not isinstance(value, str)
            else f"{key}: {_quote(value)}"
        )
    out.append("---")
    return out


def _quote(value: str) -> str:
    """A YAML scalar that stays a string (`: ` and the like quoted)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000).rstrip("\n")
    if dumped.endswith("\n..."):
        dumped = dumped[:-4]
    return dumped.rstrip("\n")


# --------------------------------------------------------------------------- the page


@dataclass
class Imported:
    text: str
    images: list[tuple[str, str]] = field(default_factory=list)  # (as written, docs-relative target)
    ids: list[str | None] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the converter itself could not settle


def convert_page(
    text: str,
    lang: str,
    registry: Registry,
    page_stem: str,
    *,
    ids: list[str | None] | None = None,
    fallback_title: str = "",
    assets_href: str = "assets",
) -> Imported:
    """One edition in this site's format (see the module docstring)."""
    text = text.lstrip("\ufeff")
    meta, lines = _split_front_matter(text)
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    notes: list[str] = []
    lines = dx.convert_dx_codeblocks(lines)
    lines = dx.convert_dx_tabs(lines)
    lines = convert_alerts(lines)
    lines = convert_labels(lines)
    lines, renames = convert_anchors(lines)
    lines = rename_links(lines, renames)
    lines = canonical_links(lines, registry)
    lines, images = local_images(lines, page_stem, assets_href)
    lines = numbered_leftovers(lines)
    lines = dedent_lists_under_text(lines)
    lines = blank_before_lists(lines)
    lines = nest_lists(lines)
    lines = promote_headings(lines)
    title = str(meta.get("title") or "").strip() or first_heading(lines, 1)
    if not title:
        title = first_heading(lines, None) or fallback_title or page_stem
        notes.append(f"the page has no title heading; its title is drafted as {title!r}: check it")
    if not first_heading(lines, 1):
        lines = [f"# {title}", "", *lines]
    lines = explicit_breaks(lines)
    page_ids = heading_ids(lines, ids)
    lines = apply_heading_ids(lines, page_ids)
    if "description" not in meta:
        description = draft_description(lines, lang)
        if not description:
            description = title
            notes.append("no paragraph to draft the description from; it is the title: write a better one")
        meta["description"] = description
    meta = {"title": title, **{k: v for k, v in meta.items() if k != "title"}}
    while lines and not lines[-1].strip():
        lines.pop()
    body = _front_matter(meta) + [""] + lines
    page = fix_copy("\n".join(body) + "\n", "page.md" if lang == "zh" else f"page.{lang}.md", registry)
    return Imported(page, images, page_ids, notes)
