"""Heading ids from heading text, one implementation for the page extension and `make import` (pure module).

`heading_id(text, taken)`: the heading's words (pinyin for Chinese, through pypinyin; Latin words as they
are), lower-cased, joined by `-`, at most `limit` characters, starting with a letter (`section-…` else), and
not one of `taken` (`-2`, `-3`… added), which it joins. `会员怎么关联？` → `hui-yuan-zen-me-guan-lian`.

pypinyin takes a fifth of a second to load its phrase tables, more than a small site's pages cost, so the
words of each Chinese heading are kept in the user's cache folder (user_cache.py), per pypinyin version, and
pypinyin is loaded only for a heading not seen before. A heading in ASCII needs no pypinyin at all.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import re
from importlib import metadata
from pathlib import Path

from ..user_cache import cache_folder

WORD_RE = re.compile(r"[A-Za-z0-9]+")  # an ASCII word of a heading's text or its pinyin
KEPT_WORD_RE = re.compile(r"[a-z0-9]+")
MOST_KEPT = 100_000  # headings kept; a larger guide computes the rest each run


def _pinyin_words(text: str) -> list[str]:
    from pypinyin import lazy_pinyin  # its dictionaries load on first use

    words: list[str] = []
    for part in lazy_pinyin(text, errors=lambda chars: chars):  # what is not Chinese, as it is
        words.extend(word.lower() for word in WORD_RE.findall(part))
    return words


class KnownWords:
    """Heading text -> its words, read from and (at exit) merged into one JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.words: dict[str, list[str]] = self._read() if path else {}
        self.new: dict[str, list[str]] = {}

    def _read(self) -> dict[str, list[str]]:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {  # only what a slug could have come from: a tampered file cannot put markup into an id
            text: words
            for text, words in data.items()
            if isinstance(text, str)
            and isinstance(words, list)
            and all(isinstance(word, str) and KEPT_WORD_RE.fullmatch(word) for word in words)
        }

    def add(self, text: str, words: list[str]) -> None:
        if len(self.words) < MOST_KEPT and text not in self.words:
            self.words[text] = words
            self.new[text] = words

    def save(self) -> None:
        if self.path is None or not self.new:
            return
        try:
            merged = {**self._read(), **self.new}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(merged, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self.path)
            self.new = {}
        except OSError:
            pass  # a read-only home: the next run loads pypinyin again


@functools.cache
def known_words() -> KnownWords:
    folder = cache_folder()
    try:
        version = metadata.version("pypinyin")
    except metadata.PackageNotFoundError:
        version = "unknown"
    known = KnownWords(folder / f"heading-words-pypinyin-{version}.json" if folder else None)
    atexit.register(known.save)
    return known


def slug_words(text: str) -> list[str]:
    """ASCII words of a heading: pinyin for Chinese, the Latin words as they are."""
    if text.isascii():
        return [word.lower() for word in WORD_RE.findall(text)]
    known = known_words()
    words = known.words.get(text)
    if words is None:
        words = _pinyin_words(text)
        known.add(text, words)
    return list(words)


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
