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

The rule reads the rendered page (checks/tree.py): every URL attribute of
every element (Markdown links, images and autolinks, raw HTML alike), the
page's own reference definitions, and the text readers see (contacts, and
`[text][name]` left as text because nobody defines `name`). Each issue is
placed where its URL or text is written in the source. Tencent's `(id:x)`
anchors are hygiene's (HYG-ID-TENCENT), not URLs.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

from ..registry import Registry, digits_of
from .findings import AT, Issue
from .tree import PageTree

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background", "cite")
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
        domain = line[position + 1 : end].rstrip(".-")
        labels = domain.split(".")
        if start < position and len(labels) >= 2 and all(labels) and labels[-1].isalpha() and len(labels[-1]) >= 2:
            yield start, line[start : position + 1 + len(domain)]
        position = line.find("@", end)


def _hint_name(registry: Registry, name: str) -> str:
    return f"use [{registry.links[name].title['zh']}][{name}]"


def _closest(word: str, candidates: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.5)
    return matches[0] if matches else None


class _LinkChecker:
    def __init__(self, path: str, registry: Registry):
        self.path = path
        self.registry = registry
        self.issues: list[Issue] = []
        self.needles: tuple[str, ...] = ()  # how the URL being judged may be written in the source
        self.image = False  # whether it is an image's address
        self.assistant_host = urlsplit(registry.assistant_base).hostname or ""
        self.allowed = {
            registry.console_host,
            self.assistant_host,
            *DOCS_HOSTS,
            *(urlsplit(link.url).hostname or "" for link in registry.docs.values()),
            *(h.lower() for h in registry.allowed_hosts),
        }

    def add(self, rule: str, message: str, hint: str = "") -> None:
        self.issues.append(Issue(rule, message, self.needles, hint))

    def judge(self, raw: str, needles: tuple[str, ...], image: bool = False) -> int:
        """Judge one URL; the number of issues it had."""
        before, self.needles, self.image = len(self.issues), needles, image
        self.url(raw)
        return len(self.issues) - before

    def url(self, raw: str) -> None:
        url = raw.strip()
        compact = STRIP_RE.sub("", url).lower()
        match = SCHEME_RE.match(compact)
        scheme = match.group("scheme") if match else ""
        if scheme in DANGEROUS_SCHEMES:
            self.add(
                "LINK-SCHEME",
                f"{scheme}: URL is not allowed",
                "link to a page, or to a registered short name such as [通知公告][announce]",
            )
        elif scheme == "id":
            return  # Tencent's (id:x) anchor: HYG-ID-TENCENT says what to write
        elif scheme == "tel":
            self.tel(url)
        elif scheme == "mailto":
            self.mailto(url)
        elif scheme in ("http", "https") or (not scheme and compact.startswith("//")):
            self.web(url, scheme)
        elif scheme and not re.match(r"^[a-z]:[\\/]", compact):
            self.add("LINK-SCHEME", f"{scheme}: URL is not allowed", "use an https:// link")

    def tel(self, url: str) -> None:
        expected = self.registry.mail["tel"]
        if not TEL_RE.match(url):
            self.add(
                "LINK-TEL",
                f"malformed tel: link {url!r}",
                f"write tel:+<country><area><number>,<extension>, e.g. {expected}",
            )
        elif not self.registry.registered_tel(url):
            self.add("LINK-TEL", f"{url} is not the registered phone number", f"use {expected}")

    def mailto(self, url: str) -> None:
        address = url.split(":", 1)[1].split("?", 1)[0]
        if not EMAIL_RE.match(address):
            self.add("LINK-MAILTO", f"malformed mailto: link {url!r}", "write mailto:name@example.com")
        elif address.lower() not in self.registry.email_addresses:
            self.add(
                "LINK-MAILTO",
                f"{address} is not a registered contact address",
                "contact partners through [渠道小助手][assistant], or register the address in hooks/registry.yml",
            )

    def web(self, url: str, scheme: str) -> None:
        registry = self.registry
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").rstrip(".")
        except ValueError:
            self.add("LINK-HOST", f"malformed URL {url!r}", "check the address")
            return
        if not host:
            self.add("LINK-HOST", f"URL without a host {url!r}", "check the address")
            return
        path = parts.path or "/"
        https = url if scheme == "https" else "https:" + url[len(scheme) + 1 if scheme else 0 :]
        if self.image:
            assets = (
                posixpath.relpath("docs/assets", posixpath.dirname(self.path))
                if self.path.startswith("docs/")
                else "assets"
            )
            self.add(
                "LINK-IMAGE",
                f"image loads from {host} when the page opens",
                f"copy it into docs/assets/ and link it from there: ![…]({assets}/{posixpath.basename(path)})",
            )
            return
        if host == registry.console_host or host in registry.legacy_hosts:
            canonical = f"https://{registry.console_host}{path}"
            if scheme != "https":
                self.add("LINK-HTTPS", f"console link must use https: {url}", f"use {canonical}")
            if host in registry.legacy_hosts:
                self.add("LINK-LEGACY-HOST", f"legacy console host {host}", f"use {canonical}")
            self.route(path)
        elif host == self.assistant_host:
            if scheme != "https":
                self.add("LINK-HTTPS", f"chat link must use https: {url}", _hint_name(registry, "assistant"))
            self.chat(parts.path, parts.query)
        elif host not in self.allowed:
            self.add(
                "LINK-HOST",
                f"host {host} is not on the allowlist",
                "link to a registered short name, or have a maintainer add the host "
                "to allowed_hosts in hooks/registry.yml",
            )
        elif scheme != "https":
            self.add("LINK-HTTPS", f"link must use https: {url}", f"use {https}")

    def route(self, path: str) -> None:
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
            hint = (
                f"if the page exists, register it in hooks/registry.yml under console.routes: "
                f"{name}: {{path: {normalized}, title: {{zh: …, en: …}}}} and link [文字][{name}]"
            )
        self.add("LINK-ROUTE", f"console path {path} is not a registered route", hint)

    def chat(self, path: str, query: str) -> None:
        registry = self.registry
        hint = _hint_name(registry, "assistant")
        expected_path = urlsplit(registry.assistant_base).path
        if path != expected_path:
            self.add("LINK-CONTACT", f"chat link path {path or '/'} differs from the registered {expected_path}", hint)
            return
        found: dict[str, str] = {}
        for key, value in parse_qsl(query, keep_blank_values=True):
            if key in found:
                self.add("LINK-CONTACT", f"chat link gives the parameter {key} twice", hint)
            found.setdefault(key, value)
        missing = [key for key in registry.assistant_params if key not in found]
        if missing:
            self.add("LINK-CONTACT", f"chat link lacks the parameter(s) {', '.join(missing)}", hint)
        for key, value in registry.assistant_params.items():
            if key in found and found[key] != value:
                self.add(
                    "LINK-CONTACT",
                    f"chat link parameter {key}={found[key]!r} differs from the registered {value!r}",
                    hint,
                )
        extra = [key for key in found if key not in registry.assistant_params]
        if extra:
            self.add("LINK-CONTACT", f"chat link has unregistered parameter(s) {', '.join(extra)}", hint)

    def references(self, text: str) -> None:
        """`[text][name]` that the renderer left as text: nobody defines `name`."""
        if "][" not in text:
            return
        names = list(self.registry.links)
        for match in REF_USE_RE.finditer(text):
            name = (match.group("name") or match.group("text")).strip()
            if not name or text[match.end() : match.end() + 1] == ":":
                continue
            closest = _closest(name, names)
            hint = f"did you mean [{closest}]?" if closest else "registered names: " + ", ".join(names)
            self.issues.append(Issue("LINK-REF", f"unknown link name [{name}]", (match.group(0),), hint))

    def contacts(self, text: str) -> None:
        """Phone numbers, QQ numbers and e-mail addresses: each must be a registered contact."""
        registry = self.registry
        if "-" in text:
            for match in PHONE_RE.finditer(text):
                if digits_of(match.group(0)) not in registry.phone_digits:
                    self.issues.append(
                        Issue(
                            "LINK-PHONE",
                            f"phone number {match.group(0)} is not a registered contact",
                            (match.group(0),),
                            register_hint("phones", match.group(0)),
                        )
                    )
        if "q" in text or "Q" in text:
            for match in QQ_RE.finditer(text):
                if match.group("number") not in set(registry.qq):
                    message = f"QQ number {match.group('number')} is not a registered contact"
                    self.issues.append(
                        Issue(
                            "LINK-QQ",
                            message,
                            (match.group(0),),
                            register_hint("qq", match.group("number")),
                            shift=match.start("number") - match.start(),
                        )
                    )
        if "@" in text:
            for _, address in email_addresses(text):
                if address.lower() not in registry.email_addresses:
                    self.issues.append(
                        Issue(
                            "LINK-EMAIL",
                            f"e-mail address {address} is not a registered contact",
                            (address,),
                            register_hint("emails", address),
                        )
                    )


