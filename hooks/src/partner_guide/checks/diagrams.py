"""Process diagrams: the mermaid flowchart subset (pure module).

`diagram_issues(tree)` parses every diagram of the rendered page and reports,
with the line and column in the source file:

- DIA-TYPE        a diagram type other than flowchart/graph, or an empty diagram
- DIA-SYNTAX      a statement, direction or subgraph the parser does not understand
- DIA-NOLABEL     a node without a label (readers would see its id)
- DIA-ORPHAN      a node that is on no edge
- DIA-EMPTY-LABEL an empty node or edge label
- DIA-CLICK       a `click` statement or `href` (links and callbacks out of a diagram)
- DIA-HTML        HTML in a label
- DIA-DIRECTIVE   a `%%{init}%%` directive or a `---` config block (they change
                  the renderer's security level and theme)

`diagram_issues(tree)` reads each diagram of the rendered page; `parse_diagrams`
gives each diagram's nodes and edges too, for the parity check between the
editions (same ids and edges, labels translated), and
`parse_fence_body(body)` one diagram, for its text alternative
(site/diagram_frames.py): the checks and the alt text read diagrams alike.

Supported: `flowchart|graph` + TD/TB/BT/LR/RL; nodes `id`, `id[...]`,
`id(...)`, `id{...}`, `id((...))`, `id([...])`, `id[[...]]`, `id[(...)]`,
`id{{...}}`, `id>...]`, `id[/.../]` and friends, labels optionally quoted;
edges `-->`, `---`, `-.->`, `-.-`, `==>`, `===` (any length, optional `<`),
labels `-->|text|` and `-- text -->`; chains `a --> b --> c`; `a & b --> c`;
`;` separators; `%%` comments; `subgraph … end`; `direction`; `classDef`,
`class`, `style`, `linkStyle`; `id:::class`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import LINE_START, NEWLINE_RE, Finding, Issue
from .frontmatter import split_lines
from .tree import PageTree, classes

HEADER_RE = re.compile(
    r"^(?P<kind>flowchart|graph)"  # the diagram type
    r"(?:[ \t]+(?P<dir>\S+?))?"  # optional direction
    r"[ \t]*(?:;|$)"  # end of the header statement
)
TYPE_WORD_RE = re.compile(r"^\S+")  # the first word, for naming an unknown type
ID_RE = re.compile(r"[\w]+(?:\.[\w]+)*")  # a node id: letters (any script), digits, _
SHAPES = (  # (open, close), longest first so that `((` wins over `(`
    ("(((", ")))"),
    ("([", "])"),
    ("[[", "]]"),
    ("[(", ")]"),
    ("((", "))"),
    ("{{", "}}"),
    ("[/", "/]"),
    ("[/", "\\]"),
    ("[\\", "\\]"),
    ("[\\", "/]"),
    (">", "]"),
    ("[", "]"),
    ("(", ")"),
    ("{", "}"),
)
CLASS_SUFFIX_RE = re.compile(r":::[\w\-]+")  # `id:::className`
# An edge: a plain arrow with an optional |label| (EDGE_RE), or the text form `a -- label --> b`: its
# opening (TEXT_EDGE_OPEN_RE) and the first closing arrow after it (TEXT_EDGE_CLOSE_RE). Found in two
# steps so that no pattern scans a label lazily to the end of a line (quadratic: minutes on a long line).
EDGE_RE = re.compile(
    r"(?<![ \t])[ \t]*"  # from the start of the spaces before it (a search would rescan them from each one)
    r"(?P<arrow><?(?:-{2,}>|-{3,}|={2,}>|={3,}|-\.+->|-\.+-))"  # a plain arrow: --> --- -.-> -.- ==> ===
    r"(?:[ \t]*\|(?P<pipe>[^|]*)\|)?"  # optional |label|
    r"[ \t]*"
)
TEXT_EDGE_OPEN_RE = re.compile(
    r"(?<![ \t])[ \t]*(?P<open><?(?:--|==|-\.))[ \t]+"  # `-- `, `== `, `-. `
    r"(?=[^\"|\-=.\s]|\")"  # then the label (quoted, or not starting like an arrow)
)
TEXT_EDGE_CLOSE_RE = re.compile(r"(?<![ \t])[ \t]+(?P<close>-{2,}>|-{2,}|={2,}>|={2,}|\.-+>|\.-+)[ \t]*")  # ` -->`
QUOTED_LABEL_RE = re.compile(r'(?<![ \t])[ \t]*"[^"]*"[ \t]*')  # a node's quoted label: id["label"]
AMP_RE = re.compile(r"(?<![ \t])[ \t]*&[ \t]*")  # `a & b`, from the start of the spaces before the `&`
HTML_RE = re.compile(r"<\s*/?\s*[A-Za-z!]")  # the start of an HTML tag or comment
HREF_RE = re.compile(r"\bhref\b", re.I)  # a link target outside a label
# A label ("…" or […]), removed before looking for href; a [ runs only to the next bracket (linear).
LABEL_RE = re.compile(r'"[^"]*"|\[[^\[\]]*\]')
DIRECTIONS = ("TD", "TB", "BT", "LR", "RL")
STYLE_WORDS = ("classDef", "class", "style", "linkStyle")


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str = ""


@dataclass
class Diagram:
    line: int  # 1-based line of the opening fence in the source file
    kind: str = ""
    direction: str = ""
    nodes: list[str] = field(default_factory=list)  # ids in first-seen order
    labels: dict[str, str] = field(default_factory=dict)  # id -> first label
    edges: list[Edge] = field(default_factory=list)

    @property
    def shape(self) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """Sorted node ids and (source, target) pairs: equal across translations."""
        return tuple(sorted(self.nodes)), tuple(sorted((e.source, e.target) for e in self.edges))


class _Parser:
    """Parses one fence body; positions are reported in the source file."""

    def __init__(self, path: str, fence_line: int):
        self.path = path
        self.diagram = Diagram(fence_line)
        self.findings: list[Finding] = []
        self.first_seen: dict[str, tuple[int, int]] = {}
        self.on_edge: set[str] = set()

    def add(self, line: int, col: int, rule: str, message: str, hint: str = "") -> None:
        self.findings.append(Finding(self.path, line, col, rule, message, hint))

    # -- labels and nodes -------------------------------------------------
    def label(self, text: str, line: int, col: int, what: str) -> str:
        stripped = text.strip()
        if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
            stripped = stripped[1:-1].strip()
        if stripped.startswith("`") and stripped.endswith("`") and len(stripped) >= 2:
            stripped = stripped[1:-1].strip()
        if not stripped:
            self.add(line, col, "DIA-EMPTY-LABEL", f"{what} has an empty label", "write the text readers should see")
        elif HTML_RE.search(stripped):
            self.add(
                line,
                col,
                "DIA-HTML",
                f"HTML in the label of {what}",
                "write plain text; mermaid renders labels as HTML",
            )
        return stripped

    def node(self, s: str, pos: int, line: int, base: int) -> int | None:
        """Parse a node at s[pos:]; return the position after it, or None."""
        match = ID_RE.match(s, pos)
        if not match:
            return None
        ident = match.group(0)
        if ident in ("end", "subgraph") or (ident == "click" and pos == 0):
            return None
        col = base + pos + 1
        if ident not in self.first_seen:
            self.first_seen[ident] = (line, col)
            self.diagram.nodes.append(ident)
        pos = match.end()
        for open_, close in SHAPES:
            if not s.startswith(open_, pos):
                continue
            start = pos + len(open_)
            quoted = QUOTED_LABEL_RE.match(s, start)  # no copy of the rest of the line: one per node was quadratic
            if quoted and s.startswith(close, quoted.end()):
                end = quoted.end()
            else:
                end = s.find(close, start)
                if end < 0 or '"' in s[start:end]:
                    continue
            text = s[start:end]
            label = self.label(text, line, base + start + 1, f"node {ident}")
            self.diagram.labels.setdefault(ident, label)
            pos = end + len(close)
            break
        suffix = CLASS_SUFFIX_RE.match(s, pos)
        return suffix.end() if suffix else pos

    def group(self, s: str, pos: int, line: int, base: int) -> tuple[list[str], int] | None:
        ids: list[str] = []
        while True:
            end = self.node(s, pos, line, base)
            if end is None:
                return None
            ident = ID_RE.match(s, pos)
            if ident is None:  # node() returned a position, so an id starts at pos
                raise ValueError(f"no node id at {pos} of {s!r}")
            ids.append(ident.group(0))
            pos = end
            amp = AMP_RE.match(s, pos)
            if not amp:
                return ids, pos
            pos = amp.end()

    # -- statements -------------------------------------------------------
    def statement(self, s: str, line: int, base: int) -> None:
        lead = len(s) - len(s.lstrip())
        body = s.strip()
        if not body:
            return
        base += lead
        word = body.split(None, 1)[0]
        if word == "click" or HREF_RE.search(LABEL_RE.sub("", body)):
            self.add(
                line,
                base + 1,
                "DIA-CLICK",
                "click/href in a diagram is not allowed",
                "link from the text around the diagram instead",
            )
            return
        if word in STYLE_WORDS:
            return
        if word == "direction":
            parts = body.split()
            if len(parts) != 2 or parts[1] not in DIRECTIONS:
                self.add(line, base + 1, "DIA-SYNTAX", f"cannot read {body!r}", "write direction TB, BT, LR or RL")
            return
        if word == "subgraph":
            self.depth += 1
            rest = body[len(word) :].strip()
            if not rest:
                self.add(line, base + 1, "DIA-SYNTAX", "subgraph without a title", 'write subgraph id["title"]')
            elif rest.startswith('"'):
                self.label(rest, line, base + body.index(rest) + 1, "the subgraph")
            else:
                match = ID_RE.match(rest)
                tail = rest[match.end() :] if match else rest
                shape = re.fullmatch(r"\[(.*)\]", tail.strip()) if tail.strip() else None
                if not match or (tail.strip() and not shape):
                    self.add(line, base + 1, "DIA-SYNTAX", f"cannot read {body!r}", 'write subgraph id["title"]')
                elif shape:
                    self.label(shape.group(1), line, base + body.index(tail) + 1, "the subgraph")
            return
        if word == "end" and body == "end":
            if self.depth == 0:
                self.add(line, base + 1, "DIA-SYNTAX", "end without subgraph", "remove it or open a subgraph")
            else:
                self.depth -= 1
            return
        parsed = self.group(body, 0, line, base)
        if parsed is None:
            self.add(
                line,
                base + 1,
                "DIA-SYNTAX",
                f"cannot read {body!r}",
                'write nodes as id["label"] and edges as a --> b or a -->|label| b',
            )
            return
        sources, pos = parsed
        while pos < len(body):
            edge = match_edge(body, pos)
            if not edge or edge.end() == pos:
                pos += len(body[pos:]) - len(body[pos:].lstrip())
                self.add(
                    line,
                    base + pos + 1,
                    "DIA-SYNTAX",
                    f"cannot read {body[pos:].strip()!r}",
                    'write nodes as id["label"] and edges as a --> b or a -->|label| b',
                )
                return
            label = ""
            pipe, edge_text = edge.group("pipe"), edge.group("text")
            if pipe is not None:
                label = self.label(pipe, line, base + edge.start("pipe") + 1, "an edge")
            elif edge_text is not None:
                label = self.label(edge_text, line, base + edge.start("text") + 1, "an edge")
            parsed = self.group(body, edge.end(), line, base)
            if parsed is None:
                self.add(
                    line,
                    base + edge.end() + 1,
                    "DIA-SYNTAX",
                    f"edge without a target node in {body!r}",
                    "write a --> b",
                )
                return
            targets, pos = parsed
            for source in sources:
                for target in targets:
                    self.diagram.edges.append(Edge(source, target, label))
                    self.on_edge.update((source, target))
            sources = targets

    def parse(self, lines: list[str], first: int) -> Diagram:
        """lines: the fence body; first: 1-based source line of lines[0]."""
        self.depth = 0
        header_seen = False
        in_config = False
        for offset, raw in enumerate(lines):
            line = first + offset
            text = raw.strip()
            col = len(raw) - len(raw.lstrip()) + 1
            if in_config:
                in_config = text != "---"
                continue
            if not text:
                continue
            if "%%{" in text:
                self.add(
                    line,
                    raw.index("%%{") + 1,
                    "DIA-DIRECTIVE",
                    "%%{init}%% directives are not allowed",
                    "remove it; the site configures mermaid",
                )
                continue
            if text.startswith("%%"):
                continue
            if not header_seen:
                if text == "---":
                    self.add(
                        line,
                        col,
                        "DIA-DIRECTIVE",
                        "a --- config block is not allowed",
                        "remove it; the site configures mermaid",
                    )
                    in_config = True
                    continue
                header_seen = True
                match = HEADER_RE.match(text)
                if not match:
                    word = TYPE_WORD_RE.match(text)
                    if word is None:  # text is stripped and not empty: it starts with a word
                        raise ValueError(f"no diagram type word in {text!r}")
                    kind = word.group(0)
                    self.add(
                        line,
                        col,
                        "DIA-TYPE",
                        f"unknown diagram type {kind!r}",
                        "write flowchart TD (or LR); only flowcharts are supported",
                    )
                    return self.diagram
                self.diagram.kind = match.group("kind")
                direction = match.group("dir") or "TB"
                self.diagram.direction = direction
                if direction not in DIRECTIONS:
                    self.add(
                        line,
                        col + match.start("dir"),
                        "DIA-SYNTAX",
                        f"unknown direction {direction!r}",
                        "use TD, TB, BT, LR or RL",
                    )
                remainder = text[match.end() :]
                if remainder.strip():
                    self._statements(remainder, line, col - 1 + match.end())
                continue
            self._statements(raw, line, 0)
        if not header_seen:
            self.add(first - 1, 1, "DIA-TYPE", "empty diagram", "write flowchart TD and the nodes and edges")
            return self.diagram
        if self.depth:
            self.add(
                first + len(lines) - 1,
                1,
                "DIA-SYNTAX",
                f"{self.depth} subgraph(s) not closed with end",
                "close every subgraph with end",
            )
        for ident in self.diagram.nodes:
            line, col = self.first_seen[ident]
            if ident not in self.diagram.labels:
                self.add(
                    line,
                    col,
                    "DIA-NOLABEL",
                    f"node {ident} has no label (readers would see its id)",
                    f'write {ident}["…"] where it first appears',
                )
            if ident not in self.on_edge:
                self.add(line, col, "DIA-ORPHAN", f"node {ident} is on no edge", "connect it or remove it")
        return self.diagram

    def _statements(self, raw: str, line: int, base: int) -> None:
        start = 0
        quote = False
        for index, char in enumerate(raw):
            if char == '"':
                quote = not quote
            elif char == ";" and not quote:
                self.statement(raw[start:index], line, base + start)
                start = index + 1
        self.statement(raw[start:], line, base + start)


FENCE_OPEN_RE = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})[ \t]*mermaid\b", re.M)  # a mermaid fence's first line


def parse_diagrams(tree: PageTree, source: str, body_line: int = 1) -> list[tuple[Diagram, list[Finding]]]:
    """Every diagram of the rendered page (each `<pre class="mermaid">`), with its findings, at the lines of its
    fence in `source`: the n-th diagram is the n-th mermaid fence of the source after the page's body starts."""
    fences = [match for match in FENCE_OPEN_RE.finditer(source)]
    starts = [0] + [match.end() for match in NEWLINE_RE.finditer(source)]
    body = starts[min(body_line, len(starts)) - 1]
    lines = [source.count("\n", 0, match.start()) + 1 for match in fences if match.start() >= body]
    results = []
    for number, pre in enumerate(node for node in tree.elements() if node.tag == "pre" and "mermaid" in classes(node)):
        fence_line = lines[number] if number < len(lines) else body_line
        parser = _Parser(tree.path, fence_line)
        code = pre.text(deep=True) or ""
        diagram = parser.parse(split_lines(code.removesuffix("\n")), fence_line + 1)
        results.append((diagram, parser.findings))
    return results


