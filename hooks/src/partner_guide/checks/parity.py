"""Translation parity between the Chinese and English editions (pure module).

The English page of `docs/x.md` is `docs/x.en.md` (suffix layout of
mkdocs-static-i18n). `check_parity(models)` pairs the rendered pages (checks/tree.py `PageModel`) by
name and reports, with the line and column in the source file:

- PARITY-MISSING  a Chinese page without its English page, or the reverse
- PARITY-ID       a question id (`## … {#id}`) that the other edition lacks
- PARITY-LINK     a short-name link (`[text][announce]`) or raw URL
                  (`https://…`, `tel:…`) that the other edition lacks
- PARITY-CONTACT  the mailing address, recipient or phone from the registry
                  written verbatim in one edition only (they go on the envelope,
                  so English keeps them in Chinese)
- PARITY-DIAGRAM  a diagram missing in one edition, or a node or edge that the
                  other edition's diagram lacks (labels are translated; ids and
                  edges are not)

Each finding sits on the side that has the item, and names the other file.
The build runs it once per build (hooks/checks.py); `make check` too
(`tools/check.py`). Nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ..languages import DEFAULT_LANG, LANGS, counterpart, edition
from .diagrams import parse_diagrams
from .findings import AT, Finding, Locator
from .links import REF_USE_RE
from .tree import PageModel, PageTree

HINT_LINK = "link the same targets in both editions; translate only the link text (the registry has both names)"
HINT_ID = "give the question the same ASCII id in both editions, e.g. ## … {#rebate-process}"
HINT_DIAGRAM = "translate the labels only; keep the node ids and edges of the other edition"


# --------------------------------------------------------------------------- pairing


def with_counterparts(paths: Iterable[Path]) -> list[Path]:
    """The given Markdown files plus their existing counterparts (for `make check` on single files)."""
    out: dict[str, Path] = {}
    for path in paths:
        out[path.as_posix()] = path
        for lang in LANGS:
            other = Path(counterpart(path.as_posix(), lang))
            if other.is_file():
                out.setdefault(other.as_posix(), other)
    return sorted(out.values())


# --------------------------------------------------------------------------- what is compared


def page_facts(tree: PageTree, locator: Locator) -> PageModel:
    """What the rules across pages compare, of one rendered page, each at its place in the source."""
    model = PageModel(tree.path)
    registered = {link.url: name for name, link in tree.registry.links.items()}
    for ident, _, _ in tree.notes.explicit_ids:
        model.question_ids.setdefault(ident, locator.find(("#" + ident,)))
    locator.cursor = locator.body
    for node in tree.elements():
        attributes = node.attributes
        for name in ("id", "name") if node.tag == "a" else ("id",):
            if attributes.get(name):
                model.ids.add(attributes[name] or "")
        for name in ("href", "src"):
            url = attributes.get(name)
            if not url or url.startswith("#") or name == "href" and node.tag not in ("a", "area"):
                continue
            key = f"[{registered[url]}]" if url in registered else url
            if key not in model.link_targets:
                written = (f"({AT}{url})", f"<{AT}{url}>", f'"{AT}{url}"', url)
                text = (node.text(deep=True) or "").strip()
                needles = (
                    (f"[{text}][{registered[url]}]", f"[{registered[url]}][]", f"[{text}][]", *written)
                    if url in registered
                    else written
                )
                model.link_targets[key] = locator.find(needles)
    locator.cursor = locator.body
    for _, text in tree.texts():  # `[text][name]` no one defines: left as text, still a link the writer meant
        for match in REF_USE_RE.finditer(text) if "][" in text else ():
            key = f"[{match.group('name') or match.group('text')}]"
            if key not in model.link_targets:
                model.link_targets[key] = locator.find((match.group(0),))
    locator.cursor = locator.body
    for url in tree.notes.links:
        if "#" in url:
            model.anchor_links.append((url, *locator.find((url,))))
    texts = "\n".join(text for _, text in tree.texts(in_code=True))
    for key in ("address", "recipient", "phone"):
        value = tree.registry.mail.get(key)
        if value and value in texts:
            locator.cursor = locator.body
            model.contacts[f"{key} {value}"] = locator.find((value,))
    model.diagrams = [(diagram.line, diagram) for diagram, _ in parse_diagrams(tree, tree.source, tree.body_line)]
    return model


# --------------------------------------------------------------------------- rules


def _one_sided(
    rule: str,
    what: str,
    mine: dict[str, tuple[int, int]],
    theirs: dict[str, tuple[int, int]],
    path: str,
    other: str,
    hint: str,
) -> list[Finding]:
    return [
        Finding(path, line, col, rule, f"{what} {item} is not in {other}", hint)
        for item, (line, col) in mine.items()
        if item not in theirs
    ]


def _diagram_findings(zh: PageModel, en: PageModel, zh_path: str, en_path: str) -> list[Finding]:
    findings: list[Finding] = []
    sides = {zh_path: [d for _, d in zh.diagrams], en_path: [d for _, d in en.diagrams]}
    (path_a, dias_a), (path_b, dias_b) = sides.items()
    for (path, mine), (other, theirs) in (((path_a, dias_a), (path_b, dias_b)), ((path_b, dias_b), (path_a, dias_a))):
        for index, diagram in enumerate(mine):
            if index >= len(theirs):
                findings.append(
                    Finding(
                        path,
                        diagram.line,
                        1,
                        "PARITY-DIAGRAM",
                        f"diagram {index + 1} has no counterpart in {other}",
                        HINT_DIAGRAM,
                    )
                )
                continue
            (nodes, edges), (other_nodes, other_edges) = diagram.shape, theirs[index].shape
            extra_nodes = sorted(set(nodes) - set(other_nodes))
            extra_edges = sorted(set(edges) - set(other_edges))
            parts = []
            if extra_nodes:
                parts.append("nodes " + ", ".join(extra_nodes))
            if extra_edges:
                parts.append("edges " + ", ".join(f"{a} --> {b}" for a, b in extra_edges))
            if parts:
                findings.append(
                    Finding(
                        path,
                        diagram.line,
                        1,
                        "PARITY-DIAGRAM",
                        f"diagram {index + 1}: {' and '.join(parts)} not in the diagram of "
                        f"{other}:{theirs[index].line}",
                        HINT_DIAGRAM,
                    )
                )
    return findings


def check_pair(zh_model: PageModel, en_model: PageModel, zh_path: str, en_path: str) -> list[Finding]:
    """Findings between a Chinese page and its English page."""
    findings: list[Finding] = []
    for mine, theirs, path, other in ((zh_model, en_model, zh_path, en_path), (en_model, zh_model, en_path, zh_path)):
        findings += _one_sided(
            "PARITY-ID",
            "question id",
            {f"#{k}": v for k, v in mine.question_ids.items()},
            {f"#{k}": v for k, v in theirs.question_ids.items()},
            path,
            other,
            HINT_ID,
        )
        findings += _one_sided("PARITY-LINK", "link", mine.link_targets, theirs.link_targets, path, other, HINT_LINK)
        findings += _one_sided(
            "PARITY-CONTACT",
            "contact",
            mine.contacts,
            theirs.contacts,
            path,
            other,
            "keep the address, recipient and phone verbatim in Chinese in both "
            "editions; add the English gloss beside them",
        )
    findings += _diagram_findings(zh_model, en_model, zh_path, en_path)
    return sorted(set(findings))


def check_parity(sources: Mapping[str, PageModel]) -> list[Finding]:
    """Findings over a set of rendered pages (path -> its facts): missing pages and every pair."""
    findings: list[Finding] = []
    by_base: dict[str, dict[str, str]] = {}
    for path in sources:
        lang, base = edition(path)
        by_base.setdefault(base, {})[lang] = path
    for _base, editions in sorted(by_base.items()):
        for lang in LANGS:
            if lang in editions:
                continue
            have = editions[DEFAULT_LANG] if DEFAULT_LANG in editions else next(iter(editions.values()))
            missing = counterpart(have, lang)
            name = "English" if lang == "en" else "Chinese"
            findings.append(
                Finding(
                    have,
                    1,
                    1,
                    "PARITY-MISSING",
                    f"no {name} page: {missing} does not exist",
                    f"translate the page into {missing} (there is no fallback between editions)",
                )
            )
        if DEFAULT_LANG in editions and "en" in editions:
            zh, en = editions[DEFAULT_LANG], editions["en"]
            findings += check_pair(sources[zh], sources[en], zh, en)
    return sorted(findings)
