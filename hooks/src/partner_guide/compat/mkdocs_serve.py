"""Whether a build is a rebuild of `mkdocs serve --dirty` (the preview, site/preview.py).

Written for mkdocs 1.6.1 and mkdocs-static-i18n 1.3.1 (`WRITTEN_FOR`).

- MkDocs tells plugins that a serve is dirty only in `on_startup(command,
  dirty)`, once per process; `build(config, dirty=…)` does not pass it on
  to any event (https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/serve.py).
- mkdocs-static-i18n builds its other languages with
  `dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv`
  (`on_post_build` in
  https://github.com/ultrabug/mkdocs-static-i18n/blob/v1.3.1/mkdocs_static_i18n/plugin.py).

- A dirty build logs "A 'dirty' build is being performed, …" at WARNING on
  `mkdocs.commands.build` (`build()` in
  https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/build.py), which
  `strict: true` counts: the preview would stop at its first rebuild.
  `quiet_dirty_warning()` drops that one message (the preview plans what to
  render again, site/preview.py); every other warning still counts.

`dirty_serve()` reads the same command line, so the preview plans exactly
the builds in which both editions render only modified pages.
"""

from __future__ import annotations

import logging
import sys

WRITTEN_FOR = {"mkdocs": ("1.6.1",), "mkdocs-static-i18n": ("1.3.1",)}


def dirty_serve(argv: list[str] | None = None) -> bool:
    """True in `mkdocs serve --dirty` (the i18n plugin's own test of the command line)."""
    args = sys.argv if argv is None else argv
    return "serve" in args and ("--dirty" in args or "--dirtyreload" in args)


DIRTY_WARNING = "A 'dirty' build is being performed"


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    """Drop MkDocs' warning about dirty builds (once per process; see the module docstring)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if _not_the_dirty_warning not in logger.filters:
        logger.addFilter(_not_the_dirty_warning)
