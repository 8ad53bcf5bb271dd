"""A strict YAML loader for writer-controlled data (front matter, registry.yml).

Pure module. Built on PyYAML's event API (libyaml's parser where PyYAML has
it), so nothing is ever constructed from a tag, and the document is refused
before it is built when it:

- YAML-ALIAS     uses an anchor (&a) or an alias (*a): aliases share or
                 repeat nodes, and a few lines of them expand to gigabytes
                 (PyYAML's safe_load expands them);
- YAML-DUPLICATE gives a mapping the same key twice (safe_load lets the last
                 one silently win); both lines are named;
- YAML-TAG       carries an explicit tag (!!python/…, !ENV, !!binary, …);
- YAML-MERGE     uses the merge key `<<`;
- YAML-DEPTH     nests more than MAX_DEPTH mappings and sequences;
- YAML-SIZE      holds more than MAX_NODES nodes;
- YAML-KEY       has a key that is not a plain scalar;
- YAML-SYNTAX    is not YAML at all, or holds more than one document.

`load(text, line_offset=…)` returns a `Loaded`: the plain Python value
(dicts, lists, str, int, float, bool, None, dates) and, for every node, its
1-based line and column in the file by path (a tuple of keys and indexes),
so that a schema can name the exact place of a wrong value; or, for a
refused document, one `YamlProblem` and no value. It never raises.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NoReturn

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

# libyaml's parser when PyYAML was built with it (its wheels are): only the
# parser is used, so the speed of C without any of its constructors.
PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

QUOTE_HINT = 'quote the value: key: "…" (a ": " inside it starts a mapping)'
MAX_DEPTH = 20
MAX_NODES = 20_000

Path = tuple[Any, ...]


@dataclass(frozen=True)
class YamlProblem:
    line: int  # 1-based, in the text given
    col: int  # 1-based
    rule: str
    message: str
    hint: str = ""


@dataclass
class Loaded:
    value: Any = None
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> (line, col)
    problems: list[YamlProblem] = field(default_factory=list)

    def where(self, path: Path) -> tuple[int, int]:
        """Position of the node at `path`, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))


class _Refused(Exception):
    """Stops building at the first problem: nothing after it is read."""

    def __init__(self, problem: YamlProblem):
        self.problem = problem


def _explicit_tag(event: Any) -> bool:
    """A tag written in the document (`!!str`, `!ENV`, `!!python/…`); `!` alone only marks a quoted scalar."""
    tag = getattr(event, "tag", None)
    if tag is None or tag == "!":
        return False
    return not (isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) and event.implicit)


def _pos(mark: Any, offset: int = 0) -> tuple[int, int]:
    return (mark.line + 1 + offset, mark.column + 1) if mark is not None else (1 + offset, 1)


_RESOLVER = Resolver()


def _scalar(event: yaml.ScalarEvent) -> Any:
    """The value of a plain or quoted scalar, typed as PyYAML's safe loader types it."""
    # types-PyYAML leaves BaseResolver.resolve unannotated (it returns the tag, a str).
    tag: str = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    # types-PyYAML's ScalarNode takes yaml.error.Mark only; libyaml's parser gives yaml._yaml.Mark, which
    # PyYAML's nodes hold alike (a mark is only read for error messages).
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
    try:
        return SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError):
        return event.value  # e.g. a date out of range, an int over Python's digit limit: keep the text


