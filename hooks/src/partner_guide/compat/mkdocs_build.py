"""What the safety boundary relies on in MkDocs itself.

Written for mkdocs 1.6.1 (`WRITTEN_FOR`).

- `markdown_config(config_file)`: the Markdown extensions a build renders
  pages with, for `make check`, which renders every page without building
  (checks/rendered.py). MkDocs adds `toc`, `tables` and `fenced_code` to the
  ones mkdocs.yml lists (`MarkdownExtensions(builtins=…)` in
  https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/config/defaults.py).
  mkdocs.yml is read with PyYAML's safe loader that knows MkDocs' two tags:
  `!ENV` and `!!python/name:` (the latter only for Markdown extensions'
  modules), without importing MkDocs or the theme; `read_config` gives the
  rest of it as written (`guide-site-step` reads the search settings there).
- `guard_render(page, on_crash)`: `Page.render(config, files)` runs
  Python-Markdown on the page
  (https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py);
  MkDocs' build calls it right after `on_page_markdown`. An exception
  there is a traceback that stops the build; wrapped, it is one CHECK-CRASH
  finding naming the file, and the page renders as a notice.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

WRITTEN_FOR = {"mkdocs": ("1.6.1",)}
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
# Modules mkdocs.yml may name with !!python/name: (Markdown extensions' helpers).
PYTHON_NAME_MODULES = ("pymdownx.", "markdown.", "partner_guide.")
CRASH_NOTICE = "<p>(This page could not be rendered: see the build's CHECK-CRASH finding.)</p>"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader with mkdocs.yml's !ENV and !!python/name: tags."""


def _env(loader: yaml.SafeLoader, node: yaml.ScalarNode | yaml.SequenceNode | yaml.MappingNode) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[name] for name in variables if name in os.environ), default)


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if not suffix.startswith(PYTHON_NAME_MODULES):
        raise yaml.constructor.ConstructorError(
            None, None, f"!!python/name:{suffix} is not a Markdown helper", node.start_mark
        )
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml's settings as written (MkDocs' defaults not added)."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)
    return data if isinstance(data, dict) else {}


def markdown_config(config_file: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """(extension names, their configs) as MkDocs passes them to Python-Markdown for this mkdocs.yml."""
    data = read_config(config_file)
    names: list[str] = list(BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for item in data.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if options:
            configs[name] = options
    return names, configs


def guard_render(page: Any, on_crash: Callable[[Exception], None]) -> None:
    """Make `page.render` report an exception through `on_crash` instead of stopping the build."""
    render = page.render

    def guarded(config: Any, files: Any) -> None:
        try:
            render(config, files)
        except Exception as error:  # noqa: BLE001 - reported as CHECK-CRASH, never swallowed
            on_crash(error)
            page.content = CRASH_NOTICE
            page.toc = []

    page.render = guarded
