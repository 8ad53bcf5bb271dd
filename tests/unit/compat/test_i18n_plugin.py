"""What the preview reuses of mkdocs-static-i18n between rebuilds (compat/i18n_plugin.py)."""

from __future__ import annotations

from types import SimpleNamespace

from partner_guide.compat import i18n_plugin


class _Files(list):  # the plugin's I18nFiles(plugin, files)
    def __init__(self, plugin, files):
        super().__init__(files)


def _file(uri: str) -> SimpleNamespace:
    return SimpleNamespace(src_uri=uri, abs_src_path=f"/docs/{uri}", dest_uri=uri, inclusion=1, page=None)


class _Plugin:
    """The attributes `reconfigure_files` reads, and a count of its runs."""

    def __init__(self):
        self.current_language, self.default_language = "en", "zh"
        self.all_languages = self.build_languages = ["zh", "en"]
        self.config = SimpleNamespace(docs_structure="suffix", fallback_to_default=False)
        self.runs = 0

    def reconfigure_files(self, files, mkdocs_config):
        self.runs += 1
        theme = [f for f in files if f.src_uri.startswith("theme/")]
        return _Files(self, theme + [_file(f.src_uri.replace(".en", "")) for f in files if f not in theme])


MKDOCS = SimpleNamespace(docs_dir="/docs", site_dir="/site", use_directory_urls=True)


def _rebuild(reuse: bool, uris: list[str]):
    """A rebuild: MkDocs makes a new plugin object and new input files each time."""
    plugin = _Plugin()
    i18n_plugin.reuse_files(SimpleNamespace(plugins={"i18n": plugin}), reuse)
    return plugin, plugin.reconfigure_files([_file(uri) for uri in uris], MKDOCS)


def test_a_partial_rebuild_gets_the_files_of_the_rebuild_before_when_its_inputs_are_the_same():
    i18n_plugin._KEPT_FILES.clear()
    uris = ["theme/main.html", "a.en.md", "b.en.md"]
    plugin, first = _rebuild(False, uris)
    assert plugin.runs == 1
    first[1].page = "the page of the build before"
    plugin, second = _rebuild(True, uris)
    assert plugin.runs == 0
    assert second[1:] == first[1:] and all(a is b for a, b in zip(second[1:], first[1:], strict=True))
    assert second[0] is not first[0] and second[0].src_uri == "theme/main.html"  # this rebuild's theme file
    assert type(second) is _Files and second[1].page is None

    plugin, _ = _rebuild(True, [*uris, "c.en.md"])  # a file added: made anew
    assert plugin.runs == 1
    plugin, _ = _rebuild(False, [*uris, "c.en.md"])  # a full rebuild: made anew
    assert plugin.runs == 1


def test_a_plugin_object_kept_across_rebuilds_is_told_each_time_whether_to_reuse():
    i18n_plugin._KEPT_FILES.clear()
    plugin = _Plugin()
    config = SimpleNamespace(plugins={"i18n": plugin})
    uris = ["a.en.md"]
    for reuse, runs in ((False, 1), (True, 1), (False, 2), (True, 2)):
        i18n_plugin.reuse_files(config, reuse)
        plugin.reconfigure_files([_file(uri) for uri in uris], MKDOCS)
        assert plugin.runs == runs
