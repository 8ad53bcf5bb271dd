"""Every check fixture (fixtures/<area>/): each `bad_*.md` reports exactly the
findings its opening comment expects, and each `ok_*.md` passes every page check."""

from __future__ import annotations

import pytest

from tests.support import AREAS, area_findings, expected, fixture_path, fixtures, positions, run_page_checks

CHECKS = AREAS
BAD = [(area, path) for area in CHECKS for path in fixtures(area, "bad")]
OK = [path for area in CHECKS for path in fixtures(area, "ok")]


def test_every_area_has_bad_and_ok_fixtures():
    assert {area for area, _ in BAD} == set(CHECKS)
    assert {path.parent.name for path in OK} == set(CHECKS)


@pytest.mark.parametrize("area, path", BAD, ids=[f"{area}/{path.stem}" for area, path in BAD])
def test_bad_fixture_reports_exactly_its_expected_findings(area, path):
    found = area_findings(area, path.read_text(encoding="utf-8"), fixture_path(path))
    assert positions(found) == expected(path)


@pytest.mark.parametrize("path", OK, ids=[f"{path.parent.name}/{path.stem}" for path in OK])
def test_ok_fixture_passes_every_page_check(path):
    assert run_page_checks(path) == []
