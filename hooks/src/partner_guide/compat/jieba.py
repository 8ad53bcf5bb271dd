"""A site-sized jieba dictionary for Chinese search (jieba's internals).

Material segments every page's Chinese text with jieba for the search index.
jieba's first `cut` loads its whole dictionary (349,046 words): about 0.6 s,
half of the build of this site. Segmenting a text only ever consults the
dictionary words that occur in that text, plus the sum of all frequencies
(`total`), which weighs long words against short ones. So `use_site_dictionary`
hands jieba just the words that occur as substrings of the site's sources,
with their original frequencies, and one placeholder entry (a private-use
character no page contains) that carries the remaining frequency, so `total`
is unchanged. jieba then segments every page exactly as with the full
dictionary (tests/unit/compat/test_jieba.py proves it on the real pages), in
a fraction of the time.

Upstream behaviour relied on: jieba 0.42.1's `Tokenizer` keeps its prefix
dictionary in `FREQ`/`total`, builds it with `gen_pfdict(file)`, and skips
loading its own dictionary when `initialized` is set
(https://github.com/fxsjy/jieba/blob/v0.42.1/jieba/__init__.py, `initialize`).
Material's search plugin then adds the user dictionary on top.
"""

from __future__ import annotations

import functools
import io
import os
import re
from pathlib import Path
from typing import Iterable

from ..ui import all_text

WRITTEN_FOR = {"jieba": ("0.42.1",)}

# One run of CJK ideographs (basic block, extension A, compatibility block).
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Longest substring collected per position; longer dictionary words are
# matched against the runs directly.
MAX_WORD = 12
# The frequency field of a dictionary line ("word freq tag"); words have no spaces.
FREQUENCY = re.compile(r" (\d+)")
# Carries the frequency of every dropped word, so jieba's `total` is unchanged.
PLACEHOLDER = "\ue000"



def site_runs(texts: Iterable[str]) -> set[str]:
    """Every distinct run of Chinese characters in the given texts."""
    runs: set[str] = set()
    for text in texts:
        runs.update(CJK_RUN.findall(text))
    return runs


def prune_dictionary(dict_text: str, total: int, runs: set[str]) -> bytes:
    """The lines of `dict_text` whose word occurs in `runs`, plus the placeholder.

    Returns a dictionary file's bytes in jieba's format ("word freq [tag]").
    """
    if not runs:
        return f"{PLACEHOLDER} {max(total, 1)}\n".encode()
    substrings = {run[i:j] for run in runs
                  for i in range(len(run)) for j in range(i + 1, min(len(run), i + MAX_WORD) + 1)}
    first_chars = "".join(sorted({s[0] for s in substrings}))
    # Only lines whose word starts with a character of the site can match.
    candidates = re.findall(f"^[{re.escape(first_chars)}][^\n]*", dict_text, re.M)
    kept_lines: list[str] = []
    kept = 0
    for line in candidates:
        word, _, rest = line.partition(" ")
        if word in substrings or (len(word) > MAX_WORD and any(word in run for run in runs)):
            kept_lines.append(line)
            kept += int(rest.split(" ", 1)[0])
    kept_lines.append(f"{PLACEHOLDER} {max(total - kept, 1)}")
    return ("\n".join(kept_lines) + "\n").encode("utf-8")


@functools.lru_cache(maxsize=2)
def _dictionary(path: str, mtime_ns: int) -> tuple[str, int]:
    """jieba's dictionary text and the sum of its frequencies (per file version)."""
    text = Path(path).read_text(encoding="utf-8")
    return text, sum(map(int, FREQUENCY.findall(text)))


def _markdown_files(docs_dir: str) -> list[str]:
    return sorted(os.path.join(root, name) for root, _dirs, names in os.walk(docs_dir)
                  for name in names if name.endswith(".md"))


def _source_texts(docs_dir: str, config_file: str) -> Iterable[str]:
    # The strings templates and hooks add to pages (admonition titles, the
    # contact block) are segmented too.
    yield all_text("zh")
    for path in [config_file, *_markdown_files(docs_dir)]:
        yield Path(path).read_text(encoding="utf-8", errors="replace")


def _fingerprint(docs_dir: str, config_file: str) -> tuple:
    stats = [(path, st.st_mtime_ns, st.st_size)
             for path in [config_file, *_markdown_files(docs_dir)] for st in [os.stat(path)]]
    return (docs_dir, tuple(stats))


_state: dict[str, object] = {}


def use_site_dictionary(docs_dir: str, config_file: str) -> None:
    """Give jieba the site-sized dictionary (no-op when jieba is not installed).

    The i18n plugin runs `on_config` once per language, and `mkdocs serve` on
    every rebuild: prune again only when a source file changed.
    """
    try:
        import jieba
    except ImportError:  # Material will not segment either; tests catch this.
        return
    fingerprint = _fingerprint(docs_dir, config_file)
    if _state.get("fingerprint") == fingerprint and jieba.dt.initialized:
        return
    dict_path = Path(jieba.__file__).with_name("dict.txt")
    dict_text, total = _dictionary(str(dict_path), dict_path.stat().st_mtime_ns)
    pruned = prune_dictionary(dict_text, total, site_runs(_source_texts(docs_dir, config_file)))
    tokenizer = jieba.dt
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(pruned))
        tokenizer.initialized = True
    _state["fingerprint"] = fingerprint
