"""The Content-Security-Policy of every page (pure module; hooks/safety.py calls it last in `on_post_page`).

`with_csp(html)` hashes every inline script of a finished page that the
theme put there and a browser would run, and puts the policy as
`<meta http-equiv="Content-Security-Policy">` right after `<meta charset>`
(a policy applies only to what comes after it). A script inside the page's
`<article>` (the writers' content) is never hashed: the sanitizer lets none
through, and one that got there anyway must not run. The same policy, with
`frame-ancestors 'none'` (which a `<meta>` cannot carry: Chromium logs an
error), is the header of the README's COS/CDN publishing: `site_header(pages)`
computes it from the built site (`guide-csp site/`), with the hashes of every
page (Material's first script differs with the page's depth, ours with the
language).

- scripts: the site's own files ('self') and the theme's inline scripts by
  sha256, never 'unsafe-inline', so an injected inline script or event
  handler does not run even if it got past the sanitizer;
- styles: 'self' and 'unsafe-inline': Material and the pre-drawn diagrams
  set inline styles, and a style cannot run code;
- images: 'self' and data: (Material's icons are data: SVGs in its CSS:
  without data:, /hot/refund/ logs five violations);
- connect/worker: 'self' (search index, search worker, sitemap for the
  language switch; a search engine served from the site fits too);
- object-src 'none', base-uri 'self', form-action 'none'.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Script types a browser runs (HTML "classic" or "module"); JSON and JSON-LD are data.
EXECUTABLE_TYPES = frozenset(
    {
        "",
        "module",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "text/ecmascript",
        "application/x-javascript",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
    }
)
HEAD_RE = re.compile(r"<head\b[^<>]*>", re.I)  # the <head> start tag
CHARSET_RE = re.compile(r'<meta charset="[^"<>]*">', re.I)  # Material's first element in <head>
META_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"<>]*">')  # ours, from an earlier pass

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + hashes
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
)
HEADER_ONLY = (("frame-ancestors", "'none'"),)


def script_json(data: object) -> str:
    """JSON to place inside a <script> element: `<`, `>` and `&` as \\u escapes, so that neither `</script>`
    nor `<!--<script>` (which makes the browser read the rest of the page as script) can appear in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _in_content(node: LexborNode) -> bool:
    """Inside the page's <article>: the writers' content, never the theme's."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.parent
    return False


def inline_script_hashes(html: str) -> list[str]:
    """The sha256 source expressions of the theme's executable inline scripts, in order, unique.

    A script inside the page's `<article>` (the writers' content) is never
    hashed: the sanitizer lets none through, and one that got there anyway
    must not run.
    """
    tree = LexborHTMLParser(html)
    hashes: list[str] = []
    for script in tree.css("script"):
        if _in_content(script):
            continue
        attributes = script.attributes
        if "src" in attributes:
            continue
        kind = (attributes.get("type") or "").strip().lower()
        if kind not in EXECUTABLE_TYPES:
            continue
        digest = script_hash(script.text(deep=True) or "")
        if digest not in hashes:
            hashes.append(digest)
    return hashes


def policy(hashes: list[str], header: bool = False) -> str:
    """The policy with these script hashes; as an HTTP header, with what only a header may carry."""
    parts = []
    for name, value in (*DIRECTIVES, *(HEADER_ONLY if header else ())):
        if name == "script-src" and hashes:
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def with_csp(html: str) -> str:
    """The page with its policy right after <meta charset> (replacing one put there by an earlier pass)."""
    html = META_RE.sub("", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    charset = CHARSET_RE.search(html)
    if charset:
        return html[: charset.end()] + meta + html[charset.end() :]
    head = HEAD_RE.search(html)
    if head:
        return html[: head.end()] + meta + html[head.end() :]
    return meta + html


def site_header(pages: list[str]) -> str:
    """The header value for a whole built site: every page's inline script hashes."""
    hashes: list[str] = []
    for html in pages:
        for digest in inline_script_hashes(html):
            if digest not in hashes:
                hashes.append(digest)
    return policy(sorted(hashes), header=True)
