"""Workarounds for Material for MkDocs' built output and plugin internals.

Written for mkdocs-material 9.8.2 (`WRITTEN_FOR`); each function names what
it depends on. Search has its own module (material_search.py).

- `edit_config`: Material's bundle reads its settings from the page's
  `<script id="__config" type="application/json">` (the `config` block of
  https://github.com/squidfunk/mkdocs-material/blob/9.8.2/src/templates/base.html),
  among them `base` (where the search index and result links are) and
  `search` (the search worker's URL).
- `rebase_config`: the English pages get `config.base` pointed at `/en/`
  (each edition has its own search index).
- `absolute_hreflang`: Material prints `<link rel="alternate" href hreflang>`
  in the head from `config.extra.alternate`, which mkdocs-static-i18n fills
  with relative URLs; search engines ignore relative hreflang URLs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

WRITTEN_FOR = {"mkdocs-material": ("9.8.2",)}

# Material's <script id="__config" type="application/json">{…}</script>.
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
ALTERNATE_RE = re.compile(
    r'(<link rel="alternate" href=")(?P<href>[^"]*)(" hreflang="[^"]+"\s*/?>)'  # Material's head links
)


def edit_config(html: str, change: Callable[[dict[str, Any]], None]) -> str:
    """The page with `change` applied to Material's `__config` JSON (unchanged without one)."""

    def replace(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        change(data)
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(replace, html, count=1)


def rebase_config(html: str, base: str) -> str:
    """Point Material's `config.base` (search index, result links) at `base`."""
    return edit_config(html, lambda data: data.update(base=base))


def absolute_hreflang(html: str, page_url: str) -> str:
    """The head's hreflang alternates made absolute against `page_url`."""
    head, sep, body = html.partition("</head>")
    head = ALTERNATE_RE.sub(lambda m: m.group(1) + urljoin(page_url, m.group("href")) + m.group(3), head)
    return head + sep + body
