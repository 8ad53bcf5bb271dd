"""Material's search UI with the guide's own search engine behind it.

Written for mkdocs-material 9.8.2 (`WRITTEN_FOR`). What this relies on:

- Material's bundle starts the search worker from `config.search` (the page's
  `__config` JSON), fetches `search/search_index.json` from `config.base` on
  every page load, and talks to the worker by messages: SETUP (the index
  file's content) -> READY, QUERY (the query string) -> RESULT
  (`{items: SearchItem[][]}`)
  (https://github.com/squidfunk/mkdocs-material/blob/9.8.2/src/templates/assets/javascripts/integrations/search/worker/message/index.ts,
  `…/integrations/search/worker/_/index.ts`). It renders each group of items
  as one page and its questions: the item whose location has no `#` is the
  page, items scored at least as high as the first get their text shown, the
  rest fold under "N more on this page"; `title` and `text` are inserted as
  HTML; `terms` makes the link's `?h=` (and the "missing" line for terms
  marked false); Enter opens the highest-scored link of the first group
  (`…/templates/search/index.tsx`, `…/components/search/_/index.ts`).
  `overrides/assets/javascripts/workers/partner-search.js` answers these
  messages; `use_worker` points `config.search` at it.
- Material's search plugin indexes, in its `on_page_context`, every page
  whose `search.exclude` meta is not set, and writes the whole index in
  `on_post_build` (https://github.com/squidfunk/mkdocs-material/blob/9.8.2/material/plugins/search/plugin.py).
  `keep_out_of_materials_index` sets that meta on every page, so Material's
  index stays empty: no work twice (the site step indexes the built pages).
  Beside it goes `GUIDE_INDEXES`, so that overrides/main.html tells such a
  page from one its writer left out of search (`search: exclude: true`),
  whose head gets `<meta name="partner-search" content="exclude">`
  (site/built.py `SEARCH_EXCLUDED`).
- i18n's last step (mkdocs-static-i18n 1.3.1, `reconfigure_search_index`,
  after every edition is built) calls the search plugin's `on_post_build`
  once more, which writes `search/search_index.json` again: the guide's
  index is written after it (hooks/search.py, priority -110).
- The plugin's `separator` option is what Material's highlighting of `?h=`
  splits words on (`…/integrations/search/highlighter/index.ts`); it stays
  in mkdocs.yml and is passed on in `search_index.json`.
- Material ships its own worker (lunr) in `assets/javascripts/workers/` and
  lunr's languages in `assets/javascripts/lunr/`; no page loads them any
  more, so `remove_materials_worker` deletes them from the built site.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

from .material import edit_config

WRITTEN_FOR = {"mkdocs-material": ("9.8.2",), "mkdocs-static-i18n": ("1.3.1",)}
GUIDE_INDEXES = "guide_indexes"  # overrides/main.html reads it

WORKER_DIR = "assets/javascripts/workers"
WORKER = "partner-search.js"  # overrides/assets/javascripts/workers/partner-search.js
MATERIAL_WORKERS = "search.*.min.js*"
LUNR_DIR = "assets/javascripts/lunr"


def searchable(meta: Mapping[str, Any]) -> bool:
    """Whether the page's front matter leaves it in search (`search: exclude: true` does not)."""
    search = meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude"))


def keep_out_of_materials_index(meta: MutableMapping[str, Any]) -> None:
    """Mark a page so Material's search plugin skips it (the guide indexes it itself); a page the guide
    indexes is marked `GUIDE_INDEXES` too."""
    if searchable(meta):
        search = meta.get("search")
        meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True, GUIDE_INDEXES: True}


DEFAULT_SEPARATOR = r"[\s\-]+"


def separator(config: Any) -> str:
    """The search plugin's `separator` option (Material's default if unset)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return str(getattr(getattr(search, "config", None), "separator", None) or DEFAULT_SEPARATOR)


def separator_in(settings: Mapping[str, Any]) -> str:
    """The same option read from mkdocs.yml as written (compat/mkdocs_build.py `read_config`)."""
    for plugin in settings.get("plugins") or []:
        if isinstance(plugin, dict):
            options = plugin.get("search") or plugin.get("material/search")
            if isinstance(options, dict) and options.get("separator"):
                return str(options["separator"])
    return DEFAULT_SEPARATOR


def use_worker(html: str, editions: list[str] | None = None) -> str:
    """Point the page's `config.search` at the guide's worker, beside Material's.

    `editions` (the non-default languages' folders) goes into the config of
    the 404 page, whose script picks the edition from the address.
    """

    def change(data: dict[str, Any]) -> None:
        if isinstance(data.get("search"), str):
            data["search"] = posixpath.join(posixpath.dirname(data["search"]), WORKER)
        if editions is not None:
            data["editions"] = editions

    return edit_config(html, change)


def worker_to(site_path: str) -> str:
    """A site folder (`en/search/`) relative to the worker's URL."""
    return posixpath.relpath(site_path, WORKER_DIR) + "/"


def remove_materials_worker(site_dir: Path) -> None:
    """Delete Material's lunr worker and lunr's language files from the built site."""
    for path in (site_dir / WORKER_DIR).glob(MATERIAL_WORKERS):
        path.unlink()
    shutil.rmtree(site_dir / LUNR_DIR, ignore_errors=True)
