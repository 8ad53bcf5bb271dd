"""What the hook entry modules share: the MkDocs side of the package.

The only module of the package, besides `compat/`, that knows MkDocs'
objects (and the only one importing MkDocs): the registry as a
`PluginError`, the version guard of `compat/`, source paths as findings show
them, and reporting findings once per build through the plugin logger (so
`--strict` fails after all of them are reported).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from . import compat
from .checks import files as file_checks
from .checks.findings import Finding, format_finding, github_annotation, in_github_actions
from .checks.frontmatter import escaped_for_templates, read_front_matter, safe_source
from .checks.svg import check_drawings
from .checks.synonyms import load_synonyms, synonyms_path
from .checks.tree import PageModel
from .compat import i18n_plugin, material_search, mkdocs_serve
from .compat.mkdocs_build import guard_render
from .compat.mkdocs_markdown import set_page_context
from .languages import DEFAULT_LANG
from .markdown.page import PageContext
from .registry import Registry, RegistryError, load_registry, registry_path
from .site import preview, step
from .site.diagram_frames import DRAWINGS_DIR, cache_dir
from .site.seo import is_preview

if TYPE_CHECKING:
    import logging

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def registry(config: MkDocsConfig) -> Registry:
    """The site's link registry (hooks/registry.yml beside mkdocs.yml); a broken
    one stops the build with the file and entry."""
    try:
        return load_registry(registry_path(Path(config.config_file_path).parent))
    except RegistryError as error:
        raise PluginError(str(error)) from None


def check_versions() -> None:
    """Stop the build when a third party changed under a workaround (see compat/)."""
    try:
        compat.check_versions()
    except compat.VersionChanged as error:
        raise PluginError(str(error)) from None


def _root(config: MkDocsConfig) -> str:
    """The folder of mkdocs.yml, which findings' paths are relative to."""
    return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))


