"""Front matter: the keys a page may set, strictly loaded (pure module).

`check_front_matter(text, path, registry)` (in `ruleset.CHECKS`) reads a
page's YAML front matter with the strict loader (no anchors, aliases, tags
or duplicate keys: `strict_yaml.py`) and checks it against `SCHEMA`:

- FM-KEY    a key pages may not set: `template`, `icon`, `status`,
            `subtitle`, `faq_jsonld`… are read by the theme and the hooks,
            which maintainers set in templates and code, not pages;
- FM-TYPE   a value of the wrong type (a list as title, a number as hide…);
- FM-VALUE  a value outside what the key accepts (hide: everything);
- FM-TEXT   a text value with a line break, a control character or `<`, or
            longer than the key allows;
- YAML-*    a front matter the strict loader refuses (`strict_yaml.py`).

`read_front_matter(text)` gives the hook the same problems and `safe_meta`:
only the allowed keys with values of the right type. MkDocs and the theme
get nothing else (hooks/safety.py), so a bad front matter is a finding, never
a theme error or an injection, while the strict build goes on and reports
everything. The length of `description` is META-DESCRIPTION's (meta.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .. import strict_yaml
from ..registry import Registry
from .findings import Finding

TEXT_FORBIDDEN_RE = re.compile(r"[\x00-\x1f\x7f-\x9f<\u2028\u2029]")  # controls, line breaks, a tag's `<`
HIDE_VALUES = ("navigation", "toc", "footer", "path", "feedback", "tags")  # Material's `hide:` names

Problem = tuple[str, str]  # (rule, message)

FRONT_MATTER_END_RE = re.compile(r"^(---|\.\.\.)[ \t]*$")  # closing --- or ... line


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


def _text(limit: int) -> Callable[[Any], Problem | None]:
    def check(value: Any) -> Problem | None:
        if not isinstance(value, str):
            return "FM-TYPE", f"is {_kind(value)}, not text"
        if not value.strip():
            return "FM-TEXT", "is empty"
        bad = TEXT_FORBIDDEN_RE.search(value)
        if bad:
            if bad.group() == "<":
                return "FM-TEXT", "contains HTML (<)"
            return "FM-TEXT", "contains a line break or a control character"
        if len(value) > limit:
            return "FM-TEXT", f"is {len(value)} characters, over {limit}"
        return None

    return check


def _hide(value: Any) -> Problem | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return "FM-TYPE", f"is {_kind(value)}, not a list of names"
    unknown = [item for item in value if item not in HIDE_VALUES]
    return ("FM-VALUE", f"cannot hide {', '.join(map(repr, unknown))}") if unknown else None


def _search(value: Any) -> Problem | None:
    if not isinstance(value, dict) or set(value) != {"exclude"} or not isinstance(value["exclude"], bool):
        return "FM-TYPE", "must be {exclude: true} or {exclude: false}"
    return None


TEXT_KEYS = ("title", "description")  # the keys whose text the theme prints
# key -> (check, hint)
SCHEMA: dict[str, tuple[Callable[[Any], Problem | None], str]] = {
    "title": (_text(80), "one line of plain text, at most 80 characters"),
    "description": (_text(400), 'one line of plain text; quote it if it contains ": "'),
    "hide": (_hide, "a list of: " + ", ".join(HIDE_VALUES)),
    "search": (_search, "search: {exclude: true}"),
}


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return {dict: "a mapping", list: "a list", type(None): "empty"}.get(type(value), type(value).__name__)


@dataclass
class FrontMatter:
    lines: int = 0  # lines the front matter takes in the file, both `---` included (0: none)
    data: Any = None  # what the YAML says (None when refused)
    safe_meta: dict[str, Any] = field(default_factory=dict)  # the allowed keys with valid values
    problems: list[tuple[int, int, str, str, str]] = field(default_factory=list)  # line, col, rule, message, hint


def read_front_matter(text: str) -> FrontMatter:
    """The page's front matter, strictly loaded and checked against SCHEMA."""
    lines = split_lines(text.removeprefix("\ufeff"))
    end = front_matter_end(lines)
    if not end:
        return FrontMatter()
    loaded = strict_yaml.load("\n".join(lines[1 : end - 1]), line_offset=1)
    result = FrontMatter(end, loaded.value)
    result.problems = [(p.line, p.col, p.rule, p.message, p.hint) for p in loaded.problems]
    if loaded.problems or loaded.value is None:
        return result
    if not isinstance(loaded.value, dict):
        result.problems.append(
            (2, 1, "FM-TYPE", "the front matter must be `key: value` lines", "write title: … and description: …")
        )
        return result
    for key, value in loaded.value.items():
        line, col = loaded.where((key,))
        if key not in SCHEMA:
            result.problems.append(
                (line, col, "FM-KEY", f"pages may not set `{key}`", "keys a page may set: " + ", ".join(SCHEMA))
            )
            continue
        check, hint = SCHEMA[key]
        problem = check(value)
        if problem:
            result.problems.append((line, col, problem[0], f"`{key}` {problem[1]}", hint))
        else:
            result.safe_meta[key] = value
    return result


def check_front_matter(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    return [Finding(path, *problem) for problem in read_front_matter(text).problems]


def safe_source(text: str) -> str:
    """The page's source with its front matter replaced by `safe_meta` (as JSON, which is YAML), on as
    many lines, so that MkDocs and the theme never see a refused key or value and positions stay the file's.

    A page without one starts with a blank line, which MkDocs drops: otherwise MkDocs reads its leading
    `key: value` lines as MultiMarkdown meta (`mkdocs.utils.meta.get_data`), unchecked, so that
    `template: x` was a theme error and `faq_jsonld: </script><script>…` a script in the head. Those
    lines are the page's text."""
    text = text.removeprefix("\ufeff")
    front = read_front_matter(text)
    if not front.lines:
        return "\n" + text
    meta = json.dumps(front.safe_meta, ensure_ascii=False)
    body = split_lines(text)[front.lines :]
    return "\n".join(["---", meta, *[""] * (front.lines - 3), "---", *body])


def escaped_for_templates(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The page's own text values (title, description) as `Markup`, escaped once: Material prints
    `page.meta.title` and `description` without escaping (MkDocs' Jinja does not autoescape) and
    others with `| e`, which leaves Markup as it is. What plugins put in `meta` (the last-updated
    date's HTML) is theirs and stays as it is."""
    return {
        key: Markup.escape(meta[key])
        for key in TEXT_KEYS
        if isinstance(meta.get(key), str) and not isinstance(meta[key], Markup)
    }
