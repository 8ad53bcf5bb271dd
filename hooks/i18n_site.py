"""Per-edition site output for the two-language build (mkdocs-static-i18n).

Events: `on_page_content`, `on_post_page`, `on_template_context`,
`on_post_template`, `on_post_build`. It checks nothing; it fixes what the
i18n plugin leaves shared between the editions:

- Search: the plugin writes ONE index for both languages. After the last
  language is built, `split_search_index` writes `search/search_index.json`
  with the Chinese documents only and `en/search/search_index.json` with the
  English ones. Material loads the index from `<config.base>/search/`, so the
  `/en/` pages get their `base` pointed at `/en/` (`rebase_config`).
- 404: the plugin writes the root `404.html` in the language built last. The
  English 404 goes to `en/404.html` and the root keeps the Chinese one. The
  404 page's language switcher points at the two home pages.
- The toc permalink title, set once in mkdocs.yml, is Chinese; English pages
  get it in English.
- Sitemaps: every page's `<link rel="alternate" hreflang>` points at the same
  page in each edition (right for search engines), and Material's language
  code fetches `sitemap.xml` next to each of those links
  (mkdocs-material#6582). So every page folder gets the part of the sitemap in
  its scope (`scoped_sitemap`): `/en/sitemap.xml` lists the English pages,
  `/hot/rebate/sitemap.xml` that page with its alternates. Without them each
  page load logs two 404s.
"""

from __future__ import annotations

import bisect
import json
import posixpath
import re
from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority, get_plugin_logger

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

DEFAULT_LANG = "zh"
# The permalink title from mkdocs.yml (markdown_extensions.toc) per language.
PERMALINK_TITLES = {"zh": "本问题的链接", "en": "Link to this question"}
# Material's <script id="__config" type="application/json">{…}</script>.
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)
# Index settings per edition. English gets Material's English defaults: stop
# words out, no stemmer. Material adds a trailing wildcard to query terms and
# lunr does not stem wildcard terms, so with a stemmer "assessment*" misses
# the indexed "assess" (measured in the browser: rebate, assessment, binding,
# policy found nothing). Chinese keeps what the search plugin configured
# (jieba has already segmented the text at build time).
EDITION_SEARCH_CONFIG: dict[str, dict[str, Any]] = {
    "en": {"lang": ["en"], "pipeline": ["stopWordFilter"]},
}


# --------------------------------------------------------------------------- pure logic


def edition_of(location: str, languages: list[str], default: str = DEFAULT_LANG) -> str:
    """The language of a search-index location such as `en/hot/rebate/#x`."""
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_search_index(index: dict[str, Any], languages: list[str],
                       default: str = DEFAULT_LANG) -> dict[str, dict[str, Any]]:
    """One search index per language; locations relative to that edition's root."""
    out: dict[str, dict[str, Any]] = {}
    for lang in languages:
        config = {**index.get("config", {}), **EDITION_SEARCH_CONFIG.get(lang, {})}
        docs = []
        for doc in index.get("docs", []):
            if edition_of(doc["location"], languages, default) != lang:
                continue
            doc = dict(doc)
            if lang != default:
                doc["location"] = doc["location"][len(lang) + 1:]
            docs.append(doc)
        out[lang] = {"config": config, "docs": docs}
    return out


def rebase_config(html: str, base: str) -> str:
    """Point Material's `config.base` (search index, result links) at `base`."""

    def replace(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        data["base"] = base
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(replace, html, count=1)


def edition_base(page_url: str, lang: str) -> str:
    """Relative path from a page URL (`en/hot/rebate/`) to its edition root (`..`)."""
    page_dir = page_url.rstrip("/") or "."
    return posixpath.relpath(lang, page_dir) if page_dir != "." else lang


URL_BLOCK = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)  # one <url> entry of a sitemap
LOC = re.compile(r"<loc>([^<]*)</loc>")


