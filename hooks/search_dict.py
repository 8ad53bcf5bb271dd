"""A site-sized jieba dictionary for Chinese search (event: `on_config`, early).

Material segments every page's Chinese text with jieba for the search index.
jieba's first `cut` loads its whole dictionary (349,046 words): about 0.6 s,
half of the build of this site. Segmenting a text only ever consults the
dictionary words that occur in that text, plus the sum of all frequencies
(`total`), which weighs long words against short ones. So this hook hands
jieba just the words that occur as substrings of the site's sources, with
their original frequencies, and one placeholder entry (a private-use
character no page contains) that carries the remaining frequency, so `total`
is unchanged. jieba then segments every page exactly as with the full
dictionary (tests/test_search_dict.py proves it on the real pages), in a
fraction of the time.

It runs before Material's search plugin (priority 100), whose `on_config`
then adds the user dictionary (`search.jieba_dict_user`) on top. A site that
sets `search.jieba_dict` keeps its own dictionary untouched.
"""

from __future__ import annotations

import functools
import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# One run of CJK ideographs (basic block, extension A, compatibility block).
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Longest substring collected per position; longer dictionary words are
# matched against the runs directly.
MAX_WORD = 12
# The frequency field of a dictionary line ("word freq tag"); words have no spaces.
FREQUENCY = re.compile(r" (\d+)")
# Carries the frequency of every dropped word, so jieba's `total` is unchanged.
PLACEHOLDER = "\ue000"

# Strings the templates and hooks add to pages that are not in any source
# file (localized admonition titles); they are segmented too.
INJECTED_TEXT = "说明 提示 注意 警告 重要 没找到答案 可联系 在线咨询"


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


def _source_texts(config: MkDocsConfig) -> Iterable[str]:
    yield INJECTED_TEXT
    yield Path(config.config_file_path).read_text(encoding="utf-8")
    for root, _dirs, names in os.walk(config.docs_dir):
        for name in names:
            if name.endswith(".md"):
                yield Path(root, name).read_text(encoding="utf-8")


def _fingerprint(config: MkDocsConfig) -> tuple:
    stats = []
    for root, _dirs, names in os.walk(config.docs_dir):
        for name in names:
            if name.endswith(".md"):
                st = os.stat(os.path.join(root, name))
                stats.append((root, name, st.st_mtime_ns, st.st_size))
    st = os.stat(config.config_file_path)
    return (config.docs_dir, st.st_mtime_ns, tuple(sorted(stats)))


_state: dict[str, object] = {}


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return None
    # Material opens the user dictionary relative to the working directory;
    # make it relative to mkdocs.yml, so `mkdocs build -f path/mkdocs.yml` works.
    user_dict = getattr(search.config, "jieba_dict_user", None)
    if user_dict and not os.path.isabs(user_dict):
        search.config.jieba_dict_user = os.path.join(os.path.dirname(config.config_file_path), user_dict)
    if getattr(search.config, "jieba_dict", None):
        return None
    try:
        import jieba
    except ImportError:  # Material will not segment either; tests catch this.
        return None

    # The i18n plugin runs on_config once per language, and `mkdocs serve` on
    # every rebuild: prune again only when a source file changed.
    fingerprint = _fingerprint(config)
    if _state.get("fingerprint") == fingerprint and jieba.dt.initialized:
        return None

    dict_path = Path(jieba.__file__).with_name("dict.txt")
    dict_text, total = _dictionary(str(dict_path), dict_path.stat().st_mtime_ns)
    pruned = prune_dictionary(dict_text, total, site_runs(_source_texts(config)))

    tokenizer = jieba.dt
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(pruned))
        tokenizer.initialized = True
    # Material's user dictionary and any word added before are re-added by
    # the search plugin's on_config, which runs after this one.
    _state["fingerprint"] = fingerprint
    return None
