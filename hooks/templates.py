"""What the theme's templates read (events: `on_config`, `on_env`).

- `on_config` (after mkdocs-static-i18n's, which sets the build language):
  the registry's contacts as `config.extra.registry` (the contact block),
  the path of the pinned Mermaid entry and the site's Mermaid settings as
  `config.extra.mermaid_entry` and `mermaid_config`.
- `on_env`: the build language's UI strings as the Jinja global `ui`, its
  pages' folder as `edition_root` (`` or `en/`), and a
  compiled-template cache. MkDocs builds a new Jinja environment for every
  build, and the i18n plugin builds once per language, so Material's ~90
  templates would be compiled again each time (a third of this site's
  build). Jinja's bytecode cache keeps them in a per-user temporary folder
  (never in the repository), checked against a checksum of each source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import event_priority
from partner_guide import adapter, mermaid, ui
from partner_guide.languages import build_language, edition_root

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    config.extra["registry"] = adapter.registry(config).as_template_data()
    config.extra["mermaid_entry"] = f"{mermaid.VENDOR_PATH}/{mermaid.ENTRY}"
    config.extra["mermaid_config"] = mermaid.CONFIG_JSON
    return config


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
    env.globals["ui"] = ui.strings(build_language(config))
    env.globals["edition_root"] = edition_root(build_language(config))
    if env.bytecode_cache is None:
        env.bytecode_cache = FileSystemBytecodeCache(pattern="partner-guide-%s.cache")
    return env
