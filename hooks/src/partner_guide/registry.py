"""The link registry: loading, validating and serving `hooks/registry.yml`.

Pure module, no MkDocs event. The hooks and the templates read the registry
through `load_registry()`, which parses the file once per content version
(keyed on its modification time and size), so neither a per-language rebuild
nor a `mkdocs serve` rebuild re-reads an unchanged file, while an edited one
is picked up on the next rebuild.

The file is read with the strict loader and checked against its schema
(checks/registry_schema.py: https URLs on Tencent's domains only, plain
short names, no control characters, no duplicate keys, no aliases). A broken
registry raises `RegistryError` with one `path:line:col: RULE-ID` line per
problem; the hook adapters turn that into a `PluginError`, because no page
can be checked against a broken registry.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from . import REPO_ROOT
from .checks.findings import format_finding
from .checks.registry_schema import check_registry
from .languages import LANGS


def registry_path(site_root: Path) -> Path:
    """The registry of the site whose mkdocs.yml is in `site_root`."""
    return site_root / "hooks" / "registry.yml"


REGISTRY_PATH = registry_path(REPO_ROOT)
TEL_URL_RE = re.compile(r"^tel:\+?[0-9][0-9 ,;p\-]{0,40}$")  # digits, a pause and an extension, nothing else


class RegistryError(Exception):
    """The registry file is missing, not YAML, or has a malformed entry."""


@dataclass(frozen=True)
class Link:
    """A registered link target that writers reach by its short name."""

    name: str
    url: str
    title: dict[str, str]


@dataclass(frozen=True)
class Registry:
    console_host: str
    legacy_hosts: tuple[str, ...]
    routes: dict[str, Link]  # short name -> console link
    docs: dict[str, Link]  # short name -> documentation link
    assistant: Link
    assistant_base: str  # the chat URL without its query
    assistant_params: dict[str, str]
    mail: dict[str, str]
    allowed_hosts: tuple[str, ...]
    # Console paths with a number in them, e.g. /partnersmgmt/announce/<n>
    # (checked, but not short names: a link needs the number).
    route_patterns: tuple[str, ...] = ()
    # Other contacts a page may show, exactly as written there.
    phones: tuple[str, ...] = ()
    qq: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()

    # Derived once per registry (the checks ask for them for every link).
    @functools.cached_property
    def links(self) -> dict[str, Link]:
        """Every short name writers may use, with its target."""
        return {**self.routes, **self.docs, self.assistant.name: self.assistant}

    @functools.cached_property
    def route_paths(self) -> dict[str, str]:
        """Registered console path -> short name."""
        return {link_path(link.url, self.console_host): name for name, link in self.routes.items()}

    def route_matches(self, path: str) -> bool:
        """A registered route or route pattern (`<n>` is a number) covers this console path."""
        path = path.rstrip("/") or "/"
        if path in self.route_paths:
            return True
        parts = path.split("/")
        for pattern in self.route_patterns:
            wanted = pattern.split("/")
            if len(wanted) == len(parts) and all(w == p or (w == "<n>" and p.isascii() and p.isdigit()) for w, p in zip(wanted, parts)):
                return True
        return False

    @functools.cached_property
    def phone_digits(self) -> frozenset[str]:
        """The digits of every registered phone number (the mailing contact's included)."""
        return frozenset(digits_of(number) for number in (self.mail["phone"], *self.phones))

    def registered_tel(self, url: str) -> bool:
        """A `tel:` link to a registered phone number (the same digits, +86 read as the trunk 0)."""
        return TEL_URL_RE.match(url) is not None and digits_of(url[4:]) in self.phone_digits

    @functools.cached_property
    def email_addresses(self) -> frozenset[str]:
        """Every registered e-mail address, lower-cased (the mailing contact's fields and `emails`)."""
        mail = (value for key, value in self.mail.items() if "@" in value and key != "address")
        return frozenset(address.lower() for address in (*mail, *self.emails))

    def reference_definitions(self) -> str:
        """Markdown reference definitions for every short name, one a line."""
        return "\n".join(f"[{name}]: {link.url}" for name, link in self.links.items())

    def as_template_data(self) -> dict[str, Any]:
        """What the templates in `overrides/` read (contacts and titles)."""
        return {
            "assistant": {"url": self.assistant.url, "title": self.assistant.title},
            "mail": dict(self.mail),
        }


def digits_of(number: str) -> str:
    """A phone number's digits, the country code +86 written as the trunk prefix 0."""
    digits = "".join(c for c in number if c.isdigit())
    return "0" + digits[2:] if number.lstrip().startswith("+86") else digits


def link_path(url: str, host: str) -> str:
    return url.split(host, 1)[1] or "/"


def _require(mapping: Any, key: str, where: str, source: str, kind: type = str) -> Any:
    if not isinstance(mapping, dict) or key not in mapping:
        raise RegistryError(f"{source}: {where}: missing '{key}'")
    value = mapping[key]
    if not isinstance(value, kind) or (kind is str and isinstance(value, str) and not value.strip()):
        raise RegistryError(f"{source}: {where}.{key}: expected a non-empty {kind.__name__}")
    return value


def _title(entry: Any, where: str, source: str) -> dict[str, str]:
    title = _require(entry, "title", where, source, dict)
    for lang in LANGS:
        _require(title, lang, f"{where}.title", source)
    return {lang: title[lang] for lang in LANGS}


def _links(section: dict[Any, Any], where: str, source: str, key: str, prefix: str,
           url_of: Callable[[str], str]) -> dict[str, Link]:
    """The short names of one section: each entry's `key` must start with `prefix`."""
    links: dict[str, Link] = {}
    for name, entry in section.items():
        at = f"{where}.{name}"
        value = _require(entry, key, at, source)
        if not value.startswith(prefix):
            raise RegistryError(f"{source}: {at}.{key}: must start with {prefix!r}, got {value!r}")
        links[str(name)] = Link(str(name), url_of(value), _title(entry, at, source))
    return links


def parse_registry(data: Any, source: str = str(REGISTRY_PATH)) -> Registry:
    """Validate the parsed YAML and build a `Registry`, or raise `RegistryError`."""
    if not isinstance(data, dict):
        raise RegistryError(f"{source}: expected a mapping at the top level")

    console = _require(data, "console", "registry", source, dict)
    host = _require(console, "host", "console", source)
    legacy = tuple(console.get("legacy_hosts") or ())
    routes = _links(_require(console, "routes", "console", source, dict), "console.routes", source,
                    "path", "/", lambda path: f"https://{host}{path}")
    docs = _links(_require(data, "docs", "registry", source, dict), "docs", source,
                  "url", "https://", lambda url: url)

    contacts = _require(data, "contacts", "registry", source, dict)
    chat = _require(contacts, "assistant", "contacts", source, dict)
    base = _require(chat, "url", "contacts.assistant", source)
    params = {str(k): "" if v is None else str(v)
              for k, v in _require(chat, "params", "contacts.assistant", source, dict).items()}
    assistant = Link("assistant", f"{base}?{urlencode(params)}",
                     _title(chat, "contacts.assistant", source))
    mail_entry = _require(contacts, "mail", "contacts", source, dict)
    mail = {key: _require(mail_entry, key, "contacts.mail", source)
            for key in ("address", "address_en", "recipient", "recipient_en", "phone", "tel")}

    names = [*routes, *docs, "assistant"]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise RegistryError(f"{source}: short name used twice: {', '.join(duplicates)}")

    allowed = tuple(str(h) for h in data.get("allowed_hosts") or ())
    # Checked by the schema (registry_schema.py: route_patterns, CONTACT_LISTS), which load_registry runs first.
    patterns, phones, qq, emails = (tuple(str(value) for value in section.get(key) or ())
                                    for section, key in ((console, "route_patterns"), (contacts, "phones"),
                                                         (contacts, "qq"), (contacts, "emails")))
    return Registry(host, legacy, routes, docs, assistant, base, params, mail, allowed, patterns, phones, qq, emails)


_CACHE: dict[tuple[str, int, int], Registry] = {}


def _display(path: Path) -> str:
    """The registry's path as findings show it: relative to its site (hooks/registry.yml)."""
    site = path.resolve().parent.parent
    try:
        return path.resolve().relative_to(site).as_posix()
    except ValueError:
        return path.as_posix()


def load_registry(path: str | os.PathLike[str] = REGISTRY_PATH) -> Registry:
    """Parse the registry file, once per version of its content."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as error:
        raise RegistryError(f"{path}: cannot read the link registry ({error.strerror})") from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise RegistryError(f"{path}: cannot read the link registry as UTF-8 ({error})") from None
        findings, data = check_registry(text, _display(path))
        if findings:
            raise RegistryError("\n".join(format_finding(finding) for finding in findings))
        _CACHE.clear()  # keep only the current version
        _CACHE[key] = parse_registry(data, str(path))
    return _CACHE[key]
