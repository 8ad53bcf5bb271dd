"""Short link names fed from the registry (events: `on_config`, `on_page_markdown`).

Writers link with `[渠道小助手][assistant]` or `[通知公告][announce]` instead of
pasting URLs. This hook appends the reference definitions of every registered
short name to each page's Markdown, after the writer's last line, so line
numbers in findings stay those of the source file. It also hands the contacts
to the templates as `config.extra.registry`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import adapter

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    config.extra["registry"] = adapter.registry().as_template_data()
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return f"{markdown}\n\n{adapter.registry().reference_definitions()}\n"
