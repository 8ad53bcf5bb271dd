"""`make build` rejects every adversarial case with a finding and no traceback (tests/adversarial.py).

One strict build of a copy of the site holding every page case (session
fixture `adversarial_build`, shared with the browser tests). The registry
cases are read before any page: tests/unit/test_registry.py runs each
through what the build does with the registry, and
tests/build/test_validation_build.py builds once with a broken registry.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from tests.adversarial import page_cases, source_name

pytestmark = pytest.mark.slow
FINDING = re.compile(
    r"^WARNING\s+-\s+[\w/]+: (?P<path>\S[^:]*):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z][A-Z0-9-]+) ", re.M
)


@pytest.fixture(scope="module")
def rules(adversarial_build):
    found = defaultdict(set)
    for match in FINDING.finditer(adversarial_build.result.stdout + adversarial_build.result.stderr):
        found[match.group("path")].add(match.group("rule"))
    return found


@pytest.mark.parametrize("case", page_cases(), ids=lambda case: case.name)
def test_each_case_is_judged_as_expected(case, rules):
    for path in (f"docs/adv/{source_name(case)}", f"docs/adv/{source_name(case)[:-3]}.en.md"):
        found = rules.get(path, set())
        if case.expect == "reject":
            assert any(rule.startswith(case.rules) for rule in found), f"{path}: {sorted(found)}"
        elif case.expect == "clean":
            assert found == set(), f"{path}: {sorted(found)}"


def test_the_build_fails_without_a_traceback_and_writes_nothing_into_docs(adversarial_build):
    output = adversarial_build.result.stdout + adversarial_build.result.stderr
    assert adversarial_build.result.returncode != 0
    assert "Traceback" not in output and "CHECK-CRASH" not in output
    assert adversarial_build.docs_after == adversarial_build.docs_before


def test_a_link_out_of_the_repository_is_a_finding_and_is_not_published(adversarial_build, rules):
    assert rules["docs/assets/passwd.txt"] == {"FILE-SYMLINK"}
    assert not (adversarial_build.out / "assets" / "passwd.txt").exists()


def test_every_built_page_carries_the_content_security_policy(adversarial_build):
    pages = sorted(adversarial_build.out.rglob("*.html"))
    assert len(pages) > 200
    for page in pages:
        assert page.read_text(encoding="utf-8").count('http-equiv="Content-Security-Policy"') == 1, page
