"""What differs between the two editions' built pages (pure module; hooks/editions.py).

- `edition_base`: the relative path from a page to its edition's root, which
  the English pages get as Material's `config.base` (compat/material.py), so
  search and its result links stay in the edition.
- 404: mkdocs-static-i18n writes the root `404.html` in the language built
  last. `place_404` puts the English 404 at `en/404.html` and keeps the
  Chinese one (built first) at the root.
- One error document for every edition: a static host (COS's "error
  document", GitHub Pages) serves the root `404.html` for any missing path,
  `/en/…` included. `combine_404` inserts every other edition's 404 body into
  the root one, as an inert `<template data-edition="/en/" data-lang="en"
  data-title="…">` right before the edition script (EDITION_SCRIPT, loaded
  once in `<head>` and once at the end of `<body>`, before Material's
  bundle): in the browser it swaps in the template whose prefix starts the
  requested path, so the English reader gets the English page, header,
  navigation and search settings without a request or a redirect.
"""

from __future__ import annotations

import html as htmllib
import posixpath
import re
from pathlib import Path

from ..languages import DEFAULT_LANG


def edition_base(page_url: str, lang: str) -> str:
    """Relative path from a page URL (`en/hot/rebate/`) to its edition root (`..`)."""
    page_dir = page_url.rstrip("/") or "."
    return posixpath.relpath(lang, page_dir) if page_dir != "." else lang


def place_404(output: str, site: Path, lang: str) -> str:
    """Write a non-default edition's 404 to `<lang>/404.html`; what the root 404 keeps."""
    if lang == DEFAULT_LANG:
        return output
    target = site / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    root_404 = site / "404.html"
    return root_404.read_text(encoding="utf-8") if root_404.is_file() else output


EDITION_SCRIPT = "edition-404.js"
BODY_OPEN = re.compile(r"<body\b[^>]*>")  # the body start tag (Material gives it attributes)
TITLE = re.compile(r"<title>(?P<title>.*?)</title>", re.S)
HTML_LANG = re.compile(r'<html\b[^>]*\blang="(?P<lang>[^"]*)"')
SCRIPT_TAG = re.compile(r'<script src="[^"]*' + re.escape(EDITION_SCRIPT) + r'"></script>')
TEMPLATE_OPEN = "<template data-edition="


class MissingEditionScript(ValueError):
    """A 404 page without the edition script in its <head> and at the end of its <body>."""


def _body_end(page: str) -> int:
    """Where the end-of-body edition script starts (the body's own content ends there)."""
    tags = list(SCRIPT_TAG.finditer(page))
    if len(tags) < 2:
        raise MissingEditionScript(f"a 404 page needs <script src=…/{EDITION_SCRIPT}> in <head> and in <body>")
    return tags[-1].start()


def edition_template(page: str, prefix: str) -> str:
    """An edition's rendered 404 page as an inert template: its body up to the edition script."""
    body = BODY_OPEN.search(page)
    if body is None:
        raise MissingEditionScript("a 404 page without <body>")
    title, lang = TITLE.search(page), HTML_LANG.search(page)
    attrs = {
        "data-edition": prefix,
        "data-lang": lang.group("lang") if lang else "",
        "data-title": htmllib.unescape(title.group("title")).strip() if title else "",
    }
    rendered = " ".join(f'{name}="{htmllib.escape(value, quote=True)}"' for name, value in attrs.items())
    return f"<template {rendered}>{page[body.end() : _body_end(page)]}</template>\n"


def combine_404(root: str, editions: dict[str, str]) -> str:
    """The root 404 page with each other edition's 404 (path prefix -> page) inserted as a template."""
    if TEMPLATE_OPEN in root:
        return root  # already combined (an unchanged root 404 of an earlier build)
    at = _body_end(root)
    return root[:at] + "".join(edition_template(page, prefix) for prefix, page in sorted(editions.items())) + root[at:]


def edition_prefixes(site_path: str, langs: list[str], default: str = DEFAULT_LANG) -> dict[str, str]:
    """Language -> the root-absolute path prefix of its edition, for every non-default language."""
    root = "/" + site_path.strip("/") + "/" if site_path.strip("/") else "/"
    return {lang: f"{root}{lang}/" for lang in langs if lang != default}


def write_single_404(site: Path, site_path: str, langs: list[str], default: str = DEFAULT_LANG) -> None:
    """Make the built root 404.html the error document of every edition (`combine_404`)."""
    root = site / "404.html"
    editions = {
        prefix: (site / lang / "404.html").read_text(encoding="utf-8")
        for lang, prefix in edition_prefixes(site_path, langs, default).items()
        if (site / lang / "404.html").is_file()
    }
    root.write_text(combine_404(root.read_text(encoding="utf-8"), editions), encoding="utf-8")
