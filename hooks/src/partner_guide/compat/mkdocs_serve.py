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
  (`config.theme.static_templates`, each by `_build_theme_template`, which
  `build()` calls as `mkdocs.commands.build._build_theme_template`, in
  https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/build.py),
  among them MkDocs' own `sitemap.xml` (and `sitemap.xml.gz`): a walk over
  every page of the edition. In a rebuild that renders only some pages again
  the set of pages is the one the sitemap already lists (site/preview.py):
  `keep_sitemap(keep)` skips that template in the rebuild, so the previous
  sitemap stays in the output. (Taking it out of `static_templates` instead
  would make `Files.add_files_from_theme` list the template as a file to
  copy.)

- Every build walks docs/ and makes a File object per file (`get_files`,
  called by `build()` as `mkdocs.commands.build.get_files`, once per
  edition): at 5,000 questions, a tenth of a rebuild that renders two pages.
  `reuse_walk(reuse)` keeps the files of the last walk and, in a rebuild that
  renders only some pages again (the configuration did not change), gives
  them back (in a new `Files`, with no page attached) when a walk of docs/
  finds the same folders and file names. Its files are only read after
  that: mkdocs-static-i18n makes each edition's own (compat/i18n_plugin.py).

- Every build makes the navigation again, with a Page object per page
  (`get_navigation`, called by `build()` as
  `mkdocs.commands.build.get_navigation`, once per edition). `reuse_walk`
  keeps each edition's navigation too and gives it back, each page's Page
  attached to its File again, when the edition's pages are the very File
  objects it was made of (kept by `reuse_walk` and compat/i18n_plugin.py).
  A kept Page holds what its page said when it was last rendered; every
  page whose file changed since is rendered again (site/preview.py). Its
  links are forgotten (`Page.links_to_anchors`), so that MkDocs' anchor
  validation, which walks every page's, covers the pages rendered again, as
  with new Page objects.

- A dirty build asks every page whether to read and render it again
  (`File.is_modified()`: its source newer than its output, two `stat`s, in
  `_populate_page` and `_build_page`), four times per page and rebuild.
  The preview's plan already knows (site/preview.py): `known_modified(file,
  modified)` answers for the page without a `stat` when it is not rendered
  again, and leaves MkDocs' own test for the pages that are (their output
  was removed: it answers yes).

`dirty_serve()` reads the same command line, so the preview plans exactly
the builds in which both editions render only modified pages.
"""

from __future__ import annotations

import logging
import os
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
# The attribute of a replacement that holds the MkDocs function it stands for: each rebuild wraps that anew.
_ORIGINAL = "_partner_guide_original"


def keep_sitemap(keep: bool) -> None:
    """When `keep`, this rebuild (both editions) does not render MkDocs' sitemap again (see the module
    docstring); otherwise it does."""
    from mkdocs.commands import build

    current = build._build_theme_template
    original = getattr(current, _ORIGINAL, current)

    def _build_theme_template(template_name: str, *args: Any, **kwargs: Any) -> Any:
        return None if keep and template_name == SITEMAP else original(template_name, *args, **kwargs)

    setattr(_build_theme_template, _ORIGINAL, original)
    build._build_theme_template = _build_theme_template


# The last walk (see the module docstring): what it found, its files. One `mkdocs serve` process.
_KEPT_WALK: dict[str, tuple[tuple[Any, ...], list[Any]]] = {}


def _listing(config: Any) -> tuple[Any, ...]:
    """What `get_files` depends on: the folders, and every folder and file name under docs/ (as it walks)."""
    found = []
    for folder, dirs, names in os.walk(config.docs_dir, followlinks=True):
        found.append((folder, tuple(sorted(dirs)), tuple(sorted(names))))
    return (config.docs_dir, config.site_dir, config.use_directory_urls, tuple(found))


def reuse_walk(reuse: bool) -> None:
    """Keep MkDocs' files of docs/ for the next rebuild; when `reuse`, give them back where a walk finds the
    same names (see the module docstring)."""
    from mkdocs.commands import build
    from mkdocs.structure.files import Files

    current = build.get_files  # type: ignore[attr-defined]  # imported there from mkdocs.structure.files
    original = getattr(current, _ORIGINAL, current)

    def get_files(config: Any) -> Any:
        key = _listing(config)
        kept = _KEPT_WALK.get("docs")
        if reuse and kept is not None and kept[0] == key:
            for file in kept[1]:
                file.page = None
            return Files(list(kept[1]))
        files = original(config)
        _KEPT_WALK["docs"] = (key, list(files))
        return files

    setattr(get_files, _ORIGINAL, original)
    build.get_files = get_files  # type: ignore[attr-defined]
    _reuse_navigation(build, reuse)


# Each edition's last navigation, by the identity of its pages' File objects (kept alive by the walk and
# i18n caches), with every page's Page (see the module docstring).
_KEPT_NAVIGATION: dict[tuple[Any, ...], tuple[Any, list[tuple[Any, Any]]]] = {}


def _reuse_navigation(build: Any, reuse: bool) -> None:
    current = build.get_navigation
    original = getattr(current, _ORIGINAL, current)

    def get_navigation(files: Any, config: Any) -> Any:
        pages = files.documentation_pages()
        key = (repr(config.nav), *(id(file) for file in pages))
        kept = _KEPT_NAVIGATION.get(key)
        if reuse and kept is not None and all(file is was for file, (was, _) in zip(pages, kept[1], strict=True)):
            for file, page in kept[1]:
                file.page = page
                page.links_to_anchors = None  # MkDocs checks the links of the pages it renders again only
            return kept[0]
        navigation = original(files, config)
        if len(_KEPT_NAVIGATION) >= 4:  # two editions; an edition made anew replaces what it was
            _KEPT_NAVIGATION.clear()
        _KEPT_NAVIGATION[key] = (navigation, [(file, file.page) for file in pages])
        return navigation

    setattr(get_navigation, _ORIGINAL, original)
    build.get_navigation = get_navigation


def _not_modified() -> bool:
    return False


def known_modified(file: Any, modified: bool) -> None:
    """Whether MkDocs renders the page of `file` again in this rebuild: MkDocs' test if `modified`, else no
    (see the module docstring). Kept on the File object, which the next rebuild may reuse: it says again."""
    if modified:
        vars(file).pop("is_modified", None)
    else:
        file.is_modified = _not_modified


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
