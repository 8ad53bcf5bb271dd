"""Link checks (pure module).

`check_links(text, path, registry)` reports, against `hooks/registry.yml`:

- LINK-SCHEME      a `javascript:`, `data:`, `vbscript:` or other non-web URL
- LINK-HTTPS       an http:// or protocol-relative link to an external host
- LINK-LEGACY-HOST a console link on a legacy host (hint: the canonical URL)
- LINK-ROUTE       a console path that is not a registered route (hint: the
                   closest route for a near typo, else the registry entry to add)
- LINK-CONTACT     a chat link that differs from the registered 渠道小助手 link
- LINK-TEL         a `tel:` link that is malformed or not the registered number
- LINK-MAILTO      a `mailto:` link that is malformed or not a registered address
- LINK-PHONE       a phone number that is not a registered contact
- LINK-QQ          a QQ number that is not a registered contact
- LINK-EMAIL       an e-mail address in the text that is not a registered contact
                   (the three are read in inline code too: `0755-…` is shown
                   to readers like any text)
- LINK-IMAGE       an image loaded from another host when the page opens
- LINK-HOST        an external host that is not on the allowlist
- LINK-REF         a reference link `[text][name]` to a name nobody defines

URLs are found in inline links and images, reference definitions, autolinks
and raw HTML attributes (href, src, …), outside code (`scan.py`). Tencent's
`(id:x)` anchors are hygiene's (HYG-ID-TENCENT), not URLs.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

from ..registry import Registry, digits_of
from .findings import Finding
from .scan import Positions, prose_lines, scan

INLINE_LINK_RE = re.compile(
    r"\]\(\s*"  # the `](` that closes a link text or image alt
    r"(?:<(?P<angle>[^<>\n]*)>"  # a destination in angle brackets
    r"|(?P<bare>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))"  # or a bare one, balanced parentheses allowed
)
REF_DEF_RE = re.compile(
    r"^ {0,3}\[(?P<name>[^\]\n]+)\]:"  # `[name]:` at the start of a line
    r"[ \t]*<?(?P<url>[^\s>]*)>?"  # the destination, optionally in <>
)
AUTOLINK_RE = re.compile(
    r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>"  # <scheme:anything>
    r"|<(?P<email>[^\s<>@/:]+@[^\s<>@/:]+\.[^\s<>@/:]+)>"  # <someone@example.com>
)
HTML_TAG_RE = re.compile(
    r"<[A-Za-z][A-Za-z0-9:\-]*"  # `<` and a tag name
    r"(?P<attrs>\s[^<>]*)"  # its attributes, possibly over several lines
)
HTML_URL_ATTR_RE = re.compile(
    r"(?:^|\s)"  # an attribute boundary
    r"(?:href|src|action|formaction|poster|data|srcset|xlink:href|background|cite)"  # an attribute taking a URL
    r"\s*=\s*"  # the equals sign
    r"(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<uq>[^\s\"'=<>`]+))",  # the quoted or bare value
    re.I,
)
REF_USE_RE = re.compile(
    r"(?<![\]\\])\[(?P<text>[^\[\]\n]*)\]"  # `[text]`, not escaped, not after another ]
    r"\[(?P<name>[^\[\]\n]*)\]"  # `[name]` or `[]` right after it
)
PHONE_RE = re.compile(
    r"(?<![\d+\-])"  # not inside a longer number
    r"(?:\+86[ \-]?)?"  # optional country code
    r"(?:0?\d{2,3}-\d{7,8}(?:-\d{1,6})?"  # area code - number - optional extension
    r"|[48]00\d?-\d{3}-\d{3,4}"  # 400/800 service numbers: 4009-100-100, 400-910-0100
    r"|1[3-9]\d-\d{4}-\d{4})"  # a mobile number written in groups: 138-1234-5678
    r"(?![\d\-])"
)
QQ_RE = re.compile(
    r"(?<![A-Za-z])QQ"  # QQ
    r"(?:号码|号|群)?[ \t]*[：:]?[ \t]*"  # 号 / 号码 / 群, an optional colon
    r"(?P<number>[1-9]\d{4,10})(?!\d)",  # the number
    re.I,
)
IMAGE_RE = re.compile(
    r"!\[[^\[\]\n]*\]"  # ![alt]
    r"\(\s*<?(?P<url>[^\s()<>]*)"  # (url or (<url>
)
IMG_TAG_RE = re.compile(r"<img(?P<attrs>\s[^<>]*)", re.I)  # an <img …> tag
TEL_RE = re.compile(r"^tel:\+\d{6,15}(?:[,;p]\d{1,6})?$")  # E.164 with optional pause + extension
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")  # a plain mailbox
SCHEME_RE = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.\-]*):")  # the URL scheme, lower-cased input
STRIP_RE = re.compile(r"[\x00-\x20\x7f]+")  # browsers ignore whitespace and controls in a scheme

DANGEROUS_SCHEMES = ("javascript", "data", "vbscript")
# Hosts of the documentation pages are always allowed, besides the registry's list.
DOCS_HOSTS = ("cloud.tencent.com",)


def _near(word: str, candidate: str, limit: int = 2) -> bool:
    """Edit distance at most `limit` (a typo), computed only near the diagonal."""
    if abs(len(word) - len(candidate)) > limit:
        return False
    previous = list(range(len(candidate) + 1))
    for i, a in enumerate(word, 1):
        current = [i] + [0] * len(candidate)
        for j, b in enumerate(candidate, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def route_name(path: str) -> str:
    """A short name for a console path: /partners/info -> partners-info."""
    return "-".join(part for part in path.strip("/").split("/") if part)[:60] or "console-home"


def register_hint(kind: str, value: str) -> str:
    """`register it in hooks/registry.yml under contacts.<kind>: - <value>` (YAML to paste)."""
    return f'if it is right, register it in hooks/registry.yml under contacts.{kind}: - "{value}"'


def email_addresses(line: str) -> Iterator[tuple[int, str]]:
    """(offset, address) of each plain e-mail address in a line, found without a regex (linear)."""
    position = line.find("@")
    while position >= 0:
        start = position
        while start > 0 and (line[start - 1].isalnum() and line[start - 1].isascii() or line[start - 1] in "._%+-"):
            start -= 1
        end = position + 1
        while end < len(line) and (line[end].isalnum() and line[end].isascii() or line[end] in ".-"):
            end += 1
        domain = line[position + 1:end].rstrip(".-")
        labels = domain.split(".")
        if start < position and len(labels) >= 2 and all(labels) and labels[-1].isalpha() and len(labels[-1]) >= 2:
            yield start, line[start:position + 1 + len(domain)]
        position = line.find("@", end)


def _hint_name(registry: Registry, name: str) -> str:
    return f"use [{registry.links[name].title['zh']}][{name}]"


def _closest(word: str, candidates: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.5)
    return matches[0] if matches else None


def iter_urls(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """Every URL in the prose: (1-based line, 1-based column, raw URL)."""
    for number, line in enumerate(lines, 1):
        if "](" in line:
            for match in INLINE_LINK_RE.finditer(line):
                group = "angle" if match.group("angle") is not None else "bare"
                if match.group(group):
                    yield number, match.start(group) + 1, match.group(group)
        if "]:" in line:
            match = REF_DEF_RE.match(line)
            if match and match.group("url"):
                yield number, match.start("url") + 1, match.group("url")
        if "<" in line:
            for match in AUTOLINK_RE.finditer(line):
                if match.group("url"):
                    yield number, match.start("url") + 1, match.group("url")
                else:
                    yield number, match.start("email") + 1, "mailto:" + match.group("email")
    joined = "\n".join(lines)
    if "<" not in joined:
        return
    where = Positions(lines)
    for tag in HTML_TAG_RE.finditer(joined):
        for match in HTML_URL_ATTR_RE.finditer(tag.group("attrs")):
            group = next(g for g in ("dq", "sq", "uq") if match.group(g) is not None)
            yield (*where(tag.start("attrs") + match.start(group)), html.unescape(match.group(group)))


class _LinkChecker:
    def __init__(self, path: str, registry: Registry):
        self.path = path
        self.registry = registry
        self.findings: list[Finding] = []
        self.url_spans: set[tuple[int, int, int]] = set()  # (line, first col, last col) of each URL
        self.images: set[tuple[int, int]] = set()  # (line, col) of the image URLs among them
        self.assistant_host = urlsplit(registry.assistant_base).hostname or ""
        self.allowed = {
            registry.console_host,
            self.assistant_host,
            *DOCS_HOSTS,
            *(urlsplit(link.url).hostname or "" for link in registry.docs.values()),
            *(h.lower() for h in registry.allowed_hosts),
        }

    def add(self, line: int, col: int, rule: str, message: str, hint: str = "") -> None:
        self.findings.append(Finding(self.path, line, col, rule, message, hint))

    def url(self, line: int, col: int, raw: str) -> None:
        self.url_spans.add((line, col, col + len(raw)))
        url = html.unescape(raw).strip()
        compact = STRIP_RE.sub("", url).lower()
        match = SCHEME_RE.match(compact)
        scheme = match.group("scheme") if match else ""
        if scheme in DANGEROUS_SCHEMES:
            self.add(line, col, "LINK-SCHEME", f"{scheme}: URL is not allowed",
                     "link to a page, or to a registered short name such as [通知公告][announce]")
        elif scheme == "id":
            return  # Tencent's (id:x) anchor: HYG-ID-TENCENT says what to write
        elif scheme == "tel":
            self.tel(line, col, url)
        elif scheme == "mailto":
            self.mailto(line, col, url)
        elif scheme in ("http", "https") or (not scheme and compact.startswith("//")):
            self.web(line, col, url, scheme)
        elif scheme and not re.match(r"^[a-z]:[\\/]", compact):
            self.add(line, col, "LINK-SCHEME", f"{scheme}: URL is not allowed", "use an https:// link")

    def tel(self, line: int, col: int, url: str) -> None:
        expected = self.registry.mail["tel"]
        if not TEL_RE.match(url):
            self.add(line, col, "LINK-TEL", f"malformed tel: link {url!r}",
                     f"write tel:+<country><area><number>,<extension>, e.g. {expected}")
        elif not self.registry.registered_tel(url):
            self.add(line, col, "LINK-TEL", f"{url} is not the registered phone number", f"use {expected}")

    def mailto(self, line: int, col: int, url: str) -> None:
        address = url.split(":", 1)[1].split("?", 1)[0]
        if not EMAIL_RE.match(address):
            self.add(line, col, "LINK-MAILTO", f"malformed mailto: link {url!r}", "write mailto:name@example.com")
        elif address.lower() not in self.registry.email_addresses:
            self.add(line, col, "LINK-MAILTO", f"{address} is not a registered contact address",
                     "contact partners through [渠道小助手][assistant], or register the address in hooks/registry.yml")

    def web(self, line: int, col: int, url: str, scheme: str) -> None:
        registry = self.registry
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").rstrip(".")
        except ValueError:
            self.add(line, col, "LINK-HOST", f"malformed URL {url!r}", "check the address")
            return
        if not host:
            self.add(line, col, "LINK-HOST", f"URL without a host {url!r}", "check the address")
            return
        path = parts.path or "/"
        https = url if scheme == "https" else "https:" + url[len(scheme) + 1 if scheme else 0:]
        if (line, col) in self.images:
            assets = posixpath.relpath("docs/assets", posixpath.dirname(self.path)) if self.path.startswith("docs/") \
                else "assets"
            self.add(line, col, "LINK-IMAGE", f"image loads from {host} when the page opens",
                     f"copy it into docs/assets/ and link it from there: ![…]({assets}/{posixpath.basename(path)})")
            return
        if host == registry.console_host or host in registry.legacy_hosts:
            canonical = f"https://{registry.console_host}{path}"
            if scheme != "https":
                self.add(line, col, "LINK-HTTPS", f"console link must use https: {url}", f"use {canonical}")
            if host in registry.legacy_hosts:
                self.add(line, col, "LINK-LEGACY-HOST", f"legacy console host {host}", f"use {canonical}")
            self.route(line, col, path)
        elif host == self.assistant_host:
            if scheme != "https":
                self.add(line, col, "LINK-HTTPS", f"chat link must use https: {url}", _hint_name(registry, "assistant"))
            self.chat(line, col, parts.path, parts.query)
        elif host not in self.allowed:
            self.add(line, col, "LINK-HOST", f"host {host} is not on the allowlist",
                     "link to a registered short name, or have a maintainer add the host "
                     "to allowed_hosts in hooks/registry.yml")
        elif scheme != "https":
            self.add(line, col, "LINK-HTTPS", f"link must use https: {url}", f"use {https}")

    def route(self, line: int, col: int, path: str) -> None:
        registry = self.registry
        if registry.route_matches(path):
            return
        normalized = path.rstrip("/") or "/"
        routes = registry.route_paths
        near = [route for route in sorted(routes) if _near(normalized, route)]
        if near:
            hint = f"closest registered route: {near[0]} ({_hint_name(registry, routes[near[0]])})"
        else:
            name = route_name(normalized)
            hint = (f"if the page exists, register it in hooks/registry.yml under console.routes: "
                    f"{name}: {{path: {normalized}, title: {{zh: …, en: …}}}} and link [文字][{name}]")
        self.add(line, col, "LINK-ROUTE", f"console path {path} is not a registered route", hint)

    def chat(self, line: int, col: int, path: str, query: str) -> None:
        registry = self.registry
        hint = _hint_name(registry, "assistant")
        expected_path = urlsplit(registry.assistant_base).path
        if path != expected_path:
            self.add(line, col, "LINK-CONTACT", f"chat link path {path or '/'} differs from the registered {expected_path}", hint)
            return
        found: dict[str, str] = {}
        for key, value in parse_qsl(query, keep_blank_values=True):
            if key in found:
                self.add(line, col, "LINK-CONTACT", f"chat link gives the parameter {key} twice", hint)
            found.setdefault(key, value)
        missing = [key for key in registry.assistant_params if key not in found]
        if missing:
            self.add(line, col, "LINK-CONTACT", f"chat link lacks the parameter(s) {', '.join(missing)}", hint)
        for key, value in registry.assistant_params.items():
            if key in found and found[key] != value:
                self.add(line, col, "LINK-CONTACT",
                         f"chat link parameter {key}={found[key]!r} differs from the registered {value!r}", hint)
        extra = [key for key in found if key not in registry.assistant_params]
        if extra:
            self.add(line, col, "LINK-CONTACT", f"chat link has unregistered parameter(s) {', '.join(extra)}", hint)

    def references(self, lines: list[str]) -> None:
        defined = {name.lower() for name in self.registry.links}
        for line in lines:
            match = REF_DEF_RE.match(line)
            if match:
                defined.add(match.group("name").strip().lower())
        names = list(self.registry.links)
        for number, line in enumerate(lines, 1):
            if "][" not in line:
                continue
            for match in REF_USE_RE.finditer(line):
                name = (match.group("name") or match.group("text")).strip()
                if not name or name.lower() in defined or line[match.end():match.end() + 1] == ":":
                    continue
                closest = _closest(name, names)
                hint = f"did you mean [{closest}]?" if closest else "registered names: " + ", ".join(names)
                self.add(number, match.start() + 1, "LINK-REF", f"unknown link name [{name}]", hint)

    def contacts(self, lines: list[str]) -> None:
        """Phone numbers, QQ numbers and e-mail addresses: each must be a registered contact."""
        registry = self.registry
        qq = set(registry.qq)
        emails = registry.email_addresses
        for number, line in enumerate(lines, 1):
            if "-" in line:
                for match in PHONE_RE.finditer(line):
                    col = match.start() + 1
                    if self.in_url(number, col):
                        continue  # tel: and other URLs are checked as links
                    if digits_of(match.group(0)) not in registry.phone_digits:
                        self.add(number, col, "LINK-PHONE", f"phone number {match.group(0)} is not a registered contact",
                                 register_hint("phones", match.group(0)))
            if "q" in line or "Q" in line:
                for match in QQ_RE.finditer(line):
                    if match.group("number") not in qq:
                        self.add(number, match.start("number") + 1, "LINK-QQ",
                                 f"QQ number {match.group('number')} is not a registered contact",
                                 register_hint("qq", match.group("number")))
            if "@" in line:
                for offset, address in email_addresses(line):
                    if not self.in_url(number, offset + 1) and address.lower() not in emails:
                        self.add(number, offset + 1, "LINK-EMAIL", f"e-mail address {address} is not a registered contact",
                                 register_hint("emails", address))

    def in_url(self, line: int, col: int) -> bool:
        return any(n == line and first <= col < last for n, first, last in self.url_spans)


def contact_lines(text: str) -> list[str]:
    """The prose lines, with inline code that holds only a contact shown again (readers see it)."""
    result = scan(text)
    lines = list(result.prose)
    for index, start, end in result.inline_code:
        inner = result.lines[index][start:end].strip("` ")
        if inner and (PHONE_RE.fullmatch(inner) or QQ_RE.fullmatch(inner) or
                      next(iter(email_addresses(inner)), (0, ""))[1] == inner):
            line = lines[index]
            lines[index] = line[:start] + result.lines[index][start:end] + line[end:]
    return lines


def iter_images(lines: list[str]) -> set[tuple[int, int]]:
    """(line, column) of every image URL: `![alt](url)` and `<img src>`."""
    found: set[tuple[int, int]] = set()
    for number, line in enumerate(lines, 1):
        if "![" in line:
            for match in IMAGE_RE.finditer(line):
                url = match.group("url")
                if url:
                    found.add((number, match.start("url") + 1))
        if "<img" in line.lower():
            for tag in IMG_TAG_RE.finditer(line):
                for attr in HTML_URL_ATTR_RE.finditer(tag.group("attrs")):
                    group = next(g for g in ("dq", "sq", "uq") if attr.group(g) is not None)
                    found.add((number, tag.start("attrs") + attr.start(group) + 1))
    return found


def check_links(text: str, path: str, registry: Registry) -> list[Finding]:
    """All link findings of one Markdown source, in line order."""
    lines = prose_lines(text)
    checker = _LinkChecker(path, registry)
    checker.images = iter_images(lines)
    for line, col, url in iter_urls(lines):
        checker.url(line, col, url)
    checker.references(lines)
    checker.contacts(contact_lines(text))
    return sorted(set(checker.findings))
