"""Search in both editions (events: `on_config`, `on_post_build`).

- `on_config`, first of all hooks (priority 100): stops the build if a third
  party changed under a workaround (partner_guide/compat); the search
  plugin's user dictionary is resolved relative to mkdocs.yml; jieba gets a
  site-sized dictionary (compat/jieba.py), before the search plugin loads it.
- `on_post_build`, after mkdocs-static-i18n has built every language: each
  build's copy of Material's search worker gets its Chinese query splitting
  fixed (compat/material.py), and once both editions are built, the one
  index becomes one per edition (site/search_index.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger

from partner_guide import adapter
from partner_guide.compat import i18n_plugin, jieba, material
from partner_guide.site.search_index import write_edition_indexes

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    adapter.check_versions()
    material.resolve_user_dict(config)
    if not material.has_own_jieba_dict(config):
        jieba.use_site_dictionary(config.docs_dir, config.config_file_path)
    return config


@event_priority(-110)
def on_post_build(*, config: MkDocsConfig) -> None:
    for worker in material.fix_search_workers(config.site_dir):
        log.warning(f"{worker}: the query-splitting loop of Material's search worker was not found; "
                    "Chinese queries may lose their last word (see partner_guide/compat/material.py)")
    languages = i18n_plugin.languages(config)
    if languages and not i18n_plugin.in_language_rebuild(config):
        write_edition_indexes(Path(config.site_dir), *languages)
