"""Search synonyms: reading `hooks/synonyms.yml` and the SYN-* checks (pure module).

Writers keep the words partners type beside the word the guide uses, per
edition:

    zh:
      返佣: [佣金, 返点, 提成]
    en:
      rebate: [commission]

A query with 佣金 then also finds the pages that say 返佣. `parse_synonyms`
returns the valid entries with their positions; `check_synonyms` reports,
with the line and column in the file:

- SYN-FORMAT  the file is not a mapping of languages (zh, en) to mappings of
              a word to a list of words, or a key is repeated
- SYN-UNUSED  the word a synonym points at is on no page of that edition, so
              the synonym could never find anything (a typo, or a page changed)

The build (hooks/checks.py) and `make check` (tools/check.py) run it over the
Markdown sources; pages marked `search: exclude: true` (the writers' guide)
do not count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import REPO_ROOT
from ..languages import LANGS, language_of
from ..site import search_text
from ..strict_yaml import PARSER
from .findings import Finding
from .frontmatter import read_front_matter, split_lines

SYNONYMS_PATH = REPO_ROOT / "hooks" / "synonyms.yml"
FORMAT = "SYN-FORMAT"
UNUSED = "SYN-UNUSED"
SHAPE = "write `<language>:` then `<word the pages use>: [<word partners type>, …]`"


@dataclass(frozen=True)
class Synonym:
    lang: str
    target: str  # the word the pages use
    words: tuple[str, ...]  # what partners type instead
    line: int
    col: int


def synonyms_path(site_root: Path) -> Path:
    """The synonyms file of the site whose mkdocs.yml is in `site_root`."""
    return site_root / "hooks" / "synonyms.yml"


def _at(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
        return str(node.value).strip()
    return None


def _pairs(node: yaml.MappingNode, path: str, findings: list[Finding]) -> list[tuple[yaml.Node, yaml.Node]]:
    """The node's key/value pairs; a repeated key is a finding (YAML would silently keep the last)."""
    seen: set[str] = set()
    pairs = []
    for key, value in node.value:
        name = _scalar(key)
        if name is not None and name in seen:
            findings.append(Finding(path, *_at(key), FORMAT, f"'{name}' is listed twice", "merge the two entries"))
            continue
        seen.add(name or "")
        pairs.append((key, value))
    return pairs


def parse_synonyms(source: str, path: str) -> tuple[list[Synonym], list[Finding]]:
    """The valid entries of a synonyms file's text, and SYN-FORMAT findings for the rest."""
    findings: list[Finding] = []
    try:
        root = yaml.compose(source, Loader=PARSER)  # nodes only: an alias is shared, never expanded
    except (yaml.YAMLError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return [], [Finding(path, line, col, FORMAT, "not valid YAML", SHAPE)]
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [Finding(path, *_at(root), FORMAT, "expected a mapping of languages", SHAPE)]
    entries: list[Synonym] = []
    for lang_node, table in _pairs(root, path, findings):
        lang = _scalar(lang_node)
        if lang not in LANGS:
            findings.append(
                Finding(path, *_at(lang_node), FORMAT, f"unknown language {lang!r}", f"use one of {', '.join(LANGS)}")
            )
            continue
        if not isinstance(table, yaml.MappingNode):
            findings.append(Finding(path, *_at(table), FORMAT, f"{lang}: expected a mapping of words", SHAPE))
            continue
        for target_node, words_node in _pairs(table, path, findings):
            target = _scalar(target_node)
            words = [_scalar(w) for w in words_node.value] if isinstance(words_node, yaml.SequenceNode) else [None]
            if target is None or not words or None in words:
                findings.append(
                    Finding(path, *_at(target_node), FORMAT, f"{lang}: expected a word and a list of words", SHAPE)
                )
                continue
            entries.append(Synonym(lang, target, tuple(w for w in words if w is not None), *_at(target_node)))
    return entries, findings


def _searchable(text: str) -> str | None:
    """A page's text after its front matter, or None when the page is kept out of search."""
    front = read_front_matter(text)  # strictly, as the build reads it (no alias bomb)
    search = front.safe_meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return None
    return "\n".join(split_lines(text.removeprefix("\ufeff"))[front.lines :])


def _used(target: str, compact_text: str, page_keys: set[str]) -> bool:
    """Whether the pages (normalised, without white space; and their keys) use `target`."""
    norm = search_text.normalise(target)
    if any(search_text.is_han(key) for key in search_text.keys(norm)):
        return "".join(norm.split()) in compact_text
    return set(search_text.keys(norm)) <= page_keys


def check_synonyms(source: str, path: str, pages: Mapping[str, str]) -> list[Finding]:
    """SYN-* findings of a synonyms file against the pages (Markdown path -> text)."""
    entries, findings = parse_synonyms(source, path)
    texts: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for page_path, text in pages.items():
        searchable = _searchable(text)
        if searchable is not None:
            texts[language_of(page_path)].append(search_text.normalise(searchable))
    joined = {lang: "\n".join(found) for lang, found in texts.items()}
    compact = {lang: "".join(found.split()) for lang, found in joined.items()}
    keys = {lang: set(search_text.keys(found)) for lang, found in joined.items()}
    for entry in entries:
        if not _used(entry.target, compact[entry.lang], keys[entry.lang]):
            findings.append(
                Finding(
                    path,
                    entry.line,
                    entry.col,
                    UNUSED,
                    f"{entry.lang}: '{entry.target}' is on no page of this edition, "
                    f"so {', '.join(entry.words)} would find nothing",
                    "point the synonyms at a word the pages use, spelled as they spell it",
                )
            )
    return sorted(set(findings))


def check_synonyms_file(path: Path, pages: Mapping[str, str], shown: str) -> list[Finding]:
    """`check_synonyms` on the file at `path` (named `shown` in findings); none if there is no file."""
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        return [Finding(shown, 1, 1, FORMAT, f"cannot read the file ({error})", "save it as UTF-8 text")]
    return check_synonyms(source, shown, pages)


def load_synonyms(path: Path = SYNONYMS_PATH) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The valid entries of a synonyms file, per language: (word the pages use, words partners type).

    Empty when the file is missing; the checks report the invalid ones (SYN-FORMAT) separately.
    """
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    by_lang: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for entry in parse_synonyms(source, str(path))[0]:
        by_lang.setdefault(entry.lang, []).append((entry.target, entry.words))
    return by_lang
