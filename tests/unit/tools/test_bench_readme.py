"""`make bench` writes its scale table into the README between two markers, from the run's own figures."""

from __future__ import annotations

from partner_guide.tools import bench

FIGURES = {
    100: {"build": 1.5, "plain": 2.0, "cold": 0.5, "one": 0.4, "reload": 0.8, "memory": 56_000.0},
    5000: {"build": 40.0, "plain": 80.0, "cold": 12.0, "one": 0.45, "reload": 0.9, "memory": 190_000.0},
}
PER_QUESTION = {100: 0.008, 5000: 0.0079}


def test_the_table_has_a_row_per_size_from_the_figures_and_counts_the_bars():
    table = bench.readme_table(
        "Partner guide benchmark, 2026-12-07 at abc1234 on vm",
        FIGURES,
        PER_QUESTION,
        [("a bar", True), ("another bar (got 2.00x)", False)],
    )
    assert table[0] == "From one `make bench` run, 2026-12-07 at abc1234 on vm:"
    rows = [line for line in table if line.startswith("| 100 ") or line.startswith("| 5,000 ")]
    assert rows[0] == "| 100 | 1.50 s | 8.00 ms | 0.75x | 33% of the build | 0.40 s | 0.80 s | 54 MiB |"
    assert rows[1].startswith("| 5,000 | 40.00 s | 7.90 ms | 0.50x | 30% of the build | 0.45 s | 0.90 s | 185 MiB")
    assert table[-1] == "1 of 2 bars pass; failed: another bar (got 2.00x) ([all figures](measurements/bench.md))."


def test_only_what_stands_between_the_markers_is_replaced(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Guide\n\n{bench.README_START}\nold\n{bench.README_END}\n\n## Next\n", encoding="utf-8")
    bench.write_readme_table(readme, ["| a |", "| b |"])
    bench.write_readme_table(readme, ["| c |"])
    assert readme.read_text(encoding="utf-8") == (
        f"# Guide\n\n{bench.README_START}\n| c |\n{bench.README_END}\n\n## Next\n"
    )
