"""The writers' guide (docs/writing.md, docs/writing.en.md): its examples are true.

Each example in the guide is a fenced block right after a marker comment:

    <!-- example: good -->             passes every check
    <!-- example: bad LINK-ROUTE -->    produces exactly these rules (one or more)
    <!-- example: output -->           the exact lines `make check` prints for
                                        the bad example just before it

The examples run through the source rules and the page rendered as the build
(hooks/checks.py) and `make check` (`guide-check`) use. The guide pages
themselves must pass the checks too: the bad examples sit in code fences,
which the checks skip.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

import pytest
from partner_guide.checks.findings import format_finding
from partner_guide.registry import load_registry

from tests.support import ROOT, venv_tool
from tests.support import page_findings as run_checks  # the source rules and the rendered page's, as make check

# What docs/ says: `make verify` runs these too (the fast lane).
pytestmark = pytest.mark.content

GUIDES = {"zh": ROOT / "docs" / "writing.md", "en": ROOT / "docs" / "writing.en.md"}
TOPICS = (
    "add-a-question",
    "links",
    "admonitions",
    "diagrams",
    "translation",
    "synonyms",
    "copy",
    "import",
    "preview",
    "findings",
)
EXAMPLE_PATH = "docs/hot/rebate.md"  # where a good or bad example is pretended to live
# A fragment is checked as part of a page: with the front matter every page has
# (page-level checks such as META-DESCRIPTION look at it). An example that
# starts with its own front matter is a whole page and is checked as it is.
FRONT_MATTER = "---\ntitle: 示例\ndescription: 写作指南中的一个示例片段。\n---\n\n"

MARKER_RE = re.compile(
    r"^<!-- example: (?P<kind>good|bad|output)"  # the kind of example
    r"(?P<rules>(?: [A-Z]+(?:-[A-Z]+)*)*)"  # for bad: the rule ids it must produce
    r" -->$"
)
FENCE_RE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")  # an unindented opening fence
HEADING_ID_RE = re.compile(r"^## .+ \{#(?P<id>[a-z0-9-]+)\}$", re.M)


@dataclass(frozen=True)
class Example:
    lang: str
    line: int  # 1-based line of the marker in the guide
    kind: str
    rules: tuple[str, ...]
    body: str

    @property
    def as_page(self) -> str:
        return self.body if self.body.startswith("---\n") else FRONT_MATTER + self.body

    @property
    def id(self) -> str:
        return f"{self.lang}-L{self.line}-{self.kind}" + ("-" + "+".join(self.rules) if self.rules else "")


def parse_examples(lang: str, text: str) -> list[Example]:
    lines = text.split("\n")
    examples = []
    for index, line in enumerate(lines):
        marker = MARKER_RE.match(line)
        if not marker:
            continue
        start = index + 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        fence = FENCE_RE.match(lines[start]) if start < len(lines) else None
        assert fence, f"{GUIDES[lang].name}:{index + 1}: an example marker must be followed by a code fence"
        char, width = fence.group("fence")[0], len(fence.group("fence"))
        end = start + 1
        while end < len(lines) and not re.fullmatch(re.escape(char) + "{" + str(width) + r",}\s*", lines[end]):
            end += 1
        assert end < len(lines), f"{GUIDES[lang].name}:{start + 1}: unclosed example fence"
        body = "\n".join(lines[start + 1 : end]) + "\n"
        examples.append(Example(lang, index + 1, marker.group("kind"), tuple(marker.group("rules").split()), body))
    return examples


def outside_fences(text: str) -> list[str]:
    """The guide's lines outside its unindented code fences (the examples)."""
    lines, fence = [], ""
    for line in text.split("\n"):
        match = FENCE_RE.match(line)
        if fence:
            fence = "" if line.strip() == fence else fence
        elif match:
            fence = match.group("fence")
        else:
            lines.append(line)
    return lines


def _all_examples() -> list[Example]:
    return [ex for lang, path in GUIDES.items() for ex in parse_examples(lang, path.read_text(encoding="utf-8"))]


EXAMPLES = _all_examples()


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_the_guide_exists_in_both_languages_with_the_same_topics():
    for _lang, path in GUIDES.items():
        prose = "\n".join(outside_fences(path.read_text(encoding="utf-8")))  # outside the examples
        ids = HEADING_ID_RE.findall(prose)
        assert list(ids) == list(TOPICS), f"{path.name}: sections {ids}, expected {TOPICS}"


