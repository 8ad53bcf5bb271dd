"""One search index per edition (pure module; hooks/search.py writes them).

mkdocs-static-i18n writes ONE search index for both languages, so English
readers would get Chinese results. After the last language is built,
`split_search_index` makes `search/search_index.json` hold the Chinese
documents only and `en/search/search_index.json` the English ones, with
locations relative to that edition's root (Material loads the index from
`config.base`, which compat/material.py's `rebase_config` points at `/en/`
on the English pages).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..languages import DEFAULT_LANG

# Index settings per edition. English gets Material's English defaults: stop
# words out, no stemmer. Material adds a trailing wildcard to query terms and
# lunr does not stem wildcard terms, so with a stemmer "assessment*" misses
# the indexed "assess" (measured in the browser: rebate, assessment, binding,
# policy found nothing). Chinese keeps what the search plugin configured
# (jieba has already segmented the text at build time).
EDITION_SEARCH_CONFIG: dict[str, dict[str, Any]] = {
    "en": {"lang": ["en"], "pipeline": ["stopWordFilter"]},
}
INDEX = Path("search") / "search_index.json"


def edition_of(location: str, languages: list[str], default: str = DEFAULT_LANG) -> str:
    """The language of a search-index location such as `en/hot/rebate/#x`."""
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_search_index(index: dict[str, Any], languages: list[str],
                       default: str = DEFAULT_LANG) -> dict[str, dict[str, Any]]:
    """One search index per language; locations relative to that edition's root."""
    out: dict[str, dict[str, Any]] = {}
    for lang in languages:
        config = {**index.get("config", {}), **EDITION_SEARCH_CONFIG.get(lang, {})}
        docs = []
        for doc in index.get("docs", []):
            if edition_of(doc["location"], languages, default) != lang:
                continue
            doc = dict(doc)
            if lang != default:
                doc["location"] = doc["location"][len(lang) + 1:]
            docs.append(doc)
        out[lang] = {"config": config, "docs": docs}
    return out


def write_edition_indexes(site: Path, languages: list[str], default: str) -> dict[str, int]:
    """Split the built site's index into one per edition; documents per language."""
    index_path = site / INDEX
    if len(languages) < 2 or not index_path.is_file():
        return {}
    index = json.loads(index_path.read_text(encoding="utf-8"))
    counts = {}
    for lang, part in split_search_index(index, languages, default).items():
        path = index_path if lang == default else site / lang / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(part["docs"])
    return counts
