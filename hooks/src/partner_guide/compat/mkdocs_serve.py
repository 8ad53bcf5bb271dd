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

- The live reload of `mkdocs serve`: `LiveReloadServer._inject_js_into_html`
  puts `_SCRIPT_TEMPLATE_STR` (a function, then `livereload(epoch,
  request_id)`) INLINE before `</body>` of every page it serves
  (https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/livereload/__init__.py).
  The site's Content-Security-Policy (site/csp.py) runs only the inline
  scripts it hashed, so the browser refused it and a saved page never
  showed until the writer reloaded. `reload_by_file(server)` serves the same
  function as a file of the preview's own ('self') and injects
  `<script src=… data-epoch=… data-request=…>` in its place.

- Every build renders the theme's static templates again
  (`config.theme.static_templates`, `_build_theme_template` in
  https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/build.py),
  among them MkDocs' own `sitemap.xml` (and `sitemap.xml.gz`): a walk over
  every page of the edition. In a rebuild that renders only some pages again
  the set of pages is the one the sitemap already lists (site/preview.py):
  `keep_sitemap(config)` leaves it out of that build, so the previous one
  stays in the output.

`dirty_serve()` reads the same command line, so the preview plans exactly
the builds in which both editions render only modified pages.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

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


SITEMAP = "sitemap.xml"


def keep_sitemap(config: Any) -> None:
    """Leave MkDocs' sitemap out of this build of `config` (both editions; see the module docstring)."""
    config.theme.static_templates.discard(SITEMAP)


# The live-reload script, served from the preview's output folder.
RELOAD_FILE = ".partner-guide-livereload.js"
RELOAD_CALL = "livereload(${epoch}, ${request_id});"


def reload_by_file(server: Any) -> None:
    """Make `server` (MkDocs' LiveReloadServer) load its live-reload script from a file (see the module docstring)."""
    from mkdocs import livereload

    template: str = livereload._SCRIPT_TEMPLATE_STR
    if RELOAD_CALL not in template or not hasattr(server, "_inject_js_into_html"):
        raise RuntimeError("mkdocs.livereload changed: review partner_guide/compat/mkdocs_serve.py")
    function = template.replace(RELOAD_CALL, "")
    call = "livereload(parseFloat(document.currentScript.dataset.epoch), document.currentScript.dataset.request);\n"
    Path(server.root, RELOAD_FILE).write_text(function + call, encoding="utf-8")
    src = f"{server.mount_path.rstrip('/')}/{RELOAD_FILE}"

    def inject(content: bytes, epoch: int) -> bytes:
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            return content
        tag = f'<script src="{src}" data-epoch="{epoch}" data-request="{livereload._timestamp()}"></script>'
        return content[:body_end] + tag.encode() + content[body_end:]

    server._inject_js_into_html = inject
