"""Reproducible builds: the date the theme needs comes from the last commit (pure module; hooks/seo.py).

MkDocs (and the site step's sitemap) prints the build date where a page has no date of its own (the
sitemap's `<lastmod>`, and `sitemap.xml.gz`'s timestamp), so two builds of
one commit differed from one day to the next. MkDocs honours
SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/);
`source_date_epoch` gives the committer time of HEAD, which
`use_last_commit_date` sets (hooks/seo.py, `on_config`) unless the
environment sets one already. Pages' "last updated" dates come from
each file's own last commit (site/dates.py, hooks/dates.py).
Outside a git checkout there is no commit: the build date stays. `build_day` is that date
as the site step prints it (the sitemap's `<lastmod>`, site/sitemap.py).
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def source_date_epoch(repo: Path) -> str | None:
    """The committer time of `repo`'s HEAD, in seconds, or None without git or commits."""
    try:
        result = subprocess.run(
            ["git", "-C", str(repo), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def use_last_commit_date(repo: Path) -> None:
    """Set SOURCE_DATE_EPOCH to the last commit's time, unless it is set or there is no commit."""
    if "SOURCE_DATE_EPOCH" not in os.environ and (epoch := source_date_epoch(repo)):
        os.environ["SOURCE_DATE_EPOCH"] = epoch


def build_day() -> str:
    """The build's date, `YYYY-MM-DD` in UTC, as MkDocs prints it: SOURCE_DATE_EPOCH's day, else today's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.strftime("%Y-%m-%d")
