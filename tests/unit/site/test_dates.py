"""One pass over the git history gives each page the date the date plugin's own command gives it (site/dates.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from partner_guide.site.dates import PageDates, commits, date_markup, last_commit_times


def test_one_pass_over_the_history_follows_renames_as_the_plugin_does():
    # `git log --format=@%at --name-status -M -z`, newest commit first.
    log = (
        "@50\0\nM\0c.md\0\0"
        "@40\0\nR089\0b.md\0c.md\0M\0other.md\0\0"
        "@30\0\nR100\0a.md\0b.md\0A\0a.md\0\0"
        "@20\0\nM\0a.md\0\0"
        "@10\0\nA\0a.md\0\0"
    )
    assert [when for when, _ in commits(log)] == [50, 40, 30, 20, 10]
    # c.md: edited at 50. new.md: never committed. other.md: edited in the commit that renamed c.md.
    assert last_commit_times(log, ["c.md", "new.md", "other.md"]) == {"c.md": 50, "other.md": 40}
    # Had c.md not been edited at 50: the renames at 40 and 30 do not count; the re-added a.md
    # at 30 is another file; the edit at 20 is its last.
    without_edit = log.removeprefix("@50\0\nM\0c.md\0\0")
    assert last_commit_times(without_edit, ["c.md"]) == {"c.md": 20}


def test_a_page_without_a_commit_gets_the_build_date():
    dates = PageDates({"a.md": 10}, build_time=99)
    assert (dates.of("a.md"), dates.of("new.md")) == (10, 99)


def test_the_markup_is_the_plugins_in_the_pages_language():
    when = int(datetime(2026, 11, 26, 6, 17, 35, tzinfo=UTC).timestamp())
    assert date_markup(when, "zh") == (
        '<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date"'
        ' title="2026年11月26日 06:17:35 UTC">2026年11月26日</span>'
    )
    assert date_markup(when, "en").endswith('title="November 26, 2026 06:17:35 UTC">November 26, 2026</span>')