def test_the_guide_is_for_writers_not_in_the_partners_nav_but_in_the_readme():
    """Issue 14: out of the partners' menu and "Next" chain; the footer links it (tests/browser/test_phone_first.py)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "writing.md" not in config.split("\nnav:", 1)[1], "writing.md in the nav"
    assert re.search(r"^not_in_nav: \|\n  /writing\*\.md$", config, re.M), "not_in_nav keeps --strict quiet about it"
    assert "[`docs/writing.md`](docs/writing.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_has_good_and_bad_examples_for_every_kind_of_check(lang):
    examples = [ex for ex in EXAMPLES if ex.lang == lang]
    assert sum(ex.kind == "good" for ex in examples) >= 6
    claimed = {rule.split("-")[0] for ex in examples for rule in ex.rules}
    assert {"LINK", "ADM", "DIA", "HYG"} <= claimed, claimed
    assert any(ex.kind == "output" for ex in examples)


@pytest.mark.parametrize("example", [ex for ex in EXAMPLES if ex.kind == "good"], ids=lambda ex: ex.id)
def test_good_example_passes_every_check(example, registry):
    findings = run_checks(example.as_page, EXAMPLE_PATH, registry)
    assert not findings, "\n".join(map(format_finding, findings))


@pytest.mark.parametrize("example", [ex for ex in EXAMPLES if ex.kind == "bad"], ids=lambda ex: ex.id)
def test_bad_example_produces_the_finding_the_guide_names(example, registry):
    assert example.rules, f"line {example.line}: a bad example must name the rule(s) it breaks"
    findings = run_checks(example.as_page, EXAMPLE_PATH, registry)
    assert {f.rule for f in findings} == set(example.rules), "\n".join(map(format_finding, findings))


@pytest.mark.parametrize("example", [ex for ex in EXAMPLES if ex.kind == "output"], ids=lambda ex: ex.id)
def test_shown_output_is_exactly_what_make_check_prints(example, registry):
    examples = [ex for ex in EXAMPLES if ex.lang == example.lang]
    before = [ex for ex in examples if ex.line < example.line]
    assert before and before[-1].kind == "bad", f"line {example.line}: output must follow a bad example"
    shown = [line for line in example.body.splitlines() if line.strip()]
    path = shown[0].split(":", 1)[0]
    assert before[-1].body.startswith("---\n"), "the example before an output must be a whole page"
    printed = [format_finding(f) for f in run_checks(before[-1].body, path, registry)]
    assert shown == printed


def test_the_guide_pages_themselves_pass_make_check():
    """The bad examples are in code fences, so the built guide triggers nothing."""
    result = subprocess.run(
        [venv_tool("guide-check"), *map(str, GUIDES.values())],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("lang", GUIDES)
def test_the_link_table_lists_every_registered_short_name(lang, registry):
    text = GUIDES[lang].read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    listed = {name for row in rows for name in re.findall(r"`([a-z][a-z0-9-]*)`", row.split("|")[1])}
    assert listed == set(registry.links), f"table {sorted(listed)} vs registry {sorted(registry.links)}"


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_explains_preview_and_the_restart_after_a_hook_edit(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    for needle in ("make serve", "make check", "hooks/registry.yml", "Ctrl+C", "site-preview", "[assistant]"):
        assert needle in text, f"{GUIDES[lang].name} should mention {needle}"


@pytest.mark.parametrize("lang", GUIDES)
def test_the_synonyms_section_shows_the_real_file_format_and_the_real_finding(lang):
    """Its YAML passes the synonyms check against the real pages; its output line is what a typo gives."""
    from partner_guide.checks.synonyms import check_synonyms

    text = GUIDES[lang].read_text(encoding="utf-8")
    section = text.split("{#synonyms}", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    shown = re.search(r"```text\n(.*?)\n```", section, re.S).group(1)
    pages = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")}
    assert check_synonyms(example, "hooks/synonyms.yml", pages) == []
    typo = check_synonyms(example.replace("返佣:", "反佣:"), "hooks/synonyms.yml", pages)
    assert [format_finding(f) for f in typo] == [shown]
