"""What differs between the two editions' built pages (pure module; hooks/editions.py).

- `edition_base`: the relative path from a page to its edition's root, which
  the English pages get as Material's `config.base` (compat/material.py), so
  search and its result links stay in the edition.
- 404: mkdocs-static-i18n writes the root `404.html` in the language built
  last. `place_404` puts the English 404 at `en/404.html` and keeps the
  Chinese one (built first) at the root.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..languages import DEFAULT_LANG


def edition_base(page_url: str, lang: str) -> str:
    """Relative path from a page URL (`en/hot/rebate/`) to its edition root (`..`)."""
    page_dir = page_url.rstrip("/") or "."
    return posixpath.relpath(lang, page_dir) if page_dir != "." else lang


def place_404(output: str, site: Path, lang: str) -> str:
    """Write a non-default edition's 404 to `<lang>/404.html`; what the root 404 keeps."""
    if lang == DEFAULT_LANG:
        return output
    target = site / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    root_404 = site / "404.html"
    return root_404.read_text(encoding="utf-8") if root_404.is_file() else output