def repo_path(path: str | os.PathLike[str], config: MkDocsConfig) -> str:
    """A source path as findings show it: relative to the folder of mkdocs.yml."""
    root = _root(config)
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def page_source(page: Page) -> tuple[str, str] | None:
    """(absolute path, original text with front matter) of a page's source file."""
    abs_path = page.file.abs_src_path
    if not abs_path:
        return None
    try:
        text = page.file.content_string
    except (OSError, UnicodeDecodeError, TypeError):
        try:
            text = Path(abs_path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    return abs_path, text


def checked_files(files: Files, config: MkDocsConfig) -> tuple[Files, list[Finding]]:
    """FILE-* findings of docs/; the links out of the repository (and what is under them) left out of `files`.
    A partial `make serve` rebuild (site/preview.py) does not read again the pages it leaves as they were."""
    partial = preview.partial(config)
    findings = file_checks.check_tree(
        Path(config.docs_dir),
        Path(config.config_file_path).parent,
        lambda path: repo_path(path, config),
        unread=partial.unchanged(_root(config)) if partial else (),
    )
    outside = file_checks.outside_links(findings)
    for file in list(files) if outside else ():
        src = repo_path(file.abs_src_path, config) if file.abs_src_path else ""
        if any(src == link or src.startswith(link + "/") for link in outside):
            files.remove(file)
    return files, findings


def drawing_findings(config: MkDocsConfig) -> list[Finding]:
    """SVG-* findings of the pre-drawn diagrams (a tampered one is also left out of its page)."""
    return check_drawings(DRAWINGS_DIR, lambda path: repo_path(path, config))


def safe_page_source(page: Page) -> str:
    """The page's file as UTF-8 (bad bytes as U+FFFD: FILE-UTF8 names them) with only its allowed front matter."""
    return safe_source(file_checks.decode(Path(_source_file(page)).read_bytes())[0])


def _source_file(page: Page) -> str:
    """The page's source file. MkDocs leaves it None only for pages generated in memory, which this site has none
    of (the hooks read every page from docs/)."""
    if page.file.abs_src_path is None:
        raise ValueError(f"page {page.file.src_uri} has no source file: generated pages are not supported")
    return page.file.abs_src_path


def safe_markdown(markdown: str, page: Page, config: MkDocsConfig, report: Callable[[list[Finding]], None]) -> str:
    """The last step before rendering: front-matter text escaped for the templates, and a crash while
    rendering reported as CHECK-CRASH (the limits that protect the renderer are the page extension's)."""
    page.meta.update(escaped_for_templates(page.meta))
    path = repo_path(_source_file(page), config)
    guard_render(
        page,
        lambda error: report(
            [
                Finding(
                    path,
                    1,
                    1,
                    "CHECK-CRASH",
                    f"rendering the page failed: {error!r}",
                    "report this to the maintainers of hooks/",
                )
            ]
        ),
    )
    return markdown


def render_next(page: Page, config: MkDocsConfig, reporter: Reporter) -> None:
    """Tell the page extension (markdown/page.py) which page it renders next, and to report to `reporter`."""
    source = page_source(page)
    text = (source[1] if source else "").removeprefix("\ufeff")
    path = repo_path(page.file.abs_src_path, config) if page.file.abs_src_path else page.file.src_uri
    set_page_context(
        config,
        PageContext(
            path,
            text,
            read_front_matter(text).lines + 1,
            registry(config),
            reporter.page,
            page.url,
            diagram_cache=cache_dir(Path(config.config_file_path).parent),
            inform=reporter.inform,
        ),
    )


class Reporter:
    """Logs each finding once per build (the i18n plugin runs every event once per
    language) as a warning, and as a GitHub annotation under GitHub Actions."""

    def __init__(self, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        self.log = log
        self.checked: set[str] = set()  # source paths already checked
        self.reported: set[str] = set()  # formatted findings already logged
        self.models: dict[str, PageModel] = {}  # each rendered page's facts, for the rules across pages

    def reset(self) -> None:
        self.checked.clear()
        self.reported.clear()
        self.models.clear()

    def page(self, findings: list[Finding], model: PageModel) -> None:
        """What the page extension reports once it has rendered a page."""
        self.models[model.path] = model
        self.report(findings)

    def inform(self, message: str) -> None:
        """An INFO line of the diagrams, once per build (not a finding: the strict build does not fail on it)."""
        if message not in self.reported:
            self.reported.add(message)
            get_plugin_logger("diagrams").info(message)

    def first_time(self, path: str) -> bool:
        """True once per build for each source path."""
        new = path not in self.checked
        self.checked.add(path)
        return new

    def report(self, findings: Iterable[Finding]) -> None:
        """Log each finding not logged yet."""
        annotate = in_github_actions()
        for finding in findings:
            line = format_finding(finding)
            if line in self.reported:
                continue
            self.reported.add(line)
            self.log.warning(line)
            if annotate:
                print(github_annotation(finding), flush=True)


def search_settings(config: MkDocsConfig) -> step.SearchSettings:
    """What the site step's search index takes from the configuration: the worker's place, Material's
    separator, the synonyms file beside mkdocs.yml."""
    return step.SearchSettings(
        material_search.worker_to,
        material_search.separator(config),
        load_synonyms(synonyms_path(Path(config.config_file_path).parent)),
    )


def write_search(config: MkDocsConfig) -> None:
    """Each edition's search index, read by the site step from the built pages (site/step.py `write_search`),
    and the guide's worker in place of Material's (hooks/search.py)."""
    material_search.remove_materials_worker(Path(config.site_dir))
    langs, default = i18n_plugin.languages(config) or ([DEFAULT_LANG], DEFAULT_LANG)
    step.write_search(Path(config.site_dir), langs, default, search_settings(config))


SEARCH_KEPT = "partner_guide_search_kept"  # the MkDocs config's attribute: each edition's search_index.json


def _search_configs(config: MkDocsConfig) -> list[Path]:
    langs, default = i18n_plugin.languages(config) or ([DEFAULT_LANG], DEFAULT_LANG)
    site = Path(config.site_dir)
    return [site / ("" if lang == default else lang) / "search" / "search_index.json" for lang in langs]


def keep_search(config: MkDocsConfig) -> None:
    """Before a partial `make serve` rebuild: each edition's search_index.json, which points the guide's worker
    at its index. Material's search plugin writes its own on every build; `restore_search` puts these back."""
    setattr(config, SEARCH_KEPT, {path: path.read_bytes() for path in _search_configs(config) if path.is_file()})


def restore_search(config: MkDocsConfig) -> None:
    for path, data in getattr(config, SEARCH_KEPT, {}).items():
        path.write_bytes(data)


def finish_site(config: MkDocsConfig) -> None:
    """The site step over the built folder (site/step.py), once every edition is built (hooks/editions.py); after
    a partial `make serve` rebuild (hooks/preview.py), only over the pages it wrote."""
    partial = preview.partial(config)
    languages = i18n_plugin.languages(config) or ([DEFAULT_LANG], DEFAULT_LANG)
    site = Path(config.site_dir)
    step.finish_site(
        site,
        config.site_url or "",
        *languages,
        preview=is_preview(config.extra),
        written_since=partial.started if partial else None,
        pages=preview.written_pages(site, partial, languages[0]) if partial else None,
    )


def plan_preview(config: MkDocsConfig) -> str:
    """A `make serve` rebuild's plan (site/preview.py), kept on `config` for both editions; its log line."""
    mkdocs_serve.quiet_dirty_warning()
    todo = preview.plan(Path(config.config_file_path).parent, Path(config.docs_dir), Path(config.site_dir))
    setattr(config, preview.CONFIG_ATTRIBUTE, todo)
    mkdocs_serve.reuse_walk(reuse=not todo.full)
    i18n_plugin.reuse_files(config, reuse=not todo.full)
    mkdocs_serve.keep_sitemap(keep=not todo.full)
    if not todo.full:
        keep_search(config)
    return todo.summary()


def clear_preview_pages(files: Files, config: MkDocsConfig) -> None:
    """Remove the output of the pages the preview's rebuild renders again (MkDocs' dirty build then renders
    them), and note it as the rebuild's output; the others are not rendered again."""
    todo = preview.current(config)
    if todo is None:
        return
    again = todo.absolute(_root(config), todo.rebuild)
    for file in files.documentation_pages():
        if not file.abs_src_path:  # generated in memory: MkDocs decides
            continue
        modified = todo.full or file.abs_src_path in again
        mkdocs_serve.known_modified(file, modified)
        if modified:
            Path(file.abs_dest_path).unlink(missing_ok=True)
            todo.outputs.add(file.abs_dest_path)
