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
            if len(wanted) == len(parts) and all(
                w == p or (w == "<n>" and p.isascii() and p.isdigit()) for w, p in zip(wanted, parts, strict=False)
            ):
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


def _title(entry: dict[str, Any]) -> dict[str, str]:
    return {lang: str(entry["title"][lang]) for lang in LANGS}


def parse_registry(data: Any) -> Registry:
    """The `Registry` of data that passed its schema (checks/registry_schema.py: every key the site reads is
    there, of its kind, each short name once), which `load_registry` checks first."""
    console, contacts = data["console"], data["contacts"]
    host = str(console["host"])
    routes = {
        str(name): Link(str(name), f"https://{host}{entry['path']}", _title(entry))
        for name, entry in console["routes"].items()
    }
    docs = {str(name): Link(str(name), str(entry["url"]), _title(entry)) for name, entry in data["docs"].items()}
    chat = contacts["assistant"]
    params = {str(k): "" if v is None else str(v) for k, v in chat["params"].items()}
    assistant = Link("assistant", f"{chat['url']}?{urlencode(params)}", _title(chat))
    mail = {
        key: str(contacts["mail"][key])
        for key in ("address", "address_en", "recipient", "recipient_en", "phone", "tel")
    }
    patterns, phones, qq, emails = (
        tuple(str(value) for value in section.get(key) or ())
        for section, key in ((console, "route_patterns"), (contacts, "phones"), (contacts, "qq"), (contacts, "emails"))
    )
    return Registry(
        host,
        tuple(console.get("legacy_hosts") or ()),
        routes,
        docs,
        assistant,
        str(chat["url"]),
        params,
        mail,
        tuple(str(h) for h in data.get("allowed_hosts") or ()),
        patterns,
        phones,
        qq,
        emails,
    )


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
        _CACHE[key] = parse_registry(data)
    return _CACHE[key]