def _is_contact(text: str) -> bool:
    """Inline code holding only a phone number, QQ number or address: readers see it like any text."""
    text = text.strip()
    return bool(text) and bool(
        PHONE_RE.fullmatch(text) or QQ_RE.fullmatch(text) or next(iter(email_addresses(text)), (0, ""))[1] == text
    )


def _written(value: str, name: str = "href") -> tuple[str, ...]:
    """How a URL may be written in the source, delimited first (a URL may begin another, longer one)."""
    forms = (value, value.replace("&", "&amp;"))
    delimited = tuple(
        f"{a}{AT}{form}{b}"
        for form in forms
        for a, b in (("(", ")"), ("<", ">"), ('"', '"'), ("'", "'"), ("(", " "), (": ", "\n"))
    )
    attribute = (f'{name}="{AT}{value}', f"{name}='{AT}{value}", f"{name}={AT}{value}")
    autolink = (f"<{AT}{value[7:]}>",) if value.lower().startswith("mailto:") else ()
    return tuple(dict.fromkeys((*attribute, *delimited, *autolink, *forms, value[:40])))


def link_issues(tree: PageTree) -> tuple[list[Issue], frozenset[tuple[int, str]]]:
    """(every link issue of the rendered page in document order, the (element, attribute) addresses judged
    wrong, which the HTML boundary does not report again as SAFE-URL)."""
    checker = _LinkChecker(tree.path, tree.registry)
    judged: set[tuple[int, str]] = set()
    seen: set[str] = set()
    for node in tree.elements():
        attributes = node.attributes
        for name in URL_ATTRIBUTES:
            value = attributes.get(name)
            if value is None:
                continue
            seen.add(value)
            if checker.judge(value, _written(value, name), image=node.tag == "img" and name in ("src", "srcset")):
                judged.add((node.mem_id, name))
    for url in tree.notes.definitions.values():
        if url not in seen:
            checker.judge(url, _written(url))  # defined, never used: no link on the page, still a URL written
    for parent, text in tree.texts(in_code=True):
        in_code = parent is not None and parent.tag in ("code", "kbd", "samp")
        if in_code:
            if _is_contact(text):
                checker.contacts(text)
            continue
        checker.references(text)
        if (
            parent is not None
            and parent.tag == "a"
            and (parent.attributes.get("href") or "").lower().endswith(":" + text.strip().lower())
        ):
            continue  # an autolink's text is its own address, judged as the URL
        checker.contacts(text)
    return checker.issues, frozenset(judged)