class Sitemap:
    """A sitemap split into its <url> entries, sorted by path, once."""

    def __init__(self, sitemap: str) -> None:
        blocks = URL_BLOCK.findall(sitemap)
        self.head = sitemap[: sitemap.index(blocks[0])] if blocks else sitemap.split("</urlset>")[0]
        entries = sorted((urlsplit(LOC.search(b).group(1)).path, i, b) for i, b in enumerate(blocks))
        self.paths = [path for path, _, _ in entries]
        self.entries = entries

    def scoped(self, scope_path: str) -> str:
        """The entries whose <loc> path lies under `scope_path`, in sitemap order."""
        # Paths under a prefix are contiguous once sorted: no scan of the rest.
        start = bisect.bisect_left(self.paths, scope_path)
        end = start
        while end < len(self.paths) and self.paths[end].startswith(scope_path):
            end += 1
        keep = sorted(self.entries[start:end], key=lambda entry: entry[1])
        return self.head + "".join(block for _, _, block in keep) + "</urlset>\n"


def scoped_sitemap(sitemap: str, scope_path: str) -> str:
    """The sitemap's entries whose <loc> path lies under `scope_path` (e.g. `/en/`)."""
    return Sitemap(sitemap).scoped(scope_path)


def write_scoped_sitemaps(site: Path, site_path: str) -> int:
    """A scoped sitemap.xml in every folder holding a page; returns how many."""
    root = site / "sitemap.xml"
    if not root.is_file():
        return 0
    sitemap = Sitemap(root.read_text(encoding="utf-8"))
    count = 0
    for html in sorted(site.rglob("index.html")):
        folder = html.parent
        if folder == site or (folder / "sitemap.xml").exists():
            continue
        scope = site_path.rstrip("/") + "/" + folder.relative_to(site).as_posix() + "/"
        (folder / "sitemap.xml").write_text(sitemap.scoped(scope), encoding="utf-8")
        count += 1
    return count


# --------------------------------------------------------------------------- adapters


def _i18n(config: MkDocsConfig):
    return config.plugins.get("i18n")


def _current_lang(config: MkDocsConfig) -> str:
    plugin = _i18n(config)
    if plugin is not None and plugin.current_language:
        return plugin.current_language
    return (config.theme.get("language") or DEFAULT_LANG)[:2]


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    lang = _current_lang(config)
    if lang != DEFAULT_LANG and lang in PERMALINK_TITLES:
        return html.replace(
            f'title="{PERMALINK_TITLES[DEFAULT_LANG]}"', f'title="{PERMALINK_TITLES[lang]}"'
        )
    return html


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
    lang = _current_lang(config)
    if lang == DEFAULT_LANG:
        return output
    return rebase_config(output, edition_base(page.url, lang))


def on_template_context(context: dict, /, *, template_name: str, config: MkDocsConfig) -> dict | None:
    # The plugin leaves the last page's switcher links in config.extra; the
    # 404 page has no counterpart page, so it switches between home pages.
    plugin = _i18n(config)
    if template_name == "404.html" and plugin is not None and plugin.extra_alternate:
        # Both the key and the attribute: the plugin assigns the attribute,
        # and Jinja's `config.extra.alternate` reads the attribute first.
        alternate = deepcopy(plugin.extra_alternate)
        config.extra["alternate"] = alternate
        setattr(config.extra, "alternate", alternate)
    return context


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
    lang = _current_lang(config)
    if template_name != "404.html" or lang == DEFAULT_LANG:
        return output
    site = Path(config.site_dir)
    target = site / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    # The default language is built first; keep its 404 at the root.
    root_404 = site / "404.html"
    if root_404.is_file():
        return root_404.read_text(encoding="utf-8")
    return output


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    plugin = _i18n(config)
    if plugin is None or plugin.building:
        return  # an inner, per-language build: the index is not complete yet
    languages = list(plugin.build_languages)
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if len(languages) < 2 or not index_path.is_file():
        return
    written = write_scoped_sitemaps(site, urlsplit(config.site_url or "/").path or "/")
    log.debug(f"{written} scoped sitemaps")
    default = plugin.default_language
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for lang, part in split_search_index(index, languages, default).items():
        path = index_path if lang == default else site / lang / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        log.debug(f"search index for '{lang}': {len(part['docs'])} entries -> {path}")
