"""`make check` judges the pages it has not kept in parallel processes (tools/check.py `judge_pages`):
the results are the ones one process gives, page for page, on the adversarial corpus and the guide's pages."""

from __future__ import annotations

import pytest
from partner_guide.registry import load_registry
from partner_guide.tools import check
from partner_guide.tools.check_cache import FindingsCache

from tests.adversarial import page_cases, source_name
from tests.support import ROOT


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    texts = {
        f"docs/adv/{source_name(case)}": case.text if isinstance(case.text, str) else case.text.decode(errors="replace")
        for case in page_cases()
    }
    texts.update({name: path.read_text(encoding="utf-8") for name, path in check.docs_pages(ROOT / "docs").items()})
    return texts


def _judge(pages: dict[str, str], jobs: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, check.PageResult]:
    monkeypatch.setenv("GUIDE_CHECK_JOBS", jobs)
    cache = FindingsCache(ROOT, [], enabled=False)
    registry = load_registry(check.site_registry(ROOT))
    return check.judge_pages(cache, pages, registry, check.site_markdown(ROOT))


def test_pages_judged_in_parallel_get_the_findings_and_facts_of_one_process(pages, monkeypatch):
    assert len(pages) >= check.PARALLEL_FROM  # the corpus is large enough to take the parallel path
    serial = _judge(pages, "1", monkeypatch)
    parallel = _judge(pages, "2", monkeypatch)
    assert list(parallel) == list(pages)
    assert any(findings for findings, _ in serial.values())
    for name in pages:
        assert parallel[name][0] == serial[name][0], name
        assert parallel[name][1] == serial[name][1], name
