"""`make fix` (`guide-fix`): apply the copy checks' corrections (COPY-*) to the Markdown pages.

    guide-fix [docs ...]

Rewrites each page under the given folders or files (docs/ by default) with
`checks.copy.fix_copy`: spaces between Chinese and Latin text, full-width
punctuation in Chinese sentences, single punctuation marks, and the spellings
of hooks/terms.yml, in the prose of the page as the site's Markdown
configuration renders it. Code, URLs, link targets and references, front
matter keys, HTML attributes and the registry's contact data stay byte for
byte, and so does every line without a correction. Running it twice changes
nothing the second time. Prints one line per changed file and what is left
for a writer (text not found as it is written, a correction that would
cross markup), then exits 0; 2 if the registry is broken. Only files
named `*.md`, never symbolic links.
"""

from __future__ import annotations

import sys

from .. import REPO_ROOT as ROOT
from ..checks.copy import check_copy, fix_copy
from ..checks.findings import format_finding
from ..registry import RegistryError, load_registry
from .check import display_path, markdown_files, site_markdown, site_registry, site_root


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    targets = argv or [str(ROOT / "docs")]
    site = site_root(targets)
    try:
        registry = load_registry(site_registry(site))
    except RegistryError as error:
        print(str(error), file=sys.stderr)
        return 2
    markdown = site_markdown(site)
    changed = 0
    for path in markdown_files(targets):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            text = path.read_bytes().decode("utf-8")  # a byte order mark stays (fix_copy keeps it)
        except UnicodeDecodeError:  # `make check` reports it (FILE-*); nothing here guesses at the bytes
            continue
        name = display_path(path)
        fixed = fix_copy(text, name, registry, markdown=markdown)
        if fixed != text:
            path.write_bytes(fixed.encode("utf-8"))
            changed += 1
            print(f"fixed {name}")
        for finding in check_copy(fixed, name, registry, markdown):
            print(format_finding(finding))
    print(f"{changed} file(s) changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
