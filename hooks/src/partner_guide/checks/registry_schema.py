"""The schema of hooks/registry.yml (pure module; `registry.load_registry` runs it).

`check_registry(text, path)` loads the registry with the strict loader (no
anchors, aliases, tags or duplicate keys) and returns the data and one
finding per wrong value, each at its line and column:

- REG-NAME    a short name that is not a plain identifier (lower-case
              letters, digits and -, starting with a letter): names are
              written into pages as [text][name];
- REG-URL     a URL that is not https, or whose host is not allowed
              (TRUSTED_DOMAINS and their subdomains; docs and contacts also
              only on the registry's own hosts), or that carries user info,
              a port, a fragment, spaces or control characters;
- REG-PATH    a console route path that is not a plain absolute path, or a
              route pattern (`route_patterns`) that is not one with `<n>`
              for a number (/partnersmgmt/announce/<n>);
- REG-TEXT    a title or contact text with a line break, a control
              character or HTML, or too long;
- REG-CONTACT a contact value that is not of its kind (tel:, e-mail, QQ
              number, phone number);
- REG-SHAPE   a missing section or key (`REQUIRED`: at the entry's line), or a
              value of the wrong type;
- YAML-*      see strict_yaml.py.

Contacts are open: any kind (assistant, mail, and later phone numbers, QQ
numbers, e-mail addresses) is an identifier mapping to fields, and each
field is checked by its name: `url` (https on an allowed host), `params`
(query parameters), `tel`, `email`/`mailto`, `qq`, `phone`, `title`
({zh, en}), and any other field is one line of plain text. The lists of
other contacts a page may show (`CONTACT_LISTS`: `phones`, `qq`, `emails`)
are typed by their name the same way: every item a phone number, a QQ
number, an e-mail address.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .. import strict_yaml
from ..languages import LANGS
from .findings import Finding

# The registry may only point at Tencent's own domains: a pull request
# cannot add a look-alike host, however the registry is edited.
TRUSTED_DOMAINS = ("tencent.com", "qq.com", "qcloud.com", "tencentcloud.com")


NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")  # a short name: announce, doc-refund-rules
PARAM_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")
PARAM_VALUE_RE = re.compile(r"^[A-Za-z0-9._\-]{0,100}$")
PATH_RE = re.compile(r"^/[A-Za-z0-9._~\-/]{0,200}$")  # /partners/announce
ROUTE_PATTERN_RE = re.compile(r"^(?:/(?:[A-Za-z0-9_\-]{1,60}|<n>)){1,20}$")  # /partnersmgmt/announce/<n>
HOST_RE = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
URL_CHARS_RE = re.compile(r"^[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%\-]+$")  # RFC 3986 characters only
TEL_RE = re.compile(r"^tel:\+\d{6,15}(?:[,;p]\d{1,6})?$")  # E.164, optional pause + extension
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,200}\.[A-Za-z]{2,24}$")
QQ_RE = re.compile(r"^[1-9][0-9]{4,11}$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9\- ]{4,30}[0-9]$")
# contacts.<list>: the kind of every item (the contacts a page may show besides the named ones).
CONTACT_LISTS = {"phones": "phone", "qq": "qq", "emails": "email"}
# A contact field's kind (its name, or the end of it: office_phone) -> (pattern, example).
KINDS = {
    "tel": (TEL_RE, "tel:+8675586013388,75727"),
    "email": (EMAIL_RE, "name@tencent.com"),
    "mailto": (EMAIL_RE, "name@tencent.com"),
    "qq": (QQ_RE, "2852062166"),
    "phone": (PHONE_RE, "0755-86013388"),
}
TEXT_BAD_RE = re.compile(r"[\x00-\x1f\x7f-\x9f<>\u2028\u2029]")
TEXT_LIMIT = 200
# The keys the site reads from an entry (registry.parse_registry): missing, each is a REG-SHAPE at the entry.
REQUIRED = {
    ("console",): ("host", "routes"),
    ("contacts",): ("assistant", "mail"),
    ("contacts", "assistant"): ("url", "params", "title"),
    ("contacts", "mail"): ("address", "address_en", "recipient", "recipient_en", "phone", "tel"),
}


def trusted(host: str) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in TRUSTED_DOMAINS)


class _Checker:
    def __init__(self, loaded: strict_yaml.Loaded, source: str):
        self.loaded = loaded
        self.source = source
        self.problems: list[Finding] = []

    def add(self, path: strict_yaml.Path, rule: str, message: str, hint: str = "") -> None:
        line, col = self.loaded.where(path)
        self.problems.append(Finding(self.source, line, col, rule, f"{_dotted(path)}: {message}", hint))

    def mapping(self, value: Any, path: strict_yaml.Path, required: bool = True) -> dict[Any, Any]:
        if isinstance(value, dict):
            return value
        if value is not None or required:
            self.add(path, "REG-SHAPE", "expected a mapping")
        return {}

    def names(self, mapping: dict[Any, Any], path: strict_yaml.Path) -> None:
        for name in mapping:
            if not isinstance(name, str) or not NAME_RE.match(name):
                self.add(
                    (*path, name),
                    "REG-NAME",
                    f"{str(name)[:40]!r} is not a short name",
                    "lower-case letters, digits and -, starting with a letter, e.g. doc-refund-rules",
                )

    def text(self, value: Any, path: strict_yaml.Path, limit: int = TEXT_LIMIT) -> None:
        if not isinstance(value, str) or not value.strip():
            self.add(path, "REG-SHAPE", "expected non-empty text")
        elif TEXT_BAD_RE.search(value):
            self.add(path, "REG-TEXT", "contains a line break, a control character or HTML", "one line of plain text")
        elif len(value) > limit:
            self.add(path, "REG-TEXT", f"is {len(value)} characters, over {limit}")

    def title(self, value: Any, path: strict_yaml.Path) -> None:
        title = self.mapping(value, path)
        for lang in LANGS:
            self.text(title.get(lang), (*path, lang), 60)
        for extra in set(title) - set(LANGS):
            self.add((*path, extra), "REG-SHAPE", f"unknown language {extra!r}", "titles have zh and en")

    def url(self, value: Any, path: strict_yaml.Path, hosts: set[str] | None = None) -> str:
        if not isinstance(value, str):
            self.add(path, "REG-SHAPE", "expected a URL")
            return ""
        if not URL_CHARS_RE.match(value):
            self.add(path, "REG-URL", "contains spaces, control characters or other characters a URL may not have")
            return ""
        try:
            parts = urlsplit(value)
            port = parts.port
        except ValueError:
            self.add(path, "REG-URL", "is not a URL")
            return ""
        host = (parts.hostname or "").lower()
        if parts.scheme != "https":
            self.add(path, "REG-URL", f"must be https, not {parts.scheme or 'relative'}", "write https://…")
        elif parts.username is not None or port is not None or parts.fragment or "\\" in value:
            self.add(path, "REG-URL", "must not carry a user, a port or a fragment")
        elif not trusted(host):
            self.add(
                path,
                "REG-URL",
                f"host {host} is not one of Tencent's domains",
                "allowed: " + ", ".join(TRUSTED_DOMAINS) + " and their subdomains",
            )
        elif hosts is not None and host not in hosts:
            self.add(path, "REG-URL", f"host {host} is not in allowed_hosts", "add it to allowed_hosts first")
        return host

    def host(self, value: Any, path: strict_yaml.Path) -> str:
        if not isinstance(value, str) or not HOST_RE.match(value):
            self.add(path, "REG-URL", f"{str(value)[:60]!r} is not a host name", "e.g. cloud.tencent.com")
            return ""
        if not trusted(value):
            self.add(
                path,
                "REG-URL",
                f"host {value} is not one of Tencent's domains",
                "allowed: " + ", ".join(TRUSTED_DOMAINS) + " and their subdomains",
            )
        return value

    def contact_field(self, field: str, value: Any, path: strict_yaml.Path) -> None:
        if field == "url":
            self.url(value, path)
        elif field == "title":
            self.title(value, path)
        elif field == "params":
            for key, param in self.mapping(value, path).items():
                if not isinstance(key, str) or not PARAM_KEY_RE.match(key):
                    self.add((*path, key), "REG-NAME", f"parameter {str(key)[:40]!r} is not a plain name")
                if param is not None and (isinstance(param, (dict, list)) or not PARAM_VALUE_RE.match(str(param))):
                    self.add((*path, key), "REG-CONTACT", "a parameter value is letters, digits, . _ and - only")
        elif field in KINDS or field.endswith(tuple(f"_{kind}" for kind in KINDS)):
            self.contact_values(field.rsplit("_", 1)[-1], value, path)
        else:
            self.text(value, path)

    def contact_values(self, kind: str, value: Any, path: strict_yaml.Path) -> None:
        """One contact value of `kind`, or a list of them."""
        pattern, example = KINDS[kind]
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            where = (*path, index) if isinstance(value, list) else path
            text = "" if item is None or isinstance(item, (dict, list)) else str(item)
            if not pattern.match(text):
                self.add(where, "REG-CONTACT", f"{text[:40]!r} is not a valid {kind}", f"e.g. {example}")

    def contact(self, name: Any, entry: Any) -> None:
        path = ("contacts", name)
        if name in CONTACT_LISTS:
            if not isinstance(entry, list) and entry is not None:
                self.add(path, "REG-SHAPE", "expected a list", f'e.g. {name}: ["{KINDS[CONTACT_LISTS[name]][1]}"]')
            else:
                self.contact_values(CONTACT_LISTS[name], entry or [], path)
            return
        for field, value in self.mapping(entry, path).items():
            if not isinstance(field, str) or not PARAM_KEY_RE.match(field):
                self.add((*path, field), "REG-NAME", f"field {str(field)[:40]!r} is not a plain name")
                continue
            self.contact_field(field, value, (*path, field))

    def route_patterns(self, value: Any, path: strict_yaml.Path) -> None:
        if not isinstance(value, list) and value is not None:
            self.add(path, "REG-SHAPE", "expected a list", "e.g. route_patterns: [/partnersmgmt/announce/<n>]")
            return
        for index, pattern in enumerate(value or []):
            if not isinstance(pattern, str) or not ROUTE_PATTERN_RE.match(pattern):
                self.add(
                    (*path, index),
                    "REG-PATH",
                    f"{str(pattern)[:60]!r} is not a path pattern",
                    "a plain path with <n> for a number, e.g. /partnersmgmt/announce/<n>",
                )


def check_registry(text: str, source: str) -> tuple[list[Finding], Any]:
    """(findings, data): data is None when the file is refused before its values are read."""
    loaded = strict_yaml.load(text)
    if loaded.problems:
        return [Finding(source, p.line, p.col, p.rule, p.message, p.hint) for p in loaded.problems], None
    checker = _Checker(loaded, source)
    data = checker.mapping(loaded.value, ())
    allowed = {checker.host(h, ("allowed_hosts", i)) for i, h in enumerate(data.get("allowed_hosts") or [])}
    console = checker.mapping(data.get("console"), ("console",))
    console_host = checker.host(console.get("host"), ("console", "host"))
    for index, legacy in enumerate(console.get("legacy_hosts") or []):
        checker.host(legacy, ("console", "legacy_hosts", index))
    routes = checker.mapping(console.get("routes"), ("console", "routes"))
    checker.names(routes, ("console", "routes"))
    for name, entry in routes.items():
        entry = checker.mapping(entry, ("console", "routes", name))
        path = entry.get("path")
        if not isinstance(path, str) or not PATH_RE.match(path):
            checker.add(
                ("console", "routes", name, "path"),
                "REG-PATH",
                f"{str(path)[:60]!r} is not a plain path",
                "e.g. /partners/announce",
            )
        checker.title(entry.get("title"), ("console", "routes", name, "title"))
    checker.route_patterns(console.get("route_patterns"), ("console", "route_patterns"))
    docs = checker.mapping(data.get("docs"), ("docs",))
    checker.names(docs, ("docs",))
    for name, entry in docs.items():
        entry = checker.mapping(entry, ("docs", name))
        checker.url(entry.get("url"), ("docs", name, "url"), allowed | {console_host})
        checker.title(entry.get("title"), ("docs", name, "title"))
    contacts = checker.mapping(data.get("contacts"), ("contacts",))
    checker.names(contacts, ("contacts",))
    for name, entry in contacts.items():
        checker.contact(name, entry)
    for path, keys in REQUIRED.items():
        entry = data
        for part in path:
            entry = entry.get(part) if isinstance(entry, dict) else None
        for key in keys if isinstance(entry, dict) else ():
            if key not in entry:
                checker.add(path, "REG-SHAPE", f"missing {key!r}", f"add `{key}:` to {_dotted(path)}")
    for unknown in set(data) - {"console", "docs", "contacts", "allowed_hosts"}:
        checker.add((unknown,), "REG-SHAPE", f"unknown section {unknown!r}")
    short = [*routes, *docs, *contacts]
    for name in sorted({n for n in short if short.count(n) > 1}):
        checker.add(
            ("docs", name) if name in docs else ("contacts", name),
            "REG-NAME",
            f"short name {name!r} is used by two sections",
            "give each link its own name",
        )
    return sorted(checker.problems), data


def _dotted(path: strict_yaml.Path) -> str:
    return ".".join(str(p) if PARAM_KEY_RE.match(str(p).replace("-", "_")) else repr(p) for p in path) or "registry"
