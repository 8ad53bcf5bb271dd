"""Heading ids from heading text, one implementation for the page extension and `make import` (pure module).

`heading_id(text, taken)`: the heading's words (pinyin for Chinese, through pypinyin; Latin words as they
are), lower-cased, joined by `-`, at most `limit` characters, starting with a letter (`section-…` else), and
not one of `taken` (`-2`, `-3`… added), which it joins. `会员怎么关联？` → `hui-yuan-zen-me-guan-lian`.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[A-Za-z0-9]+")  # an ASCII word of a heading's text or its pinyin


def slug_words(text: str) -> list[str]:
    """ASCII words of a heading: pinyin for Chinese, the Latin words as they are."""
    from pypinyin import lazy_pinyin  # its dictionaries load on first use

    words: list[str] = []
    for part in lazy_pinyin(text, errors=lambda chars: chars):  # what is not Chinese, as it is
        words.extend(word.lower() for word in WORD_RE.findall(part))
    return words


def heading_id(text: str, taken: set[str], limit: int = 48) -> str:
    """A stable ASCII id for a heading, not in `taken` (which it joins)."""
    ident = ""
    for word in slug_words(text):
        candidate = f"{ident}-{word}" if ident else word
        if len(candidate) > limit:
            break
        ident = candidate
    if not ident or not ident[0].isalpha():
        ident = f"section-{ident}" if ident else "section"
    unique = ident
    number = 2
    while unique in taken:
        unique = f"{ident}-{number}"
        number += 1
    taken.add(unique)
    return unique
