"""What a page's content may contain once rendered: the allowlist of the HTML boundary (site/boundary.py).

Pure data and value checks. Exactly what this site renders from
Markdown (Python-Markdown with mkdocs.yml's extensions, and the hooks that
shape the content before it is judged):

- text structure: paragraphs, headings with ids (toc) and their permalinks
  (`<a class="headerlink" href="#id" title=…>`), lists, definition lists,
  tables (cells aligned with `style="text-align: …"`), quotes, code
  (Pygments' token classes), abbreviations, emphasis;
- Material's admonitions (`div.admonition.<type>` + `p.admonition-title`)
  and collapsible ones (`details.<type>` + `summary`);
- pymdownx.tabbed tabs (`div.tabbed-set` with radio inputs and labels);
- the diagram frames (`div.diagram[role=img][aria-label]` around
  `pre.mermaid > code`; the SVGs a pre-drawn one gets, its drawing and an
  empty SVG of the drawing's size, are put in after this boundary:
  site/diagram_frames.py `attach_drawings`, the drawings checked by
  checks/svg.py);
- links to the site itself, to fragments, and to registered hosts and
  console routes; images from the site's assets/ folder.

Everything else is removed by the sanitizer and reported as a finding. A
new Markdown extension that renders new markup needs its elements, classes
and attributes here (the build says which, as SAFE-* findings).
"""

from __future__ import annotations

import re

# Elements removed together with everything inside them: their content is
# code, or a document of its own, never text for the reader.
DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "textarea",
        "select",
        "option",
        "title",
        "xmp",
        "noembed",
        "noframes",
        "plaintext",
        "head",
        "meta",
        "link",
        "base",
        "audio",
        "video",
        "canvas",
        "portal",
        "dialog",
    }
)

ADMONITION_TYPES = frozenset(
    {
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    }
)
ADMONITION_MODIFIERS = frozenset({"inline", "end"})

# tag -> attributes allowed on it (besides GLOBAL_ATTRIBUTES)
ATTRIBUTES: dict[str, frozenset[str]] = {
    **{
        tag: frozenset()
        for tag in (
            "p",
            "br",
            "hr",
            "blockquote",
            "ul",
            "li",
            "dl",
            "dt",
            "dd",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "caption",
            "pre",
            "code",
            "em",
            "strong",
            "b",
            "i",
            "s",
            "del",
            "ins",
            "mark",
            "sub",
            "sup",
            "small",
            "kbd",
            "q",
            "cite",
            "var",
            "samp",
            "summary",
            "figure",
            "figcaption",
        )
    },
    **{f"h{level}": frozenset() for level in range(1, 7)},
    "ol": frozenset({"start"}),
    "th": frozenset({"style"}),
    "td": frozenset({"style"}),
    "a": frozenset({"href", "title", "name"}),
    "img": frozenset({"src", "alt", "title", "width", "height", "loading"}),
    "abbr": frozenset({"title"}),
    "div": frozenset({"role", "aria-label", "data-tabs", "data-drawing"}),
    "span": frozenset(),
    "details": frozenset({"open"}),
    "input": frozenset({"type", "id", "name", "checked"}),
    "label": frozenset({"for"}),
}
GLOBAL_ATTRIBUTES = frozenset({"id", "class"})
TAGS = frozenset(ATTRIBUTES)