class _Builder:
    def __init__(self, events: Iterator[yaml.Event], max_depth: int, max_nodes: int, offset: int = 0):
        self.offset = offset
        self.events = events
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.nodes = 0
        self.marks: dict[Path, tuple[int, int]] = {}

    def refuse(self, event: Any, rule: str, message: str, hint: str = "") -> NoReturn:
        raise _Refused(YamlProblem(*_pos(event.start_mark, self.offset), rule, message, hint))

    def node(self, event: Any, path: Path, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            self.refuse(event, "YAML-SIZE", f"more than {self.max_nodes} values", "split or shorten the data")
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.refuse(
                event,
                "YAML-ALIAS",
                "YAML anchors and aliases (&name, *name) are not allowed",
                "write the value out in full",
            )
        if _explicit_tag(event):
            self.refuse(event, "YAML-TAG", f"YAML tag {event.tag} is not allowed", "remove the tag")
        self.marks[path] = _pos(event.start_mark, self.offset)
        if isinstance(event, yaml.ScalarEvent):
            return _scalar(event)
        if depth >= self.max_depth:
            self.refuse(event, "YAML-DEPTH", f"nested deeper than {self.max_depth} levels", "flatten the data")
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in self.events:
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                items.append(self.node(child, (*path, len(items)), depth + 1))
        if isinstance(event, yaml.MappingStartEvent):
            mapping: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_event in self.events:
                if isinstance(key_event, yaml.MappingEndEvent):
                    return mapping
                if not isinstance(key_event, yaml.ScalarEvent):
                    if isinstance(key_event, yaml.AliasEvent) or getattr(key_event, "anchor", None):
                        self.node(key_event, path, depth)  # refuses with YAML-ALIAS
                    self.refuse(key_event, "YAML-KEY", "a key must be a plain name", "write `name: value`")
                if key_event.anchor or _explicit_tag(key_event):
                    self.node(key_event, path, depth)  # refuses with YAML-ALIAS / YAML-TAG
                if key_event.value == "<<" and key_event.implicit[0]:
                    self.refuse(key_event, "YAML-MERGE", "the merge key << is not allowed", "write the keys out")
                key = _scalar(key_event)
                try:
                    hash(key)
                except TypeError:
                    self.refuse(key_event, "YAML-KEY", "a key must be a plain name", "write `name: value`")
                line, col = _pos(key_event.start_mark, self.offset)
                if key in mapping:
                    self.refuse(
                        key_event,
                        "YAML-DUPLICATE",
                        f"key {key!r} given twice (lines {first_line[key]} and {line})",
                        "keep one of them: YAML would silently use the last",
                    )
                first_line[key] = line
                value_event = next(self.events)
                mapping[key] = self.node(value_event, (*path, key), depth + 1)
                self.marks[(*path, key)] = (line, col)
        self.refuse(event, "YAML-SYNTAX", "unexpected YAML structure")
        return None  # pragma: no cover - refuse raises


def load(text: str, *, line_offset: int = 0, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> Loaded:
    """Parse one YAML document strictly; never raises on any input text.

    `line_offset` is the number of file lines before the text (1 for front
    matter after its `---`), so that every position is the file's.
    """
    result = Loaded()
    if text.startswith("\ufeff"):
        text = text[1:]
    events = _events(text)
    builder = _Builder(events, max_depth, max_nodes, line_offset)
    try:
        documents = 0
        for event in events:
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent)):
                continue
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    builder.refuse(event, "YAML-SYNTAX", "more than one YAML document", "remove the extra `---`")
                continue
            result.value = builder.node(event, (), 0)
    except _Refused as refused:
        result.problems.append(refused.problem)
        result.value = None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = _pos(mark, line_offset)
        problem = str(error.problem or error)
        hint = QUOTE_HINT if "mapping values are not allowed" in problem else ""
        result.problems.append(YamlProblem(line, col, "YAML-SYNTAX", f"not valid YAML: {problem}", hint))
        result.value = None
    except yaml.YAMLError as error:  # e.g. a reader error: control characters
        mark = getattr(error, "problem_mark", None) or getattr(error, "mark", None)
        position = getattr(error, "position", None)
        line, col = _pos(mark, line_offset) if mark else _offset_pos(text, position, line_offset)
        result.problems.append(
            YamlProblem(
                line,
                col,
                "YAML-SYNTAX",
                f"not valid YAML: {_short(error)}",
                "remove control characters" if "control" in str(error) else "",
            )
        )
        result.value = None
    except (UnicodeError, ValueError) as error:  # text that no encoding can carry (lone surrogates)
        result.problems.append(
            YamlProblem(1 + line_offset, 1, "YAML-SYNTAX", f"not valid text: {_short(error)}", "save the file as UTF-8")
        )
        result.value = None
    except RecursionError:  # pragma: no cover - depth is bounded above
        result.problems.append(YamlProblem(1 + line_offset, 1, "YAML-DEPTH", "nested too deeply", "flatten the data"))
        result.value = None
    if not result.problems:
        result.marks = builder.marks
    return result


def _events(text: str) -> Iterator[yaml.Event]:
    """The parser's events, created lazily so that a bad text fails inside `load`'s guard."""
    yield from yaml.parse(text, Loader=PARSER)


def _offset_pos(text: str, position: int | None, line_offset: int) -> tuple[int, int]:
    if position is None:
        return 1 + line_offset, 1
    before = text[:position]
    return before.count("\n") + 1 + line_offset, position - (before.rfind("\n") + 1) + 1


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:200]
