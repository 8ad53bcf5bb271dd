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
- `partner_guide.checks.copy` finds a paragraph's inline code spans with Python-Markdown's own
  `BacktickInlineProcessor` (`BACKTICK_RE`, `find_code_spans`, `handleMatch`'s pairing,
  https://github.com/Python-Markdown/markdown/blob/3.11.3/markdown/inlinepatterns.py): `code_spans`.
"""

from __future__ import annotations

from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor

WRITTEN_FOR = {"markdown": ("3.11.3",), "pymdown-extensions": ("13.1.2",)}
AFTER_ATTR_LIST = 6.5  # attr_list is 8: explicit ids are on the headings
BEFORE_TOC = 6  # toc is 5: a heading with an id keeps it
AFTER_TOC = 0.5  # toc has run the postprocessors on its own table of contents


def code_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each inline code span of a paragraph's text, backticks included, as Python-Markdown pairs
    them (`BacktickInlineProcessor.handleMatch`); escaped backticks open none."""
    processor = BacktickInlineProcessor(BACKTICK_RE)
    spans: list[tuple[int, int]] = []
    position = 0
    while (match := processor.compiled_re.search(text, position)) is not None:
        if match.group(1):  # escaped backslashes before backticks: not a span
            position = match.end()
            continue
        begin = match.start()
        # types-Markdown says `tuple[int, int] | None`; Python-Markdown 3.11.3 returns (start, end or None).
        found: tuple[int, int | None] = processor.find_code_spans(begin, text)  # type: ignore[assignment]
        start, end = found
        if end is None:
            position = start
            continue
        spans.append((begin, end + (start - begin)))
        position = end + (start - begin)
    return spans
