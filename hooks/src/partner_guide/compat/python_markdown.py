"""What the Markdown extensions take from Python-Markdown and pymdown-extensions.

Written for Markdown 3.11.3 and pymdown-extensions 13.1.2 (`WRITTEN_FOR`):

- `partner_guide.markdown.tencent` replaces Python-Markdown's `quote`,
  `olist` and `ulist` block processors with subclasses
  (https://github.com/Python-Markdown/markdown/blob/3.11.3/markdown/blockprocessors.py:
  `BlockQuoteProcessor.run`/`clean`, `OListProcessor.get_items`, `LAZY_OL`),
  and reads raw-HTML placeholders from `md.htmlStash`; `partner_guide.markdown.codeblocks`
  models superfences' fence search for the importer
  (https://github.com/facelessuser/pymdown-extensions/blob/13.1.2/pymdownx/superfences.py).
- `partner_guide.markdown.page` places its tree processors between attr_list
  (priority 8: `{#id}` is on the heading) and toc (5: the toc ids what has no
  id and keeps what has, `TocTreeprocessor.run`), reads `md.references` (the
  reference definitions, `ReferenceProcessor`), and tells the page's
  postprocessor pass from the ones toc runs on its own table of contents and
  heading names (`run_postprocessors`,
  https://github.com/Python-Markdown/markdown/blob/3.11.3/markdown/extensions/toc.py)
  by a tree processor after toc (`AFTER_TOC`).
"""

from __future__ import annotations

WRITTEN_FOR = {"markdown": ("3.11.3",), "pymdown-extensions": ("13.1.2",)}
AFTER_ATTR_LIST = 6.5  # attr_list is 8: explicit ids are on the headings
BEFORE_TOC = 6  # toc is 5: a heading with an id keeps it
AFTER_TOC = 0.5  # toc has run the postprocessors on its own table of contents
