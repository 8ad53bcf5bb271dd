"""The judging part of `make lighthouse` (partner_guide/tools/lighthouse.py) on small inputs."""

from __future__ import annotations

from partner_guide.tools.lighthouse import BUDGETS, CATEGORIES, costs, failures, median_scores, render_blocking

HEAD = (
    '<html><head><link rel="stylesheet" href="a.css"><link rel="stylesheet" href="p.css" media="print">'
    '<script>inline()</script><script src="sync.js"></script><script src="d.js" defer></script>'
    '<script type="module" src="m.js"></script></head><body><link rel="stylesheet" href="late.css"></body></html>'
)


def row(page="", scores=None, **cost):
    return {
        "page": page,
        "scores": scores or dict.fromkeys(CATEGORIES, 1.0),
        "costs": {**dict.fromkeys(BUDGETS, 0), **cost},
    }


def test_render_blocking_counts_head_stylesheets_and_synchronous_scripts_only():
    assert render_blocking(HEAD) == 2  # a.css and sync.js


def test_the_median_of_three_runs_per_category():
    runs = [dict.fromkeys(CATEGORIES, s) for s in (0.9, 1.0, 0.96)]
    assert median_scores(runs) == dict.fromkeys(CATEGORIES, 0.96)
    assert median_scores([{**runs[0], "seo": None}])["seo"] is None


def test_the_performance_score_is_judged_only_when_asked_and_budgets_always():
    slow = row("apply/", {**dict.fromkeys(CATEGORIES, 1.0), "performance": 0.91})
    assert failures([slow]) == ["/apply/ performance 0.91 < 0.95"]
    assert failures([slow], ("accessibility", "best-practices", "seo")) == []
    assert failures([row(requests=17)], ()) == ["/ requests 17 > budget 16"]
    assert failures([row(scores={**dict.fromkeys(CATEGORIES, 1.0), "best-practices": 0.96})]) == [
        "/ best-practices 0.96 < 1.0"
    ]


def test_costs_come_from_the_report_and_the_page():
    report = {
        "audits": {
            "total-byte-weight": {"numericValue": 85151},
            "network-requests": {
                "details": {"items": [{"url": "http://127.0.0.1:1/"}, {"url": "data:image/svg+xml,x"}]}
            },
            "unused-javascript": {"details": {"items": [{"wastedBytes": 100}, {"wastedBytes": 30}]}},
            "cumulative-layout-shift": {"numericValue": 0.0008},
        }
    }
    assert costs(report, HEAD) == {
        "bytes": 85151,
        "requests": 1,
        "render_blocking": 2,
        "unused_js_bytes": 100,
        "cls": 0.0008,
    }
