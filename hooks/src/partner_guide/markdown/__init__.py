"""Rendering of Markdown syntax the site accepts beyond Python-Markdown's own.

`tencent.py` is the Python-Markdown extension mkdocs.yml loads
(`partner_guide.markdown.tencent`): Tencent Cloud docs syntax rendered as
Tencent's docs centre shows it. `syntax.py`, `codeblocks.py` and `dx.py` are
pure (no Markdown import): the checks' scanner and the importer use the same
facts, so the three agree on what a page is.
"""
