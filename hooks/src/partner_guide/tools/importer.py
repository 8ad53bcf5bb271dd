"""`guide-import` (`make import SRC=… INTO=…`): Tencent-format pages into this site's docs/.

    guide-import SRC [SRC ...] --into docs/partners [--force]

SRC is a Tencent-format `.md` file or a folder of them (`x_intl_zh.md` /
`x_intl_en.md` pairs become `x.md` / `x.en.md`, with an ASCII file name). The
conversion is `partner_guide.tencent_import`; this module reads and writes
files, copies local images into docs/assets/, runs the page checks on what it
wrote and prints, per page, what a human must still decide: unregistered
console routes and contacts (with the registry YAML to paste), external
images, hosts off the allowlist, a missing translation. It never overwrites a
page that differs without --force; importing its own output changes nothing.

Exit status: 0 written (decisions printed), 1 refused to overwrite, 2 bad input.
"""

from __future__ import annotations

import argparse
import posixpath
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import REPO_ROOT
from ..checks.anchors import check_anchors
from ..checks.findings import Finding, format_finding
from ..checks.parity import check_parity
from ..checks.ruleset import run_checks
from ..registry import Registry, RegistryError, load_registry
from ..tencent_import import Imported, convert_page, edition_of, file_slug, top_heading

# What the importer leaves to a person, by rule: everything else it settles itself.
HUMAN_DECISIONS = {
    "LINK-ROUTE": "register the console route, or link elsewhere",
    "LINK-PHONE": "register the contact, or remove it",
    "LINK-QQ": "register the contact, or remove it",
    "LINK-EMAIL": "register the contact, or remove it",
    "LINK-IMAGE": "copy the image into docs/assets/",
    "LINK-HOST": "ask a maintainer to allow the host, or link elsewhere",
    "PARITY-MISSING": "translate the page",
    "PARITY-ID": "make the two editions' questions match",
    "PARITY-LINK": "make the two editions link the same pages",
}


@dataclass
class Pair:
    folder: Path  # the source folder of the pair
    stem: str
    zh: Path | None = None
    en: Path | None = None


def pairs_of(sources: list[Path]) -> list[Pair]:
    """Source files grouped into the editions of one page, in a stable order."""
    found: dict[tuple[Path, str], Pair] = {}
    for source in sources:
        files = sorted(source.rglob("*.md")) if source.is_dir() else [source]
        for path in files:
            edition = edition_of(path.name)
            pair = found.setdefault((path.parent, edition.stem), Pair(path.parent, edition.stem))
            setattr(pair, edition.lang, path)
    return [found[key] for key in sorted(found, key=lambda k: (str(k[0]), k[1]))]


def docs_root(into: Path) -> Path:
    """The docs/ folder INTO lies in (its assets/ gets the images)."""
    for folder in [into, *into.parents]:
        if folder.name == "docs":
            return folder
    return into


def display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(REPO_ROOT).as_posix()
        except ValueError:
            return path.as_posix()


def convert_pair(pair: Pair, registry: Registry, assets_href: str) -> tuple[str, dict[str, Imported]]:
    """(file name, {lang: page}) of one pair; both editions get the same heading ids."""
    texts = {lang: path.read_text(encoding="utf-8-sig") for lang, path in (("zh", pair.zh), ("en", pair.en)) if path}
    title_en = top_heading(texts["en"]) if "en" in texts else ""
    name = file_slug(pair.stem, title_en or "")
    pages: dict[str, Imported] = {}
    ids = None
    for lang in ("zh", "en"):
        if lang in texts:
            pages[lang] = convert_page(
                texts[lang], lang, registry, name, ids=ids, fallback_title=pair.stem, assets_href=assets_href
            )
            ids = pages[lang].ids if ids is None else ids
    return name, pages


def decisions(written: dict[str, str], registry: Registry) -> list[Finding]:
    """The page checks over the written pages (path -> text): what is left to decide."""
    from ..compat.mkdocs_build import markdown_config
    from .check import rendered

    markdown = markdown_config(REPO_ROOT / "mkdocs.yml")
    findings: list[Finding] = []
    models = {}
    for path, text in written.items():
        page = rendered(text, path, registry, markdown)
        models[path] = page.model
        findings += run_checks(text, path, registry) + page.findings
    findings += check_parity(models) + check_anchors(models)
    return sorted(set(findings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide-import", description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", type=Path, help="Tencent-format .md files or folders")
    parser.add_argument("--into", required=True, type=Path, help="the folder under docs/ to write the pages to")
    parser.add_argument("--force", action="store_true", help="overwrite pages that differ")
    args = parser.parse_args(argv)
    missing = [str(s) for s in args.sources if not s.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        registry = load_registry()
    except RegistryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    into = args.into
    docs = docs_root(into)
    assets_href = posixpath.relpath((docs / "assets").as_posix(), into.as_posix()) if docs != into else "assets"
    refused = 0
    written: dict[str, str] = {}
    for pair in pairs_of(args.sources):
        name, pages = convert_pair(pair, registry, assets_href)
        for lang, page in pages.items():
            target = into / (f"{name}.md" if lang == "zh" else f"{name}.en.md")
            source = pair.zh if lang == "zh" else pair.en
            if source is None:
                raise ValueError(f"{pair.stem}: no {lang} source for the {lang} page")
            old = target.read_text(encoding="utf-8") if target.exists() else None
            if old is not None and old != page.text and not args.force:
                print(f"{display(target)}: exists and differs; not overwritten (use --force)", file=sys.stderr)
                refused += 1
                continue
            if old != page.text:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page.text, encoding="utf-8")
            print(f"{display(target)}: {'unchanged' if old == page.text else 'written'} from {display(source)}")
            written[display(target)] = page.text
            for as_written, relative in page.images:
                image, destination = (source.parent / as_written), docs / relative
                if image.is_file() and not destination.exists():
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(image, destination)
                elif not image.is_file():
                    print(
                        f"  decide: image {as_written} is not next to {source.name}: put it at {display(destination)}"
                    )
            for note in page.notes:
                print(f"  decide: {note}")
    found = decisions(written, registry)
    for finding in found:
        print(f"  decide ({HUMAN_DECISIONS.get(finding.rule, 'fix the page')}): {format_finding(finding)}")
    if written:
        print(f"{len(written)} page(s) imported, {len(found)} decision(s) left")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
