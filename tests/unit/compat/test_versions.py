"""The version guard of partner_guide/compat/: a workaround stops the build when its third party moves."""

from __future__ import annotations

from importlib import metadata

import pytest
from partner_guide import compat
from partner_guide.compat import i18n_plugin, material, material_search, mkdocs_markdown, python_markdown


def test_the_installed_versions_are_the_ones_the_workarounds_were_written_for():
    compat.check_versions()  # raises VersionChanged otherwise


@pytest.mark.parametrize("module", [material, material_search, i18n_plugin, mkdocs_markdown, python_markdown])
def test_every_workaround_names_its_versions_and_its_upstream(module):
    assert module.WRITTEN_FOR and all(module.WRITTEN_FOR.values())
    assert "https://" in module.__doc__


def test_another_version_is_reported_with_the_module_to_review(monkeypatch):
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "99.0" if name == "mkdocs-material" else real(name))
    with pytest.raises(compat.VersionChanged) as error:
        compat.check_versions()
    message = str(error.value)
    assert "partner_guide.compat.material was written for mkdocs-material 9.8.2, but 99.0 is installed" in message


def test_pyproject_pins_exactly_what_compat_was_written_for():
    from tests.support import ROOT

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for module in (material, material_search, i18n_plugin):
        for distribution, versions in module.WRITTEN_FOR.items():
            assert f'"{distribution}=={versions[-1]}"' in pyproject, distribution


def test_a_failed_language_build_leaves_nothing_behind_after_recover():
    """mkdocs-static-i18n 1.3.1 skips its clean-up when a per-language build fails (compat/i18n_plugin.py)."""
    import logging

    from mkdocs import utils
    from mkdocs_static_i18n.utils import I18nLoggingFilter
    from partner_guide.compat import i18n_plugin

    logger = logging.getLogger("mkdocs.commands.build")
    original = utils.clean_directory
    stale = I18nLoggingFilter()
    stale.filtered_prefixes.add("Documentation built in")
    utils.clean_directory = lambda x: x  # what the plugin's on_post_build leaves when a build under it raises
    logger.addFilter(stale)
    try:
        i18n_plugin.recover()
        assert utils.clean_directory is original is i18n_plugin.CLEAN_DIRECTORY
        assert stale not in logger.filters
    finally:
        utils.clean_directory = original
        logger.removeFilter(stale)
