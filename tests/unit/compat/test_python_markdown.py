"""compat/python_markdown.py: `toc_id` gives the ids Python-Markdown's toc extension gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown.extensions.toc import slugify, unique

from partner_guide.compat.python_markdown import toc_id


@given(st.lists(st.text(alphabet="ab _-中文é1 ", max_size=8), max_size=8))
def test_toc_id_is_tocs_slugify_and_unique(titles):
    ours: set[str] = set()
    theirs: set[str] = set()
    for title in titles:
        assert toc_id(title, ours) == unique(slugify(title, "-"), theirs)
