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

from ..site.csp import script_json

WRITTEN_FOR = {"mkdocs-material": ("9.8.2",)}

# The minified loop, whatever the minifier named its variables:
BUGGY_LOOP = re.compile(
    r"for\(let (?P<j>\w+)=(?P<i>\w+)\+1;"  # for (let j = i + 1;
    r"(?P=j)<(?P<value>\w+)\.length;"  # j < value.length;   <- one short
    r"(?P=j)\+\+\)(?P=value)\.slice\((?P=i),(?P=j)\)in \w+"  # j++) value.slice(i, j) in index
)
FIXED_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in \w+")
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
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


def rebase_config(html: str, base: str) -> str:
    """Point Material's `config.base` (search index, result links) at `base`."""

    def replace(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        data["base"] = base
        return match.group(1) + script_json(data) + match.group(3)

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