# class tokens allowed per tag: fixed names, and patterns
CLASSES: dict[str, frozenset[str]] = {
    "div": frozenset(
        {
            "admonition",
            *ADMONITION_TYPES,
            *ADMONITION_MODIFIERS,
            "highlight",
            "diagram",
            "diagram--lr",
            "diagram--td",
            "diagram--drawn",
            "tabbed-set",
            "tabbed-alternate",
            "tabbed-labels",
            "tabbed-content",
            "tabbed-block",
            "grid",
            "cards",
        }
    ),
    "details": frozenset({*ADMONITION_TYPES, *ADMONITION_MODIFIERS}),
    "p": frozenset({"admonition-title"}),
    "a": frozenset({"headerlink"}),
    "pre": frozenset({"mermaid"}),
    "span": frozenset({"linenos", "normal", "special", "filename", "hll"}),
    "table": frozenset({"highlighttable"}),
    "td": frozenset({"linenos", "code"}),
}
LANGUAGE_CLASS_RE = re.compile(r"^language-[a-z0-9][a-z0-9_+#-]{0,30}$")  # div.language-python, code.language-x
# Pygments token classes: k, nt, s2, err…, and a token without a short name of its
# own as its parent's and the rest of its type: p-Indicator, l-Scalar-Plain (YAML).
PYGMENTS_CLASS_RE = re.compile(r"^[a-z]{1,3}[0-9]?(?:-[A-Z][A-Za-z]{0,30}){0,4}$")
CLASS_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "div": (LANGUAGE_CLASS_RE,),
    "code": (LANGUAGE_CLASS_RE,),
    "pre": (LANGUAGE_CLASS_RE,),
    "span": (PYGMENTS_CLASS_RE,),
}

# An element id: the toc's slugs (ASCII ids, `_1` for a heading without
# one), attr_list `{#id}`s. Ids starting with `__` are the theme's own
# (`__config`, `__search`…): a page reusing one could take over the theme's
# element (DOM clobbering), so only pymdownx's generated forms are allowed.
ID_RE = re.compile(r"^(?!__)[A-Za-z0-9_][A-Za-z0-9_.:-]{0,99}$")
GENERATED_ID_RE = re.compile(r"^__(?:tabbed_\d{1,4}_\d{1,4}|codelineno-\d{1,4}-\d{1,6}|span-\d{1,4}-\d{1,6})$")
TABBED_NAME_RE = re.compile(r"^__tabbed_\d{1,4}$")
TABBED_DATA_RE = re.compile(r"^\d{1,4}:\d{1,4}$")
DRAWING_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]{0,199}-\d{1,4}$")  # diagram_frames: hot/rebate.en-1
CELL_STYLE_RE = re.compile(r"^text-align: (?:left|right|center);?$")  # tables: aligned columns
DIGITS_RE = re.compile(r"^\d{1,6}$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
IMAGE_EXT_RE = re.compile(r"\.(?:png|jpe?g|gif|webp|avif|svg)$", re.I)


def is_id(value: str) -> bool:
    return bool(ID_RE.match(value) or GENERATED_ID_RE.match(value))


def allowed_classes(tag: str, value: str) -> tuple[list[str], list[str]]:
    """(kept, removed) class tokens of `value` on `tag`."""
    fixed = CLASSES.get(tag, frozenset())
    patterns = CLASS_PATTERNS.get(tag, ())
    kept, removed = [], []
    for token in value.split():
        if token in fixed or any(p.match(token) for p in patterns):
            kept.append(token)
        else:
            removed.append(token)
    return kept, removed


def value_problem(tag: str, name: str, value: str) -> str | None:
    """Why an allowed attribute's value is refused (ids, classes and URLs aside), or None."""
    if name == "style":
        return None if CELL_STYLE_RE.match(value) else "inline styles are not allowed"
    if name == "role":
        return None if value == "img" else "only the diagram frames' role=img"
    if name in ("start", "width", "height"):
        return None if DIGITS_RE.match(value) else "a number is expected"
    if name == "loading":
        return None if value in ("lazy", "eager") else "lazy or eager is expected"
    if name == "type":
        return None if value == "radio" else "only tabs' radio buttons"
    if name == "name":
        valid = TABBED_NAME_RE.match(value) if tag == "input" else is_id(value)
        return None if valid else "not a tab's or an anchor's name"
    if name == "for":
        return None if GENERATED_ID_RE.match(value) else "labels belong to tabs"
    if name == "data-tabs":
        return None if TABBED_DATA_RE.match(value) else "not a tab set's count"
    if name == "data-drawing":
        return None if DRAWING_NAME_RE.match(value) and ".." not in value else "not a diagram's name"
    return None  # title, alt, aria-label, checked, open: any text is harmless once escaped
