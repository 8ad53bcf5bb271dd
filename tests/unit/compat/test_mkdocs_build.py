"""What the safety boundary relies on in MkDocs (partner_guide/compat/mkdocs_build.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from partner_guide.compat.mkdocs_build import CRASH_NOTICE, guard_render, markdown_config

from tests.support import ROOT, mkdocs_config


def test_make_check_renders_with_the_extensions_mkdocs_passes_to_python_markdown():
    names, configs = markdown_config(ROOT / "mkdocs.yml")
    config = mkdocs_config()
    assert names == list(config.markdown_extensions)
    assert set(configs) <= set(config.mdx_configs)
    assert (
        configs["pymdownx.superfences"]["custom_fences"][0]["format"]
        is config.mdx_configs["pymdownx.superfences"]["custom_fences"][0]["format"]
    )


def test_python_names_outside_markdown_helpers_are_refused(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("markdown_extensions:\n  - x:\n      f: !!python/name:os.system\n", encoding="utf-8")
    with pytest.raises(Exception, match="not a Markdown helper"):
        markdown_config(config)


def test_a_crash_while_rendering_is_reported_and_the_page_gets_a_notice():
    def render(config, files):
        raise RecursionError("maximum recursion depth exceeded")

    page = SimpleNamespace(render=render, content=None, toc=None)
    crashes = []
    guard_render(page, crashes.append)
    page.render(None, None)
    assert isinstance(crashes[0], RecursionError) and page.content == CRASH_NOTICE
