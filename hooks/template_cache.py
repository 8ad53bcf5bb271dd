"""A compiled-template cache for the theme (event: `on_env`).

MkDocs builds a new Jinja environment for every build, and the i18n plugin
builds once per language, so Material's ~90 templates are parsed and compiled
again each time: about a third of this site's build, and of every
`mkdocs serve` rebuild. Jinja's bytecode cache keeps the compiled templates
in a per-user temporary folder (never in the repository), keyed by template
and checked against a checksum of its source, so an edited override is
recompiled and an unchanged one is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
    if env.bytecode_cache is None:
        env.bytecode_cache = FileSystemBytecodeCache(pattern="partner-guide-%s.cache")
    return env
