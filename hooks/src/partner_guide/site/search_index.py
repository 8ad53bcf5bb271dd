"""One edition's search index as small files the worker fetches on demand (pure module).

The site step (site/step.py `write_search`) reads each edition's pages from
the built folder (`built_search_pages`: each page's `<article>`, see
search_sections.py) and writes their index with `write_indexes`.

Material's bundle fetches `search/search_index.json` on every page load and
hands it to the search worker. Here that file carries only configuration (a
few hundred bytes); the worker (`partner-search.js`) fetches the files below
on the first query, and of those only the ones the query needs:

    search/search_index.json  config: where the files are, how many of each,
                              question words, synonyms, Material's separator
    search/<v>/lex.json       traditional -> simplified, page starts, pinyin syllables
    search/<v>/t/<i>.json     key -> [document delta, impact, …]: postings
    search/<v>/d/<i>.json     documents [page, URL or anchor, title, text], DOCS_PER_FILE each
    search/<v>/p/<i>.json     "fan yong" -> site bigrams that sound so (Chinese)
    search/<v>/y/<i>.json     character -> toneless readings (Chinese)
    search/<v>/x/<i>.json     English words by their one-deletion variants (typos)

`<v>` is a hash of the files' content, so they can be cached forever. A key
lands in file `fnv1a(key) % count` of its space (the worker hashes alike),
with `count` a power of two that keeps a file near FILE_TARGET bytes, so a
query reads a handful of small files however large the guide grows.

Scores are BM25 impacts computed here (a question's heading counts
TITLE_WEIGHT times its body), plus the key's whole weight when the heading
holds it: a BM25 impact stays below that weight, so a question that asks
about a word ranks above any answer that only mentions it. Each key keeps
only its IMPACT_CAP best documents: what one query downloads and holds
stays bounded.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..languages import DEFAULT_LANG
from . import search_tables
from . import search_text as text
from .built import SEARCH_EXCLUDED, built_pages
from .search_sections import Section, page_sections

TITLE_WEIGHT = 3
K1, B = 1.2, 0.5  # BM25 saturation and length normalisation
IMPACT_CAP = 300
FILE_TARGET = 12_000  # bytes of JSON per key file, before compression
DOCS_PER_FILE = 24


@dataclass(frozen=True)
class Page:
    url: str  # relative to the edition's root: "hot/rebate/"
    sections: Sequence[Section]  # the page's own section first


@dataclass(frozen=True)
class Doc:
    page: int  # the page's own document, -1 for a page's own
    where: str  # the page's URL for a page, the question's anchor otherwise
    title: str
    text: str


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over the key's code points (partner-search.js has the same)."""
    value = 0x811C9DC5
    for char in key:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def spread(entries: Mapping[str, object], space: str) -> tuple[int, dict[str, bytes]]:
    """The entries hashed into a power-of-two number of files of about FILE_TARGET bytes."""
    encoded = {key: _json(key) + b":" + _json(value) for key, value in entries.items()}
    count = 1
    while sum(map(len, encoded.values())) / count > FILE_TARGET:
        count *= 2
    files: list[list[bytes]] = [[] for _ in range(count)]
    for key in sorted(encoded):
        files[fnv1a(key) % count].append(encoded[key])
    return count, {f"{space}/{i}.json": b"{" + b",".join(entries) + b"}" for i, entries in enumerate(files)}


def documents(pages: Iterable[Page]) -> list[Doc]:
    docs: list[Doc] = []
    for page in pages:
        own = len(docs)
        first, *questions = page.sections
        docs.append(Doc(-1, page.url, first.title, first.text))
        docs.extend(Doc(own, q.anchor, q.title, q.text) for q in questions)
    return docs


