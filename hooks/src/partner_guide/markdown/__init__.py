"""The page stage: the Python-Markdown extensions mkdocs.yml loads, which any renderer that runs Python-Markdown
extensions runs too (MkDocs, `make check`, a successor such as Zensical).

- `tencent.py` (`partner_guide.markdown.tencent`): Tencent Cloud docs syntax rendered as Tencent's docs
  centre shows it, with the facts of `syntax.py`, `codeblocks.py` and `dx.py` (pure, no Markdown import;
  the importer uses the same facts);
- `page.py` (`partner_guide.markdown.page`): the page pipeline, from registry short links and heading ids
  (`slugs.py`) to the page rules on the rendered page, the boundary and the sanitizer.
"""
