"""Search: Material's UI with the guide's own index and worker (site/search_*, compat/material_search.py).

Events: on_config (first: version guard), on_page_context (the page out of Material's index, before
Material's plugin), on_post_page/on_post_template (the guide's worker), on_post_build (the site step's
index of each edition, read from the built pages).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext
from partner_guide import adapter
from partner_guide.compat import i18n_plugin, material_search
from partner_guide.site import preview


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    adapter.check_versions()
    return config


@event_priority(50)  # before Material's search plugin (0) indexes the page
def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    material_search.keep_out_of_materials_index(page.meta)
    return context


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    return material_search.use_worker(output)


@event_priority(50)  # before hooks/editions.py copies the English 404
def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
    is_404 = template_name == "404.html"
    return material_search.use_worker(output, i18n_plugin.other_editions(config)) if is_404 else output


# After mkdocs-static-i18n (-100) has built every language and had Material rewrite its search_index.json.
@event_priority(-110)
def on_post_build(*, config: MkDocsConfig) -> None:
    if i18n_plugin.in_language_rebuild(config):
        return
    if preview.partial(config):  # the index of the last full build stays, and what points the worker at it
        adapter.restore_search(config)
    else:
        adapter.write_search(config)