def postings(docs: Sequence[Doc], table: dict[int, str], stop: frozenset[str]) -> dict[str, list[int]]:
    """Key -> [document delta, impact, …] for its IMPACT_CAP best documents, in document order."""
    ids: dict[str, list[int]] = defaultdict(list)
    frequencies: dict[str, list[int]] = defaultdict(list)
    lengths = []
    headings: list[frozenset[str]] = []
    for number, doc in enumerate(docs):
        counts = Counter(text.keys(text.normalise(doc.text, table)))
        headings.append(frozenset(text.keys(text.normalise(doc.title, table))))
        for key in headings[-1]:
            counts[key] += TITLE_WEIGHT
        for word in stop & counts.keys():
            del counts[word]
        lengths.append(sum(counts.values()))
        for key, frequency in counts.items():
            ids[key].append(number)
            frequencies[key].append(frequency)
    average = sum(lengths) / len(lengths) if lengths else 1.0
    norms = [K1 * (1 - B + B * length / average) for length in lengths]
    out = {}
    for key, found in ids.items():
        weight = 10 * (K1 + 1) * math.log(1 + (len(docs) - len(found) + 0.5) / (len(found) + 0.5))
        pairs = [
            (d, max(1, int(weight * (f / (f + norms[d]) + (key in headings[d])) + 0.5)))
            for d, f in zip(found, frequencies[key], strict=False)
        ]
        if len(pairs) > IMPACT_CAP:
            pairs = sorted(sorted(pairs, key=lambda pair: -pair[1])[:IMPACT_CAP])
        flat: list[int]
        flat, previous = [], 0
        for number, impact in pairs:
            flat += (number - previous, impact)
            previous = number
        out[key] = flat
    return out


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def typo_table(keys: Iterable[str]) -> dict[str, list[str]]:
    """Each English key and its one-deletion variants -> the keys (words of 4 letters or more)."""
    table: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if key.isascii() and key.isalpha() and len(key) >= 4:
            for variant in deletions(key) | {key}:
                table[variant].add(key)
    return {variant: sorted(words) for variant, words in table.items()}


def sound_table(keys: dict[str, list[int]], readings: dict[str, list[str]]) -> dict[str, list[str]]:
    """ "fan yong" -> the site's bigrams read so, most weighty first (up to 8)."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for key, flat in keys.items():
        if len(key) == 2 and text.is_han(key) and key[0] in readings and key[1] in readings:
            weight = sum(flat[1::2])
            for first in readings[key[0]][:3]:
                for second in readings[key[1]][:3]:
                    table[f"{first} {second}"][key] += weight
    return {sound: [key for key, _ in found.most_common(8)] for sound, found in table.items()}


def build_edition(
    pages: Sequence[Page],
    *,
    lang: str,
    worker_to_index: str,
    separator: str,
    trad: dict[str, str],
    synonyms: dict[str, list[str]],
    readings: dict[str, list[str]] | None,
) -> dict[str, bytes]:
    """The files of one edition's index, by path relative to the edition's `search/` folder.

    `worker_to_index`: the edition's `search/` folder relative to the worker's URL;
    `separator`: Material's, for its highlighting of `?h=` on the page opened;
    `synonyms`: what a partner types -> the words the pages use (normalised);
    `readings`: the pinyin table for a Chinese edition (None: no pinyin files).
    """
    docs = documents(pages)
    stop = text.QUESTION_WORDS.get(lang, ())
    keys = postings(docs, text.translation(trad), frozenset(w for w in stop if w.isascii()))
    starts = [number for number, doc in enumerate(docs) if doc.page == -1]
    lex: dict[str, object] = {
        "trad": "".join(t + s for t, s in sorted(trad.items())),
        "pages": [b - a for a, b in zip([0, *starts], starts, strict=False)],
    }
    engine: dict[str, object] = {"per": DOCS_PER_FILE, "stop": list(stop), "syn": synonyms}
    files: dict[str, bytes] = {}
    spaces: dict[str, Mapping[str, object]] = {"t": keys, "x": typo_table(keys)}
    if readings is not None:
        spaces["p"] = sound_table(keys, readings)
        spaces["y"] = {char: "/".join(found) for char, found in readings.items()}
        lex["syllables"] = sorted({syllable for found in readings.values() for syllable in found})
    for space, entries in spaces.items():
        engine[space], written = spread(entries, space)
        files.update(written)
    for start in range(0, len(docs), DOCS_PER_FILE):
        chunk = docs[start : start + DOCS_PER_FILE]
        files[f"d/{start // DOCS_PER_FILE}.json"] = _json([[d.page, d.where, d.title, d.text] for d in chunk])
    files["lex.json"] = _json(lex)
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    version = digest.hexdigest()[:10]
    out = {f"{version}/{name}": data for name, data in files.items()}
    engine["path"] = f"{worker_to_index}{version}/"
    config = {"lang": [lang], "separator": separator, "pipeline": [], "fields": {}, "engine": engine}
    out["search_index.json"] = _json({"config": config, "docs": []})
    return out


def built_sections(data: bytes) -> list[Section] | None:
    """A built page's sections, read from its `<article>` (site/built.py); None for a page its writer left out
    of search (its head says SEARCH_EXCLUDED) and for HTML without an article. Only the article is decoded
    and parsed: the navigation and the head, most of a page's bytes, are skipped."""
    start, end = data.find(b"<article"), data.rfind(b"</article>")
    if not 0 <= start < end or SEARCH_EXCLUDED.encode() in data[:start]:
        return None
    return page_sections(data[start : end + len(b"</article>")].decode("utf-8", errors="replace"))


