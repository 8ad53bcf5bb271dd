"""The README and the maintainers' guide name only paths and commands that exist.

The README is a newcomer's first screen (at most 150 lines); the reference is
MAINTAINING.md. Every repository path either names in backticks or as a
Markdown link must exist, every `make X` must be a Makefile target, and every
`guide-X` or `.venv/bin/X` command must be a console script or a tool of the
environment.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.support import ROOT

DOCUMENTS = ("README.md", "MAINTAINING.md")
PACKAGE = "hooks/src/partner_guide/"
CODE_RE = re.compile(r"`([^`\n]+)`")  # an inline code span
LINK_RE = re.compile(r"\]\(((?!https?:|#|mailto:)[^)\s#]+)(?:#[^)]*)?\)")  # a relative Markdown link target
MAKE_RE = re.compile(r"^make ([a-z][a-z-]*)")  # at the start of a code span or of a line in a code block
FENCE_RE = re.compile(r"^```[a-z]*\n(.*?)^```", re.M | re.S)
TOOL_RE = re.compile(r"(?:^|[\s`]|bin/)(guide-[a-z-]+)\b(?!/)")
VENV_RE = re.compile(r"\.venv/bin/([a-z][a-z0-9-]*)")
# A path as the documents write it: folders and a file name, maybe a glob;
# `…/` is the package folder.
PATH_RE = re.compile(r"^(?:…/|\.?[A-Za-z_][\w.-]*/)[\w./*{},-]*$|^[\w-]+\.(?:py|yml|yaml|md|toml|json|js|css|html|sh)$")
# Written as examples or placeholders, not as files of this repository.
EXAMPLE_PARTS = ("<", "x.md", "page.md", "page.en.md", "name", "cos://", "pr-preview/")
SITE_URL_FOLDERS = ("search/", "en/", "assets/", "pr-preview/")  # paths of the built site, not of the repository
# What the build or a tool writes (gitignored), and what a document names as the choice not made.
OUTPUTS = {
    "404.html",
    "index.html",
    "sitemap.xml",
    "robots.txt",
    "summary.md",
    "lighthouse/",
    "site/",
    ".venv/",
    "preview-meta/meta.json",
    ".cache/diagrams/",
}
NOT_CHOSEN = {"docs/en/"}  # MAINTAINING.md, "Writing in two languages": why not a docs/en/ folder
BASES = ("", PACKAGE, "hooks/", "hooks/src/", "tests/")


def _text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def _makefile_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", _text("Makefile"), re.M))


def _console_scripts() -> set[str]:
    return set(tomllib.loads(_text("pyproject.toml"))["project"]["scripts"])


@functools.cache
def _tracked_names() -> set[str]:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {Path(line).name for line in files.splitlines()}


def _exists(path: str) -> bool:
    if path in OUTPUTS or path in NOT_CHOSEN:
        return True
    path = PACKAGE + path[2:] if path.startswith("…/") else path
    path = path.rstrip("/")
    if any((ROOT / base / path).is_dir() for base in BASES):
        return True
    if "{" in path:  # `assets/stylesheets/{main,palette}.css`
        head, rest = path.split("{", 1)
        options, tail = rest.split("}", 1)
        return all(_exists(head + option + tail) for option in options.split(","))
    if "/" not in path:  # a file named by itself: a file of that name in the repository
        return path in _tracked_names()
    if "*" in path:
        return any(any(ROOT.glob(base + path)) for base in BASES)
    return any((ROOT / base / path).exists() for base in BASES)


def named_paths(text: str) -> set[str]:
    """Repository paths a document names (code spans that look like paths, and relative links)."""
    names = set(LINK_RE.findall(text))
    for span in CODE_RE.findall(text):
        for word in span.split(", "):
            word = word.strip()
            named_a_file = PATH_RE.match(word) and re.search(r"[A-Za-z0-9]", word)
            if named_a_file and not any(part in word for part in EXAMPLE_PARTS):
                names.add(word)
    actions = set(
        re.findall(
            r"uses: ([\w.-]+/[\w.-]+)@",
            "".join(p.read_text(encoding="utf-8") for p in (ROOT / ".github" / "workflows").glob("*.yml")),
        )
    )
    return {
        n
        for n in names
        if not n.startswith((*SITE_URL_FOLDERS, "/", "actions/")) and n not in actions and re.search(r"[A-Za-z0-9]", n)
    }


def test_the_readme_is_a_first_screen_of_at_most_150_lines():
    assert len(_text("README.md").splitlines()) <= 150


def test_the_readme_links_the_maintainers_guide_and_the_writers_guide():
    readme = _text("README.md")
    assert "[`MAINTAINING.md`](MAINTAINING.md)" in readme
    assert "[`docs/writing.md`](docs/writing.md)" in readme


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_path_the_document_names_exists(document):
    names = named_paths(_text(document))
    assert len(names) > 10, names  # the extraction still finds the paths
    missing = sorted(name for name in names if not _exists(name))
    assert missing == [], f"{document} names paths that do not exist: {missing}"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_make_command_the_document_names_is_a_target(document):
    text = _text(document)
    commands = CODE_RE.findall(text) + [line for block in FENCE_RE.findall(text) for line in block.splitlines()]
    named = {match.group(1) for command in commands if (match := MAKE_RE.match(command.strip()))}
    assert {"serve", "test"} <= named or document != "README.md"
    assert named - _makefile_targets() == set(), named - _makefile_targets()


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_tool_the_document_names_is_installed(document):
    text = _text(document)
    scripts = _console_scripts()
    assert set(TOOL_RE.findall(text)) - scripts == set()
    bin_dir = Path(sys.executable).parent
    for tool in set(VENV_RE.findall(text)):
        assert tool in scripts or (bin_dir / tool).exists(), f".venv/bin/{tool}"
