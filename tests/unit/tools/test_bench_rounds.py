"""`make bench`'s schedules: each comparison gets about the same seconds of samples, and the sizes compared
with each other are measured in the same minutes."""

from __future__ import annotations

from pathlib import Path

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


def test_every_size_is_built_in_every_round_the_small_ones_more_often(monkeypatch):
    """The schedule of the sizes' builds, with the seconds each command takes on a 2-core machine."""
    seconds = {"site-100": 1.2, "site-5000": 30.0, "base": 0.7, "plain-100": 1.4, "plain-5000": 45.0}
    ran: list[str] = []

    def run_timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
        ran.append(cmd[0])
        return seconds[cmd[0]], 1000

    monkeypatch.setattr(bench, "run_timed", run_timed)
    groups = {
        size: {
            "site": ([f"site-{size}"], Path(".")),
            "base": (["base"], Path(".")),
            "plain": ([f"plain-{size}"], Path(".")),
        }
        for size in (100, 5000)
    }
    got = bench.across_sizes(groups, 5, 300)

    warm_up, schedule = ran[:6], ran[6:]
    assert warm_up == ["site-100", "base", "plain-100", "site-5000", "base", "plain-5000"]
    # 0.4 x 75.7 s / 3.3 s: the 100-question group 9 times a round, the 5,000-question one once.
    one_round = ["site-100", "base", "plain-100"] * 9 + ["site-5000", "base", "plain-5000"]
    rounds = len(schedule) // len(one_round)
    assert rounds == 5 and schedule == one_round * rounds  # 300 s fill 3 rounds of 105 s: at least 5
    assert len(got[100]["site"][2]) == 45 and len(got[5000]["site"][2]) == 5
    # Each site's build is followed by the empty site's, whose time the per-question figure subtracts.
    assert got[100]["site"][0] == 1.2 and got[5000]["base"][2] == [0.7] * 5
    assert got[5000]["plain"][:2] == (45.0, 1000)


def test_interleaved_commands_run_once_a_round_for_the_seconds_asked(monkeypatch):
    ran: list[str] = []

    def run_timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
        ran.append(cmd[0])
        return {"empty": 0.8, "real": 1.2}[cmd[0]], 2000

    monkeypatch.setattr(bench, "run_timed", run_timed)
    got = bench.interleaved({"empty": (["empty"], Path(".")), "real": (["real"], Path("."))}, 5, 20)
    assert ran == ["empty", "real"] * 11  # a warm-up round, then 20 s / 2 s a round
    assert got["real"] == (1.2, 2000, [1.2] * 10)
