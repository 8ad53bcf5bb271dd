"""Unsafe raw HTML (pure module).

Python-Markdown passes raw HTML through untouched, so a pull request could
bring a script onto every reader's page. `check_safety(text, path, registry)`
reports, outside code fences and inline code:

- SAFE-TAG    a raw <script>, <iframe>, <style>, <object> or <embed> element
              (also <frame>, <frameset>, <applet>, <base>, <meta>, <link>:
              they load code, restyle or redirect the page)
- SAFE-EVENT  an on*= event-handler attribute (onclick, onerror, …) in any tag

URLs in attributes (javascript: and the like) are `links.py`'s concern.
"""

from __future__ import annotations

import re

from ..registry import Registry
from .findings import Finding
from .scan import Positions, prose_lines

UNSAFE_TAG_RE = re.compile(
    r"<\s*(?P<tag>script|iframe|style|object|embed"  # the tags the issue names, and
    r"|frame|frameset|applet|base|meta|link)"  # others that load code or redirect the page
    r"(?=[\s/>]|$)",  # followed by whitespace, />, > or the end of the line
    re.I,
)
TAG_RE = re.compile(
    r"<[A-Za-z][A-Za-z0-9:\-]*"  # `<` and a tag name
    r"(?P<attrs>(?:\s+[^<>]*)?)>?",  # its attributes, possibly over several lines, up to `>`
)
EVENT_ATTR_RE = re.compile(
    r"(?:^|[\s\"'/])"  # attribute boundary (whitespace, a quote, or /)
    r"(?P<attr>on[a-z]+)"  # an event-handler name such as onclick
    r"\s*=",  # followed by `=`
    re.I,
)


def check_safety(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    """Unsafe tags and event-handler attributes, in line order."""
    lines = prose_lines(text)
    joined = "\n".join(lines)
    if "<" not in joined:
        return []
    where = Positions(lines)
    findings: list[Finding] = []
    for match in UNSAFE_TAG_RE.finditer(joined):
        line, col = where(match.start())
        tag = match.group("tag").lower()
        findings.append(Finding(path, line, col, "SAFE-TAG", f"raw <{tag}> is not allowed",
                                "remove it; embed content through a registered link or a mermaid diagram"))
    for tag in TAG_RE.finditer(joined):
        attrs = tag.group("attrs")
        if "on" not in attrs.lower():
            continue
        for match in EVENT_ATTR_RE.finditer(attrs):
            line, col = where(tag.start("attrs") + match.start("attr"))
            findings.append(Finding(path, line, col, "SAFE-EVENT",
                                    f"event-handler attribute {match.group('attr')}= is not allowed",
                                    "remove the attribute; pages carry no scripts"))
    return sorted(set(findings))