def parse_fence_body(body: str) -> Diagram:
    """The diagram of one fence body, as the page renders it (findings dropped)."""
    return _Parser("", 1).parse(split_lines(body), 1)


def diagram_issues(tree: PageTree) -> list[Issue]:
    """Findings of every diagram of the rendered page, and of a mermaid fence never closed (left as text)."""
    issues = [
        Issue(f.rule, f.message, (), f.hint, at=(f.line, f.col))
        for _, findings in parse_diagrams(tree, tree.source, tree.body_line)
        for f in findings
    ]
    for _, text in tree.texts():
        if "mermaid" in text and ("```mermaid" in text or "~~~mermaid" in text):
            issues.append(
                Issue(
                    "DIA-SYNTAX",
                    "mermaid fence is not closed",
                    ("```mermaid", "~~~mermaid"),
                    "close it with ``` on its own line",
                    shift=LINE_START,
                )
            )
    return issues


@dataclass(frozen=True)
class _EdgeMatch:
    """What the parser reads of an edge: its label (from |pipes| or the text form) and where it ends."""

    groups: dict[str, str | None]
    starts: dict[str, int]
    stop: int

    def group(self, name: str) -> str | None:
        return self.groups.get(name)

    def start(self, name: str) -> int:
        return self.starts[name]

    def end(self) -> int:
        return self.stop


def match_edge(body: str, pos: int) -> _EdgeMatch | None:
    """The edge at body[pos:], plain (`-->`, `-->|label|`) or text form (`-- label -->`), in linear time."""
    plain = EDGE_RE.match(body, pos)
    if plain:
        return _EdgeMatch({"pipe": plain.group("pipe")}, {"pipe": plain.start("pipe")}, plain.end())
    opening = TEXT_EDGE_OPEN_RE.match(body, pos)
    if not opening:
        return None
    start = opening.end()
    if body.startswith('"', start):
        quote_end = body.find('"', start + 1)
        close = TEXT_EDGE_CLOSE_RE.match(body, quote_end + 1) if quote_end > 0 else None
    else:
        close = TEXT_EDGE_CLOSE_RE.search(body, start + 1)
        if close and "|" in body[start : close.start()]:
            close = None
    if not close:
        return None
    return _EdgeMatch({"text": body[start : close.start()]}, {"text": start}, close.end())