def built_search_pages(site: Path, langs: list[str], default: str = DEFAULT_LANG) -> dict[str, list[Page]]:
    """Each edition's searchable pages, read from the built folder."""
    pages: dict[str, list[Page]] = {}
    for built in built_pages(site, langs, default):
        sections = built_sections(built.path.read_bytes())
        if sections is not None:
            pages.setdefault(built.lang, []).append(Page(built.url, sections))
    return pages


def normalised_synonyms(pairs: Iterable[tuple[str, Iterable[str]]], table: dict[int, str]) -> dict[str, list[str]]:
    """(word the pages use, words partners type) -> typed word -> page words, as the worker compares them."""
    out: dict[str, list[str]] = {}
    for target, words in pairs:
        for word in words:
            typed, used = text.normalise(word, table).strip(), text.normalise(target, table).strip()
            if typed and used and typed != used and used not in out.setdefault(typed, []):
                out[typed].append(used)
    return out


def write_indexes(
    site: Path,
    pages: Mapping[str, Sequence[Page]],
    worker_to: Callable[[str], str],
    *,
    default: str = DEFAULT_LANG,
    separator: str,
    synonyms: dict[str, list[tuple[str, tuple[str, ...]]]],
) -> dict[str, int]:
    """Write each edition's index of `pages` (built_search_pages) under its `search/` folder (replacing what
    was there).

    `worker_to(folder)`: a site folder relative to the worker's URL;
    `synonyms`: per language, (word the pages use, words partners type).
    Returns the number of documents per language.
    """
    counts = {}
    for lang, found in sorted(pages.items()):
        prefix = "" if lang == default else f"{lang}/"
        chars = frozenset(
            "".join(text.HAN_RUN.findall(" ".join(s.title + " " + s.text for page in found for s in page.sections)))
        )
        chinese = lang == "zh"
        trad = search_tables.traditional(chars) if chinese else {}
        files = build_edition(
            found,
            lang=lang,
            worker_to_index=worker_to(f"{prefix}search"),
            separator=separator,
            trad=trad,
            synonyms=normalised_synonyms(synonyms.get(lang, []), text.translation(trad)),
            readings=search_tables.readings(chars) if chinese else None,
        )
        folder = site / prefix / "search"
        shutil.rmtree(folder, ignore_errors=True)
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        counts[lang] = sum(len(page.sections) for page in found)
    return counts
