"""Every regex that reads writer input runs in linear time (no catastrophic backtracking).

Each module-level pattern of the package is run (finditer, then match) on
texts made of one or two pathological units repeated: backtick runs, `<!--`
openers, `{#` ids, whitespace runs, brackets, Mermaid arrows… — the inputs
that hung the first version for minutes — plus the pattern's own literal
characters. No clock bound: a pattern's time per character on 16n
characters is compared with its time per character on n, each relative to a
linear baseline scan of the same text measured in the same test (linear:
about 1x, quadratic: about 16x; the bound is 4x), so the verdict holds
however loaded the machine is.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import pkgutil
import re
import time

import partner_guide
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Patterns that never see writer input (reason given).
NOT_WRITER_INPUT = {
    "partner_guide.tools.vendor_mermaid.STATIC": "Mermaid's distribution files",
    "partner_guide.tools.vendor_mermaid.LOAD_ORDER": "our own loader script",
}
UNITS = [
    "`",
    " `",
    "<!--",
    "-->",
    "<!-- ",
    "<!--  ",
    "{#",
    "{: ",
    "{",
    " ",
    "\t",
    "\n",
    " \n",
    "-",
    "-- ",
    "-->",
    "==>",
    "-.-",
    "A-->",
    "a[",
    "[",
    "](",
    "(",
    "<a ",
    "<",
    ">",
    "<b>",
    '"',
    "=",
    "&",
    "#",
    ":",
    "|",
    "*",
    "\\",
    "https://",
    "%%",
    "a",
    "中",
    ".",
    "> ",
    "- ",
    "    ",
]
PAIRED = ["`", "<!--", " ", "-", "[", "<", "a"]
# What a pathological run may follow: a heading with an id, a list item, a quote, a link, a tag, a diagram…
PREFIXES = [
    "## 问题？ {#",
    "- ",
    "> ",
    "[x](",
    "[x]: ",
    '<a href="',
    "{: ",
    "```\n",
    "flowchart TD\nA",
    'A["',
    '!!! note "',
    "| a | ",
    "<!-- ",
    "    ",
]
START, SMALLEST, LARGEST = 4000, 250, 256_000  # characters
LOW, HIGH = 0.001, 0.008  # seconds: the span time(n) is measured in
SCREEN = 0.001  # seconds on START characters: below it a pattern is linear (or too cheap to matter)
BOUND = 4  # growth per character from n to 16n characters: linear 1, quadratic 16
BASELINE = re.compile(r"(?s)(?:.)(?!)")  # a linear scan: every position tried once, one character each


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(partner_guide.__path__, "partner_guide."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            qualified = f"{info.name}.{name}"
            if (
                isinstance(value, re.Pattern)
                and qualified not in NOT_WRITER_INPUT
                and value.__module__ == "re"
                and getattr(module, name) is value
            ):
                found.append((qualified, _as_text(value)))
    return sorted(dict(found).items())


def _as_text(pattern: re.Pattern[str] | re.Pattern[bytes]) -> re.Pattern[str]:
    """A pattern over bytes (raw file contents) as the same pattern over text: ASCII classes, one character a
    byte; its cost on a text is its cost on those bytes."""
    if isinstance(pattern.pattern, str):
        return pattern  # type: ignore[return-value]
    return re.compile(pattern.pattern.decode("latin-1"), (pattern.flags & ~re.UNICODE) | re.ASCII)


PATTERNS = _patterns()


def _cost(pattern: re.Pattern[str], text: str, runs: int) -> float:
    best = float("inf")
    gc.disable()  # collections triggered by many match objects are not the pattern's time
    try:
        for _ in range(runs):
            start = time.perf_counter()
            for _match in pattern.finditer(text):
                pass
            pattern.match(text)
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def growth(pattern: re.Pattern[str], unit: str, prefix: str = "") -> float:
    """How much more time per character the pattern takes on 16n characters than on n, each measured
    against a linear baseline scan of the same text (so that caches and a busy machine cancel out):
    about 1 for a linear pattern, 16 for a quadratic one. n is chosen so that time(n) is a few
    milliseconds: measurable, and under a second at 16n even for a quadratic pattern."""
    n = START
    small = _cost(pattern, prefix + unit * (n // len(unit) or 1), 1)
    if small < SCREEN:
        return 1.0  # a quadratic pattern takes ms on 4,000 characters (n²/2 steps of a nanosecond or more)
    small = _cost(pattern, prefix + unit * (n // len(unit) or 1), 5)
    if small > HIGH:
        while small > HIGH and n > SMALLEST:
            n //= 4
            small = _cost(pattern, prefix + unit * (n // len(unit) or 1), 5)
    else:
        while small < LOW and n < LARGEST:
            n *= 4
            small = _cost(pattern, prefix + unit * (n // len(unit) or 1), 5)
        if small < LOW:
            return 1.0  # under a millisecond for 256,000 characters: too cheap to matter on any page
    text, big_text = prefix + unit * (n // len(unit) or 1), prefix + unit * (16 * n // len(unit) or 1)
    big = _cost(pattern, big_text, 3)
    return (big / _cost(BASELINE, big_text, 3)) / (small / _cost(BASELINE, text, 5))


def confirmed_growth(pattern: re.Pattern[str], unit: str, prefix: str = "") -> float:
    """`growth`, measured again when over the bound: a busy machine can slow one measurement, not three."""
    factor = growth(pattern, unit, prefix)
    for _ in range(2):
        if factor < BOUND:
            break
        factor = min(factor, growth(pattern, unit, prefix))
    return factor


def _units(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(prefix, unit) pairs: the unit is repeated after the prefix."""
    own = sorted({c for c in pattern.pattern if not c.isalnum() and c not in "\\^$?+*{}|()[]"})
    units = list(dict.fromkeys([*UNITS, *own, *("".join(p) for p in itertools.combinations(PAIRED, 2))]))
    return [("", unit) for unit in units] + [(prefix, unit) for prefix in PREFIXES for unit in ("a", " ", "[")]


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear_on_pathological_input(name, pattern):
    for prefix, unit in _units(pattern):
        factor = confirmed_growth(pattern, unit, prefix)
        assert factor < BOUND, f"{name} takes {factor:.0f}x more time per character on 16x more of {prefix!r}+{unit!r}"


def test_the_known_culprits_are_among_the_patterns_checked():
    names = {name for name, _ in PATTERNS}
    assert {
        "partner_guide.checks.diagrams.EDGE_RE",
        "partner_guide.checks.diagrams.TEXT_EDGE_CLOSE_RE",
        "partner_guide.checks.diagrams.AMP_RE",
        "partner_guide.site.seo.TAG_RE",
    } <= names
    # Issues 12 and 13's modules are among them too: the extension, the importer, search.
    modules = {name.rsplit(".", 1)[0] for name in names}
    assert {
        "partner_guide.markdown.syntax",
        "partner_guide.markdown.dx",
        "partner_guide.tencent_import",
        "partner_guide.site.search_text",
    } <= modules


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(PATTERNS),
    st.text(alphabet=st.sampled_from(list("`<!-{#}[]()>\"'= \t\na&*_\\|:.;/")), min_size=1, max_size=5),
)
def test_any_repeated_unit_keeps_every_pattern_linear(named, unit):
    name, pattern = named
    assert confirmed_growth(pattern, unit) < BOUND, f"{name} is superlinear on repeated {unit!r}"
