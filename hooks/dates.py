"""Each page's "last updated" date, in its language (events: `on_files`, `on_page_markdown`).

- `on_files`: ONE `git log` over the history gives every page its last
  commit's date (partner_guide/site/dates.py); a page no commit touched, or
  a build outside git, gets the build date. Kept on each page's File object,
  so nothing outlives the build.
- `on_page_markdown`: the date as `page.meta.git_revision_date_localized`,
  the markup of mkdocs-git-revision-date-localized-plugin, which the theme
  shows at the foot of the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from partner_guide.languages import build_language
from partner_guide.site.dates import date_markup, last_updated

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

ATTRIBUTE = "partner_guide_last_updated"


@event_priority(-110)  # after mkdocs-static-i18n (-100) has made the edition's own File objects
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    pages = [f for f in files.documentation_pages() if f.abs_src_path and not getattr(f, "generated_by", None)]
    dates = last_updated(Path(config.docs_dir), [f.src_uri for f in pages])
    for file in pages:
        setattr(file, ATTRIBUTE, dates.of(file.src_uri))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    when = getattr(page.file, ATTRIBUTE, None)
    if when is not None:
        page.meta["git_revision_date_localized"] = date_markup(when, build_language(config))
    return None
