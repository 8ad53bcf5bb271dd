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

tests/unit/checks/test_scan.py checks the model against the installed
renderer with Hypothesis; an upgrade must pass it before its version is
added here.
"""

from __future__ import annotations

WRITTEN_FOR = {"markdown": ("3.11.3",), "pymdown-extensions": ("13.1.2",)}
