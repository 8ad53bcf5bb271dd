"""What search engines read (events: `on_page_content`, `on_post_page`, `on_post_build`).

- `on_page_content`: `faq_jsonld(html, lang)` turns a page's questions (the
  `<h2 id=…>` headings that end in ? or ？) and their answers (the text up to
  the next h2) into schema.org FAQPage JSON-LD, in the page's language; it is
  stored as `page.meta["faq_jsonld"]` and overrides/main.html puts it in
  `<head>`. Baidu and Google both read JSON-LD.
- `on_post_page`: `absolute_hreflang(html, page_url)` makes the
  `<link rel="alternate" hreflang>` of the head absolute: search engines
  ignore relative hreflang URLs, and mkdocs-static-i18n writes them relative.
  The language switch in the header keeps its relative links.
- `on_post_build`: `robots_txt(site_url)` writes robots.txt, pointing at the
  sitemap (with hreflang) built from `site_url`.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

H2_RE = re.compile(
    r'<h2 id="(?P<id>[^"]+)"[^>]*>'  # a heading with its id (all questions have one)
    r"(?P<title>.*?)</h2>",  # its inner HTML, permalink included
    re.S,
)
PERMALINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)  # the ¶ after each heading
# Diagram source and its pre-drawn SVG (hooks/diagram_a11y.py) are not answer text.
DIAGRAM_RE = re.compile(r'<pre class="mermaid">.*?</pre>|<template class="diagram__svg">.*?</template>', re.S)
TAG_RE = re.compile(r"<[^>]+>")
BLOCK_END_RE = re.compile(r"</(p|li|h[1-6]|tr|div|pre|blockquote|dd|dt)>|<br\s*/?>", re.I)  # ends a line
SPACE_RE = re.compile(r"[ \t\r\f\v]+")
QUESTION_END = ("?", "？")
ALTERNATE_RE = re.compile(
    r'(<link rel="alternate" href=")(?P<href>[^"]*)(" hreflang="[^"]+"\s*/?>)'  # Material's head links
)


def text_of(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per block, whitespace collapsed."""
    fragment = PERMALINK_RE.sub("", DIAGRAM_RE.sub("", fragment))
    text = htmllib.unescape(TAG_RE.sub("", BLOCK_END_RE.sub("\n", fragment)))
    lines = (SPACE_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def questions(html: str) -> list[tuple[str, str, str]]:
    """(id, question, answer text) for every question heading of a page's content."""
    found = []
    headings = list(H2_RE.finditer(html))
    for index, match in enumerate(headings):
        question = text_of(match.group("title"))
        if not question.endswith(QUESTION_END):
            continue
        end = headings[index + 1].start() if index + 1 < len(headings) else len(html)
        answer = text_of(html[match.end() : end])
        if answer:
            found.append((match.group("id"), question, answer))
    return found


def faq_jsonld(html: str, lang: str) -> str | None:
    """schema.org FAQPage JSON-LD for the page's questions, or None if it has none."""
    items = questions(html)
    if not items:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": lang,
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}}
            for _, q, a in items
        ],
    }
    # `<\/` keeps a `</script>` inside an answer from closing the script element.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def absolute_hreflang(html: str, page_url: str) -> str:
    head, sep, body = html.partition("</head>")
    head = ALTERNATE_RE.sub(lambda m: m.group(1) + urljoin(page_url, m.group("href")) + m.group(3), head)
    return head + sep + body


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def _language(config: MkDocsConfig) -> str:
    return str((config.theme.get("language") if config.theme else None) or "zh")[:2]


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    data = faq_jsonld(html, _language(config))
    if data:
        page.meta["faq_jsonld"] = data
    return html


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    if not config.site_url:
        return output
    return absolute_hreflang(output, urljoin(config.site_url, page.url))


def on_post_build(*, config: MkDocsConfig) -> None:
    if config.site_url:
        Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
