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
"""

from __future__ import annotations

import logging
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
