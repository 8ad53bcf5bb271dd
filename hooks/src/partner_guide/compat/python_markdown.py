"""What the Markdown extension and the checks' scanner take from Python-Markdown and pymdown-extensions.

Written for Markdown 3.11.3 and pymdown-extensions 13.1.2 (`WRITTEN_FOR`):

- `partner_guide.markdown.tencent` replaces Python-Markdown's `quote`,
  `olist` and `ulist` block processors with subclasses
  (https://github.com/Python-Markdown/markdown/blob/3.11.3/markdown/blockprocessors.py:
  `BlockQuoteProcessor.run`/`clean`, `OListProcessor.get_items`, `LAZY_OL`),
  and reads raw-HTML placeholders from `md.htmlStash`.
- `partner_guide.checks.scan` models the block parser (the processors'
  priorities and tests, `detab`, `ListIndentProcessor.get_level`,
  `ParagraphProcessor` in tight lists, `HashHeaderProcessor`'s loose-list
  detab, `BacktickInlineProcessor.find_code_spans`), md_in_html's raw
  blocks and comments, and `partner_guide.markdown.codeblocks` models
  superfences' fence search
  (https://github.com/facelessuser/pymdown-extensions/blob/13.1.2/pymdownx/superfences.py:
  `search_nested`, `eval_fence`, `eval_quoted`, `revert_greedy_fences`).

- `toc_id`: the id the toc extension gives a heading without one
  (https://github.com/Python-Markdown/markdown/blob/3.11.3/markdown/extensions/toc.py:
  `slugify`, `unique`), so that `make check`, which imports no Markdown,
  resolves `#anchor` links as the build does.

tests/unit/checks/test_scan.py checks the model against the installed
renderer with Hypothesis (and tests/unit/compat/test_python_markdown.py
`toc_id` against `toc.slugify`/`unique`); an upgrade must pass them before
its version is added here.
"""

from __future__ import annotations

import re
import unicodedata

WRITTEN_FOR = {"markdown": ("3.11.3",), "pymdown-extensions": ("13.1.2",)}
NOT_SLUG_RE = re.compile(r"[^\w\s-]")  # toc.slugify drops what is not a word character, space or -
SLUG_SEPARATORS_RE = re.compile(r"[-\s]+")
IDCOUNT_RE = re.compile(r"^(.*)_([0-9]+)$")


def toc_id(title: str, taken: set[str]) -> str:
    """The id toc gives a heading titled `title` on a page whose ids so far are `taken` (which it joins)."""
    value = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    ident = SLUG_SEPARATORS_RE.sub("-", NOT_SLUG_RE.sub("", value).strip().lower())
    if ident in taken or not ident:
        match = IDCOUNT_RE.match(ident)
        base, count = (match.group(1), int(match.group(2))) if match else (ident, 0)
        count += 1
        while f"{base}_{count}" in taken:
            count += 1
        ident = f"{base}_{count}"
    taken.add(ident)
    return ident
