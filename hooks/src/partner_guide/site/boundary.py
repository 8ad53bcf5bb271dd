"""The HTML boundary: what of a page's rendered content readers may get (pure module).

The safety boundary is the HTML that readers get, not the Markdown: a check
that reads the source guesses at what Python-Markdown and the browser will
make of it, and the two disagree (comments ended by `--!>`, code spans in
raw HTML blocks, attr_list attributes, unclosed fences…). hooks/safety.py
calls `check_page` in `on_page_content` and publishes its `html`; `make
check` renders each page the same way (checks/rendered.py) and calls it too.

- `sanitize(html, policy)` is the boundary: nh3 (the binding to Rust's
  ammonia, which parses with html5ever as browsers do) keeps only what
  `allowlist.py` allows, judging every attribute value with `decide()`.
- `judge(html, policy)` says what the sanitizer removes: the same HTML
  parsed as browsers parse it (lexbor, through selectolax), every element
  and attribute judged by the same `allowlist.py` and `decide()`.
- `check_page(html, policy)` does both. If the sanitizer changed the page
  although the judge found nothing, that is reported too (SAFE-HTML): every
  change to a page is a finding.

Rules (each a finding at the nearest source line, `Locator`):
- SAFE-TAG     an element that is not allowed (removed; script, style, svg,
               iframe… with their content, others keeping their text)
- SAFE-EVENT   an on*= event-handler attribute
- SAFE-ATTR    any other attribute that is not allowed, or its value
- SAFE-URL     a link or image address outside what the site may use
- SAFE-CLASS   a class the site does not style
- SAFE-ID      an id that could take over one of the theme's elements
- SAFE-HTML    the sanitizer changed the page in a way not explained above
- HTML-UNCLOSED a raw HTML element (div, details, table…) opened and never
               closed: Python-Markdown shows the rest of the page as raw text
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..checks.findings import Issue, Locator  # noqa: F401 - Locator: where removals are placed
from ..registry import Registry
from . import allowlist as A

WS_TAB_NL_RE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL
URL_EDGES = "".join(chr(code) for code in range(0x21))  # and C0 controls and spaces at its ends
RELATIVE_RE = re.compile(r"^[A-Za-z0-9._~/%?&=+:@!$,;*()#-]*$")  # a path, query or fragment of the site (RFC 3986)
LINK_HINT = "link to a page of the guide or to a registered short name such as [通知公告][announce]"
# Elements that raw HTML opens and that only an explicit end tag closes.
CONTAINERS = frozenset(
    {
        "div",
        "details",
        "summary",
        "table",
        "blockquote",
        "section",
        "article",
        "aside",
        "nav",
        "header",
        "footer",
        "figure",
        "ul",
        "ol",
        "dl",
        "pre",
        "span",
        "a",
        "code",
        "em",
        "strong",
    }
)


@dataclass(frozen=True)
class UrlPolicy:
    """Where a page may link: the site itself and what the registry registers."""

    registry: Registry  # console routes and route patterns, contacts (tel:, mailto:)
    chat_url: str = ""  # the registered chat link, exactly (any parameter order)
    hosts: frozenset[str] = frozenset()  # any https page on these
    page_url: str = ""  # the page's URL relative to the site root, e.g. "hot/rebate/"

    @classmethod
    def of(cls, registry: Registry, page_url: str = "") -> UrlPolicy:
        return cls(
            registry=registry,
            chat_url=registry.assistant.url,
            hosts=frozenset(
                {
                    *(urlsplit(link.url).hostname or "" for link in registry.docs.values()),
                    *(host.lower() for host in registry.allowed_hosts),
                }
            ),
            page_url=page_url,
        )

    def href(self, value: str) -> str | None:
        """Why the link is refused, or None when it is allowed."""
        url = _browser_url(value)
        if url is None:
            return "a control character or backslash in the address"
        if url.startswith("#"):
            return None if RELATIVE_RE.match(url[1:]) else "characters an anchor does not have"
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if not scheme and not url.startswith("//"):
            return self._relative(parts.path)
        if scheme == "https":
            host = (parts.hostname or "").rstrip(".").lower()
            if host == self.registry.console_host:
                registered = self.registry.route_matches(parts.path)
                return None if registered else f"console path {parts.path or '/'} is not a registered route"
            if self.chat_url and host == urlsplit(self.chat_url).hostname:
                return None if _same_chat(url, self.chat_url) else "the chat link differs from the registered one"
            return None if host in self.hosts else f"host {host or '(none)'} is not registered"
        if scheme == "tel":
            return None if self.registry.registered_tel(url) else "not a registered phone number"
        if scheme == "mailto":
            address = url.split(":", 1)[1].split("?", 1)[0].lower()
            return None if address in self.registry.email_addresses else "not a registered address"
        return f"{scheme or 'protocol-relative'} links are not allowed"

    def src(self, value: str) -> str | None:
        """Why the image address is refused, or None: images come from the site's assets/ folder."""
        url = _browser_url(value)
        if url is None or urlsplit(url).scheme or url.startswith("//"):
            return "images must come from the site's assets/ folder"
        resolved = _resolve(self.page_url, urlsplit(url).path)
        if not resolved.startswith("assets/") or not A.IMAGE_EXT_RE.search(resolved):
            return "images must come from the site's assets/ folder"
        return None

    def _relative(self, path: str) -> str | None:
        if not RELATIVE_RE.match(path):
            return "characters a link to a page of the site does not have"
        return "the address leaves the site" if _resolve(self.page_url, path).startswith("..") else None


