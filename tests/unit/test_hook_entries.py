"""The hook entry module hooks/checks.py, as MkDocs loads it
from mkdocs.yml, with stand-in page and config objects."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import markdown
import pytest
from partner_guide.compat.mkdocs_build import markdown_config

from tests.support import ROOT, hook

checks = hook("checks")

BAD = "---\ntitle: x\n---\n\n# x\n\n<script>alert(1)</script>\n\n>!\n- 一\n- 二\n"
LINE = "docs/hot/x.md:7:1: SAFE-TAG <script> is not allowed (removed with its content)"
EXTENSIONS = markdown_config(ROOT / "mkdocs.yml")[0]


class Plugins(dict):
    pass


def config(language: str = "zh", i18n_building: bool | None = None):
    plugins = Plugins()
    if i18n_building is not None:
        plugins["i18n"] = SimpleNamespace(building=i18n_building)
    return SimpleNamespace(
        plugins=plugins,
        theme={"language": language},
        mdx_configs={},
        config_file_path=str(ROOT / "mkdocs.yml"),
        docs_dir=str(ROOT / "docs"),
    )


def page(text: str, name: str = "docs/hot/x.md"):
    return SimpleNamespace(file=SimpleNamespace(abs_src_path=str(ROOT / name), content_string=text), url="hot/x/")


def markdown_of(text: str) -> str:
    return text.split("---\n", 2)[2]


def build_page(text: str, built) -> str:
    """The page's events as MkDocs runs them: on_page_markdown, then Python-Markdown with the site's extensions
    and the configs the hooks set (the page extension reports to hooks/checks.py)."""
    out = checks.on_page_markdown(markdown_of(text), page=page(text), config=built, files=None)
    return markdown.markdown(out or markdown_of(text), extensions=EXTENSIONS, extension_configs=built.mdx_configs)


def reported(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "SAFE-TAG" in r.getMessage()]


@pytest.fixture
def caplog_warnings(caplog):
    caplog.set_level(logging.WARNING, logger="mkdocs.plugins")
    return caplog


def test_findings_are_logged_once_per_build_across_the_language_rebuilds(caplog_warnings):
    checks.on_pre_build(config=config())
    build_page(BAD, config())
    checks.on_pre_build(config=config("en", i18n_building=True))  # the i18n plugin's nested build
    build_page(BAD, config("en", True))
    messages = reported(caplog_warnings)
    assert len(messages) == 1 and LINE in messages[0]


def test_each_serve_rebuild_reports_the_current_findings_again_once(caplog_warnings):
    for _ in range(3):
        checks.on_pre_build(config=config(i18n_building=False))
        build_page(BAD, config())
    assert len(reported(caplog_warnings)) == 3


def test_findings_go_to_the_mkdocs_logger_tree_so_strict_counts_them(caplog_warnings):
    checks.on_pre_build(config=config())
    build_page(BAD, config())
    [record] = [r for r in caplog_warnings.records if "SAFE-TAG" in r.getMessage()]
    assert record.name.startswith("mkdocs.plugins.") and record.levelno == logging.WARNING


@pytest.mark.parametrize("language, title", [("zh", "注意"), ("en", "Warning")])
def test_the_page_is_rendered_in_the_build_language(language, title):
    built = config(language)
    checks.on_pre_build(config=built)
    html = build_page(BAD, built)
    assert f'<p class="admonition-title">{title}</p>' in html


def test_a_synonym_no_page_uses_is_a_warning_of_the_build(caplog_warnings, tmp_path):
    """hooks/checks.py reports SYN-UNUSED from the synonyms file beside mkdocs.yml (so --strict fails)."""
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "registry.yml").write_text(
        (ROOT / "hooks" / "registry.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "hooks" / "synonyms.yml").write_text("zh:\n  反佣: [佣金]\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("---\ntitle: a\n---\n\n# 返佣\n", encoding="utf-8")
    stand_in = SimpleNamespace(
        plugins=Plugins(),
        theme={"language": "zh"},
        mdx_configs={},
        config_file_path=str(tmp_path / "mkdocs.yml"),
        docs_dir=str(tmp_path / "docs"),
    )
    checks.on_pre_build(config=stand_in)
    checks.on_post_build(config=stand_in)
    [record] = [r for r in caplog_warnings.records if "SYN-UNUSED" in r.getMessage()]
    assert "hooks/synonyms.yml:2:3: SYN-UNUSED zh: '反佣' is on no page" in record.getMessage()
    assert record.name.startswith("mkdocs.plugins.")
