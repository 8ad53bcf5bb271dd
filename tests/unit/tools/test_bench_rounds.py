"""`make bench` gives each comparison about the same seconds of samples: short rounds get more of them."""

from __future__ import annotations

from partner_guide.tools import bench


def test_short_rounds_get_more_samples_up_to_the_cap():
    # The real site or 100 questions: about 3 s a round.
    assert bench.rounds_for(3.0, 5, 150) == min(50, bench.MAX_ROUNDS)
    # 1,000 questions: the site, its empty twin and plain Material, about 13 s a round.
    assert bench.rounds_for(13.0, 5, 150) == 12


def test_long_rounds_and_quick_runs_keep_the_requested_runs():
    assert bench.rounds_for(75.0, 5, 150) == 5  # 5,000 questions
    assert bench.rounds_for(3.0, 3, 0) == 3  # --quick
    assert bench.rounds_for(0.0, 5, 150) == bench.MAX_ROUNDS  # a round too short to time