def _resolve(page_url: str, path: str) -> str:
    """A relative address resolved from the page's folder, relative to the site root ("../x" leaves it)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url) or ".", path or "."))


def _browser_url(value: str) -> str | None:
    """The URL as a browser reads it (spaces and controls at the ends, tabs and newlines anywhere dropped)."""
    url = WS_TAB_NL_RE.sub("", value.strip(URL_EDGES))
    if "\\" in url or A.CONTROL_RE.search(url):
        return None
    return url


def _same_chat(url: str, registered: str) -> bool:
    fragment, *rest = _chat_key(url)
    return not fragment and rest == list(_chat_key(registered)[1:])


@functools.lru_cache(maxsize=256)  # a page links the registered chat many times, in a few spellings
def _chat_key(url: str) -> tuple[str, str | None, str, tuple[tuple[str, str], ...]]:
    """What makes two chat links the same: host, path and query parameters in any order (and the fragment)."""
    parts = urlsplit(url)
    return parts.fragment, parts.hostname, parts.path, tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))


Removal = Issue  # what the sanitizer removes, placed like every finding


def decide(tag: str, name: str, value: str | None, policy: UrlPolicy) -> tuple[str | None, Removal | None]:
    """(the value kept, or None; why something was removed) for one attribute of an allowed element."""
    value = value or ""
    name = name.lower()
    if name not in A.GLOBAL_ATTRIBUTES and name not in A.ATTRIBUTES.get(tag, ()):
        if name.startswith("on"):
            return None, Removal(
                "SAFE-EVENT",
                f"event-handler attribute {name}= on <{tag}>",
                (name,),
                "remove it: pages carry no scripts",
            )
        return None, Removal(
            "SAFE-ATTR", f"attribute {name}= is not allowed on <{tag}>", (name + "=", name), "remove the attribute"
        )
    if name == "class":
        kept, removed = A.allowed_classes(tag, value)
        if removed:
            removal = Removal(
                "SAFE-CLASS",
                f"class {' '.join(removed)} is not allowed on <{tag}>",
                tuple(removed),
                "remove it: the classes the site styles are in partner_guide/site/allowlist.py",
            )
            return " ".join(kept) or None, removal
        return value, None
    if name == "id":
        if A.is_id(value):
            return value, None
        return None, Removal(
            "SAFE-ID",
            f"id {value[:40]!r} is not allowed",
            ("#" + value[:40], *_needles("id", value)),
            "use letters, digits and -, not starting with __, e.g. {#refund-destination}",
        )
    rule, hint = "SAFE-ATTR", "remove the attribute"
    if name in ("href", "src"):
        problem = policy.href(value) if name == "href" else policy.src(value)
        rule, hint = "SAFE-URL", LINK_HINT if name == "href" else "put the image in docs/assets/ and link it relatively"
    else:
        problem = A.value_problem(tag, name, value)
    if problem:
        return None, Removal(rule, f"{name}={value[:60]!r} on <{tag}>: {problem}", _needles(name, value), hint)
    return value, None


def _needles(name: str, value: str) -> tuple[str, ...]:
    """How an attribute may be written in the source, most specific first (a short value alone matches anywhere)."""
    short = value[:60]
    written = (f'{name}="{short}', f"{name}='{short}", f"{name}={short}")
    return (*written, short, name) if len(short) >= 4 else (*written, name)


@dataclass
class Judgement:
    html: str  # what is published
    removals: list[Removal] = field(default_factory=list)


def _cleaner(policy: UrlPolicy) -> nh3.Cleaner:
    def attribute_filter(tag: str, name: str, value: str) -> str | None:
        return decide(tag, name, value, policy)[0]

    return nh3.Cleaner(
        tags=set(A.TAGS),
        clean_content_tags=set(A.DROP_WITH_CONTENT),
        attributes={"*": set(A.GLOBAL_ATTRIBUTES), **{tag: set(names) for tag, names in A.ATTRIBUTES.items()}},
        attribute_filter=attribute_filter,
        set_tag_attribute_values={"input": {"type": "radio"}},  # an input is only ever a tab's radio button
        url_schemes={"https", "tel", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def sanitize(html: str, policy: UrlPolicy) -> str:
    return _cleaner(policy).clean(html)


def parse(html: str) -> LexborNode | None:
    """The page's content as browsers parse it (lexbor): its <body>."""
    return LexborHTMLParser(f"<body>{html}</body>").body


