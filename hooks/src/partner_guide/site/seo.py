"""What search engines read (pure module; hooks/seo.py wires it).

- `faq_jsonld(html, lang)` turns a page's questions (the `<h2 id=…>`
  headings that end in ? or ？, or Chinese ones with a question word:
  `is_question`) and their answers (the text up to the next h2) into schema.org FAQPage JSON-LD, in the
  page's language; the hook
  stores it as `page.meta["faq_jsonld"]` and overrides/main.html puts it in
  `<head>`. Baidu and Google both read JSON-LD.
- `robots_txt(site_url)`: robots.txt, pointing at the sitemap (with
  hreflang) built from `site_url`.
- A pull request's preview (`is_preview`: mkdocs.yml's `extra.preview`, set
  by SITE_PREVIEW) is public but never for search engines: its pages say
  noindex (overrides/main.html), carry no canonical link, and
  `drop_search_engine_files` removes the sitemaps and robots.txt.

The head's hreflang links are made absolute by compat/material.py.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from typing import Any

from .csp import script_json

H2_RE = re.compile(
    r'<h2 id="(?P<id>[^"]+)"[^>]*>'  # a heading with its id (all questions have one)
    r"(?P<title>.*?)</h2>",  # its inner HTML, permalink included
    re.S,
)
PERMALINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)  # the ¶ after each heading
# Diagram source and its pre-drawn SVG (site/diagram_frames.py) are not answer text.
DIAGRAM_RE = re.compile(r'<pre class="mermaid">.*?</pre>|<template class="diagram__svg">.*?</template>', re.S)
TAG_RE = re.compile(r"<[^<>]+>")  # a tag; not across another `<` (each unclosed `<` would rescan the page)
BLOCK_END_RE = re.compile(r"</(p|li|h[1-6]|tr|div|pre|blockquote|dd|dt)>|<br\s*/?>", re.I)  # ends a line
SPACE_RE = re.compile(r"[ \t\r\f\v]+")
QUESTION_END = ("?", "？")
# Words that make a Chinese heading a question without its ？ (Tencent's pages often leave it out):
# `哪些账号不支持关联成为渠道合作伙伴客户`.
ZH_QUESTION_WORDS = (
    "哪",
    "什么",
    "如何",
    "怎么",
    "怎样",
    "为什么",
    "为何",
    "是否",
    "能否",
    "可否",
    "多少",
    "多久",
    "何时",
    "谁",
    "吗",
    "呢",
)


def is_question(heading: str) -> bool:
    """A heading that asks: it ends with ? or ？, or it is Chinese and has a question word."""
    text = heading.strip()
    return text.endswith(QUESTION_END) or (
        any("\u4e00" <= char <= "\u9fff" for char in text) and any(word in text for word in ZH_QUESTION_WORDS)
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
        if not is_question(question):
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
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for _, q, a in items
        ],
    }
    return script_json(data)


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


# What points search engines at a site; a preview has none of them.
SEARCH_ENGINE_FILES = ("robots.txt", "sitemap.xml", "sitemap.xml.gz")


def is_preview(extra: Any) -> bool:
    """True for a pull request's preview build (mkdocs.yml `extra.preview`, from SITE_PREVIEW)."""
    value = extra.get("preview") if hasattr(extra, "get") else None
    return value not in (None, False, 0, "", "0", "false", "False", "no")


def drop_search_engine_files(site: Path) -> list[Path]:
    """Remove every sitemap and robots.txt from the built site (any folder); the files removed."""
    removed = sorted(path for name in SEARCH_ENGINE_FILES for path in site.rglob(name) if path.is_file())
    for path in removed:
        path.unlink()
    return removed
