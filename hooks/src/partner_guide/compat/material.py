"""Workarounds for Material for MkDocs' built output and plugin internals.

Written for mkdocs-material 9.8.2 (`WRITTEN_FOR`); each function names what
it depends on.

- `fix_segment`: Material's search worker splits a Chinese query greedily
  against the words in the index (`segment()` in
  https://github.com/squidfunk/mkdocs-material/blob/9.8.2/src/templates/assets/javascripts/integrations/search/_/index.ts).
  Its inner loop,

      for (let j = i + 1; j < value.length; j++)
        if (value.slice(i, j) in index) wordmap[i] = j - i

  stops one character short, so the whole query, or its last word, is never
  looked up: 渠道小助手 is searched as 渠道 and 考核期 as 考核. The built
  copy of the worker in `site/` gets `<=` (Material's own files are
  untouched). If the loop is not found, the build warns (and `--strict`
  fails) instead of shipping the bug silently.
- `rebase_config`: Material reads the search index and result links from
  `config.base` in the page's `<script id="__config">` JSON; the English
  pages get theirs pointed at `/en/` (hooks/search.py writes one index per
  edition).
- `absolute_hreflang`: Material prints `<link rel="alternate" href hreflang>`
  in the head from `config.extra.alternate`, which mkdocs-static-i18n fills
  with relative URLs; search engines ignore relative hreflang URLs.
- `alternate_script_problems`: on DOMContentLoaded Material reads every
  `<link rel="alternate">` and fetches `sitemap.xml` next to each, to
  resolve a click on the language switch (`setupAlternate` in
  https://github.com/squidfunk/mkdocs-material/blob/9.8.2/src/templates/assets/javascripts/integrations/alternate/index.ts,
  mkdocs-material#6582). Those links are this site's absolute hreflang
  alternates, so every page load fetched two sitemaps from SITE_URL's host
  (console errors on any other host or port). docs/assets/javascripts/lang-switch.js,
  which runs after the bundle, takes `rel` off those links until Material's
  DOMContentLoaded handler has run: Material fetches nothing, and the switch
  links (already the same page in the other edition) work as plain links.
  `alternate_script_problems` checks the three facts of the built bundle
  this relies on; the build warns (and `--strict` fails) if one changed.
- `resolve_user_dict`: the search plugin opens `jieba_dict_user` relative to
  the working directory; it is made relative to mkdocs.yml, so
  `mkdocs build -f path/mkdocs.yml` works from anywhere.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

WRITTEN_FOR = {"mkdocs-material": ("9.8.2",)}

# The minified loop, whatever the minifier named its variables:
BUGGY_LOOP = re.compile(
    r"for\(let (?P<j>\w+)=(?P<i>\w+)\+1;"  # for (let j = i + 1;
    r"(?P=j)<(?P<value>\w+)\.length;"  # j < value.length;   <- one short
    r"(?P=j)\+\+\)(?P=value)\.slice\((?P=i),(?P=j)\)in \w+"  # j++) value.slice(i, j) in index
)
FIXED_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in \w+")
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
# What lang-switch.js relies on, verbatim in the minified bundle of 9.8.2:
ALTERNATE_FACTS = {
    'h(document,"DOMContentLoaded",{once:!0})': "document$ no longer emits once, on DOMContentLoaded",
    'M("link[rel=alternate]")': "setupAlternate no longer selects link[rel=alternate]",
    'new URL("sitemap.xml",e)': "the sitemap is no longer fetched next to each alternate link",
}
# Material's <script id="__config" type="application/json">{…}</script>.
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
ALTERNATE_RE = re.compile(
    r'(<link rel="alternate" href=")(?P<href>[^"]*)(" hreflang="[^"]+"\s*/?>)'  # Material's head links
)


def fix_segment(source: str) -> tuple[str, bool]:
    """The worker's source with the loop fixed, and whether it is fixed now."""
    fixed, count = BUGGY_LOOP.subn(lambda m: m.group(0).replace(f"{m['j']}<", f"{m['j']}<=", 1), source)
    return fixed, count == 1 or (count == 0 and FIXED_LOOP.search(source) is not None)


def fix_search_workers(site_dir: str) -> list[str]:
    """Fix every built search worker in place; the names of those whose loop was not found."""
    missing = []
    for worker in sorted(Path(site_dir).glob(WORKER_GLOB)):
        source = worker.read_text(encoding="utf-8")
        fixed, ok = fix_segment(source)
        if not ok:
            missing.append(worker.name)
        elif fixed != source:
            worker.write_text(fixed, encoding="utf-8")
    return missing


def alternate_script_problems(site_dir: str) -> list[str]:
    """What no longer holds in the built bundle for lang-switch.js to keep Material from fetching sitemaps."""
    bundles = sorted(Path(site_dir).glob(BUNDLE_GLOB))
    if len(bundles) != 1:
        return [f"expected one Material bundle ({BUNDLE_GLOB}), found {len(bundles)}"]
    source = bundles[0].read_text(encoding="utf-8")
    return [f"{bundles[0].name}: {problem}" for fact, problem in ALTERNATE_FACTS.items() if fact not in source]


def rebase_config(html: str, base: str) -> str:
    """Point Material's `config.base` (search index, result links) at `base`."""

    def replace(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        data["base"] = base
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(replace, html, count=1)


def absolute_hreflang(html: str, page_url: str) -> str:
    """The head's hreflang alternates made absolute against `page_url`."""
    head, sep, body = html.partition("</head>")
    head = ALTERNATE_RE.sub(lambda m: m.group(1) + urljoin(page_url, m.group("href")) + m.group(3), head)
    return head + sep + body


def resolve_user_dict(config: Any) -> None:
    """Make the search plugin's `jieba_dict_user` relative to mkdocs.yml."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    user_dict = getattr(getattr(search, "config", None), "jieba_dict_user", None)
    if user_dict and not os.path.isabs(user_dict):
        search.config.jieba_dict_user = os.path.join(os.path.dirname(config.config_file_path), user_dict)


def has_own_jieba_dict(config: Any) -> bool:
    """Whether the site sets the search plugin's `jieba_dict` (then jieba keeps it)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return search is None or bool(getattr(search.config, "jieba_dict", None))