def judge(
    html: str, policy: UrlPolicy, body: LexborNode | None = None, judged: frozenset[tuple[int, str]] = frozenset()
) -> list[Removal]:
    """Every element, attribute and class the sanitizer removes from `html`, in document order
    (`body`: `html` already parsed; `judged`: (element, attribute) addresses a page rule has reported: a link's
    address, an admonition's unknown type)."""
    removals: list[Removal] = []
    body = parse(html) if body is None else body
    stack = list(reversed(_children(body))) if body is not None else []
    while stack:
        node = stack.pop()
        written = node.tag
        if written is None:  # lexbor names every node of a parsed document
            raise ValueError(f"lexbor returned a node without a name in {html[:80]!r}")
        if written.startswith("-"):  # text, comment
            continue
        tag = written.lower()
        if tag in A.DROP_WITH_CONTENT or tag not in A.TAGS:
            whole = tag in A.DROP_WITH_CONTENT
            removals.append(
                Removal(
                    "SAFE-TAG",
                    f"<{tag}> is not allowed" + (" (removed with its content)" * whole),
                    (f"<{written}", written),
                    "remove it: pages use Markdown, and only the HTML "
                    "the site renders itself (partner_guide/site/allowlist.py)",
                )
            )
            if whole:
                continue
        else:
            attributes = node.attributes
            if tag == "input" and attributes.get("type") != "radio":
                removals.append(
                    Removal(
                        "SAFE-ATTR",
                        "an <input> other than a tab's radio button",
                        ("<input", "input"),
                        "remove it: pages have no forms",
                    )
                )
            for name, value in attributes.items():
                removal = decide(tag, name, value, policy)[1]
                if removal and not (
                    removal.rule in ("SAFE-URL", "SAFE-CLASS") and (node.mem_id, name.lower()) in judged
                ):
                    removals.append(removal)
        stack.extend(reversed(_children(node)))
    return removals


def _children(node: LexborNode) -> list[LexborNode]:
    children: list[LexborNode] = []
    child = node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children


def canonical(html: str) -> str:
    """The HTML as a browser's DOM serializes it, comments dropped: for comparing two versions."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is None:
        return ""
    for comment in [node for node in body.traverse(include_text=True) if node.tag == "-comment"]:
        comment.decompose()
    return body.inner_html or ""


class _OpenElements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CONTAINERS:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


def unclosed(html: str) -> list[Removal]:
    """The first raw HTML element still open at the end of the page's content (Python-Markdown closes its own)."""
    parser = _OpenElements()
    parser.feed(html)
    parser.close()
    return [
        Removal(
            "HTML-UNCLOSED",
            f"<{tag}> is never closed: the rest of the page shows as raw text",
            (f"<{tag}", tag),
            f"close it with </{tag}>",
        )
        for tag in parser.stack[:1]
    ]


def check_page(
    html: str,
    policy: UrlPolicy,
    body: LexborNode | None = None,
    judged: frozenset[tuple[int, str]] = frozenset(),
    raw_html: bool = True,
) -> Judgement:
    """`raw_html`: whether the page's source may hold HTML of the writer's (False: it has no `<` at all, so every
    element is the renderer's own, which closes them: no HTML-UNCLOSED to look for)."""
    removals = (unclosed(html) if raw_html else []) + judge(html, policy, body, judged)
    clean = sanitize(html, policy)
    if not removals and not judged and canonical(clean) != canonical(html):
        removals.append(
            Removal(
                "SAFE-HTML",
                "the sanitizer changed this page's markup",
                (),
                "report this to the maintainers (partner_guide/site/boundary.py)",
            )
        )
    return Judgement(clean, removals)
