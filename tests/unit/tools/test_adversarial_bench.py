"""`guide-adversarial-bench` (partner_guide/tools/adversarial_bench.py): what it measures is what the issue bounds."""

from __future__ import annotations

from partner_guide.checks.limits import MAX_PAGE_CHARS, check_limits
from partner_guide.tools.adversarial_bench import _corpus, adversarial_page

from tests.support import REGISTRY


def test_the_big_page_is_a_megabyte_and_the_other_is_rendered_in_full():
    big, under = adversarial_page(1_000_000), adversarial_page(MAX_PAGE_CHARS - 4096)
    assert len(big.encode()) >= 1_000_000
    assert [f.rule for f in check_limits(big, "docs/stress.md", REGISTRY)] == ["LIMIT-SIZE"]
    rules = {f.rule for f in check_limits(under, "docs/stress.md", REGISTRY)}
    assert len(under) <= MAX_PAGE_CHARS and "LIMIT-SIZE" not in rules and {"LIMIT-NESTING", "LIMIT-OPEN"} <= rules


def test_the_corpus_is_read_from_the_tests_folder():
    assert len(_corpus().page_cases()) >= 80
