"""What the hooks read from mkdocs-static-i18n's plugin object (its attributes).

Written for mkdocs-static-i18n 1.3.1 (`WRITTEN_FOR`). The plugin has no
public API for these; they are attributes of its plugin class
(https://github.com/ultrabug/mkdocs-static-i18n/blob/v1.3.1/mkdocs_static_i18n/plugin.py):

- `building`: True inside the extra per-language builds that its
  `on_post_build` runs (priority -100); each MkDocs event fires once per
  language, so hooks use it to do once-per-site work only once.
- `build_languages`, `default_language`: the languages built.
- `extra_alternate`: the language-switcher links it computed for the site;
  it leaves the last page's links in `config.extra.alternate`, so the 404
  page (which has no counterpart page) is given these instead.
- When one of its per-language builds fails (a strict build that finds a
  problem in the English edition), its `on_post_build` never reaches its own
  clean-up: `mkdocs.utils.clean_directory` stays replaced and its
  `I18nLoggingFilter` stays on MkDocs' build logger, so in `mkdocs serve`
  every later rebuild hides "Documentation built in" and never cleans the
  output. `recover()` (from `on_build_error`) does that clean-up.
- `reconfigure_files(files, mkdocs_config)` (its `on_files`, once per
  language) makes a new File object for every file under docs/ and links
  each page to its other editions: at 5,000 questions most of the time of a
  `make serve` rebuild that renders two pages. Its result depends only on
  the files' paths, the languages and the folders, never on what a page
  says. `reuse_files(config, reuse)` keeps each language's result for the
  next rebuild of `mkdocs serve` and, in a rebuild that renders only some
  pages again (site/preview.py: the set of pages and the configuration did
  not change), gives it back when those inputs are the same. The result is
  the input's files from outside docs/ (the theme's, passed through) followed
  by the files it made: given back in that order, with no page attached
  (`File.page`, which MkDocs sets again for the new build).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from copy import deepcopy
from typing import Any

from mkdocs import utils as mkdocs_utils

from ..languages import DEFAULT_LANG

WRITTEN_FOR = {"mkdocs-static-i18n": ("1.3.1",)}
# MkDocs' own, read before the plugin's per-language builds replace it with `lambda x: x`.
CLEAN_DIRECTORY = mkdocs_utils.clean_directory


def plugin(config: Any) -> Any | None:
    return config.plugins.get("i18n") if hasattr(config.plugins, "get") else None


def in_language_rebuild(config: Any) -> bool:
    """True inside the extra builds the plugin runs for the other languages."""
    return bool(getattr(plugin(config), "building", False))


def languages(config: Any) -> tuple[list[str], str] | None:
    """(languages built, default language), or None without the plugin."""
    i18n = plugin(config)
    if i18n is None:
        return None
    return list(i18n.build_languages), i18n.default_language


def default_language(config: Any) -> str:
    """The default language (the one built at the site's root)."""
    found = languages(config)
    return found[1] if found else DEFAULT_LANG


def other_editions(config: Any) -> list[str]:
    """The languages built in a folder of their own (`en` for /en/)."""
    found = languages(config)
    return [lang for lang in found[0] if lang != found[1]] if found else []


def last_edition(config: Any) -> str:
    """The language built last: its `on_post_build` comes after every page of every edition is rendered
    (a strict build that fails stops in that language's build, before the default build's `on_post_build`)."""
    others = other_editions(config)
    return others[-1] if others else default_language(config)


def reset_switcher_to_home_pages(config: Any) -> None:
    """Point `config.extra.alternate` at the editions' home pages (for the 404 page)."""
    i18n = plugin(config)
    if i18n is None or not i18n.extra_alternate:
        return
    # Both the key and the attribute: the plugin assigns the attribute, and
    # Jinja's `config.extra.alternate` reads the attribute first.
    alternate = deepcopy(i18n.extra_alternate)
    config.extra["alternate"] = alternate
    config.extra.alternate = alternate


def recover() -> None:
    """Undo what a failed per-language build left behind (see the module docstring); harmless otherwise."""
    mkdocs_utils.clean_directory = CLEAN_DIRECTORY
    logger = logging.getLogger("mkdocs.commands.build")
    for stale in [f for f in logger.filters if type(f).__name__ == "I18nLoggingFilter"]:
        logger.removeFilter(stale)


# Each language's last `reconfigure_files` (see the module docstring): its inputs, the class of its result
# (the plugin's I18nFiles), the positions of the input files it passed through, the files it made. One
# `mkdocs serve` process; replaced at every rebuild.
_KEPT_FILES: dict[str, tuple[tuple[Any, ...], type, list[int], list[Any]]] = {}
_ORIGINAL = "_partner_guide_original"


def _files_key(i18n: Any, files: list[Any], mkdocs_config: Any) -> tuple[Any, ...]:
    """Everything `reconfigure_files` reads: the languages, the folders and every file's paths."""
    return (
        i18n.current_language,
        i18n.default_language,
        tuple(i18n.all_languages),
        tuple(i18n.build_languages),
        i18n.config.docs_structure,
        i18n.config.fallback_to_default,
        mkdocs_config.docs_dir,
        mkdocs_config.site_dir,
        mkdocs_config.use_directory_urls,
        tuple((f.src_uri, f.abs_src_path, f.dest_uri, f.inclusion) for f in files),
    )


def _split(files: list[Any], result: list[Any]) -> tuple[list[int], list[Any]] | None:
    """(positions in `files` of the files `result` passed through, the files it made), or None when the result
    is not those followed by these (the plugin changed: nothing is kept)."""
    position = {id(file): index for index, file in enumerate(files)}
    passed = [position[id(file)] for file in result if id(file) in position]
    made = [file for file in result if id(file) not in position]
    return (passed, made) if [files[i] for i in passed] + made == result else None


def reuse_files(config: Any, reuse: bool) -> None:
    """Keep the plugin's files of each language for the next rebuild; when `reuse`, give the kept ones back
    where its inputs are the same (see the module docstring). Harmless without the plugin."""
    i18n = plugin(config)
    if i18n is None:
        return
    current = i18n.reconfigure_files
    original: Callable[[Any, Any], Any] = getattr(current, _ORIGINAL, current)  # wrapped once, told `reuse` anew

    def reconfigure_files(files: Any, mkdocs_config: Any) -> Any:
        inputs = list(files)
        key = _files_key(i18n, inputs, mkdocs_config)
        kept = _KEPT_FILES.get(key[0])
        if reuse and kept is not None and kept[0] == key:
            _, files_class, passed, made = kept
            for file in made:
                file.page = None
            return files_class(i18n, [inputs[i] for i in passed] + made)
        result = original(files, mkdocs_config)
        split = _split(inputs, list(result))
        if split is None:
            _KEPT_FILES.pop(key[0], None)
        else:
            _KEPT_FILES[key[0]] = (key, type(result), *split)
        return result

    setattr(reconfigure_files, _ORIGINAL, original)
    i18n.reconfigure_files = reconfigure_files
