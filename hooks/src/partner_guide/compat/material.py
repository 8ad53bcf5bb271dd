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
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..site.csp import script_json

WRITTEN_FOR = {"mkdocs-material": ("9.8.2",)}

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


def edit_config(html: str, change: Callable[[dict[str, Any]], None]) -> str:
    """The page with `change` applied to Material's `__config` JSON (unchanged without one)."""

    def replace(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        change(data)
        return match.group(1) + script_json(data) + match.group(3)

    return CONFIG_SCRIPT.sub(replace, html, count=1)


def alternate_script_problems(site_dir: str) -> list[str]:
    """What no longer holds in the built bundle for lang-switch.js to keep Material from fetching sitemaps."""
    bundles = sorted(Path(site_dir).glob(BUNDLE_GLOB))
    if len(bundles) != 1:
        return [f"expected one Material bundle ({BUNDLE_GLOB}), found {len(bundles)}"]
    source = bundles[0].read_text(encoding="utf-8")
    return [f"{bundles[0].name}: {problem}" for fact, problem in ALTERNATE_FACTS.items() if fact not in source]


def rebase_config(html: str, base: str) -> str:
    """Point Material's `config.base` (search index, result links) at `base`."""
    return edit_config(html, lambda data: data.update(base=base))


def absolute_hreflang(html: str, page_url: str) -> str:
    """The head's hreflang alternates made absolute against `page_url`."""
    head, sep, body = html.partition("</head>")
    head = ALTERNATE_RE.sub(lambda m: m.group(1) + urljoin(page_url, m.group("href")) + m.group(3), head)
    return head + sep + body
