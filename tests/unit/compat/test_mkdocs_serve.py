"""`make serve`'s reliance on MkDocs' serve (compat/mkdocs_serve.py)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from partner_guide.compat.mkdocs_serve import (
    RELOAD_FILE,
    dirty_serve,
    keep_sitemap,
    known_modified,
    quiet_dirty_warning,
    reload_by_file,
)


def test_only_serve_with_dirty_is_a_preview():
    assert dirty_serve(["mkdocs", "serve", "--dirty", "--dev-addr", "127.0.0.1:1"])
    assert not dirty_serve(["mkdocs", "serve"])
    assert not dirty_serve(["mkdocs", "build", "--dirty"])


def test_only_the_dirty_build_warning_is_dropped():
    logger = logging.getLogger("mkdocs.commands.build")
    quiet_dirty_warning()
    quiet_dirty_warning()
    assert len(logger.filters) == len(set(logger.filters))
    dirty = logging.LogRecord(
        "mkdocs.commands.build",
        logging.WARNING,
        "",
        1,
        "A 'dirty' build is being performed, this will likely lead to …",
        None,
        None,
    )
    other = logging.LogRecord("mkdocs.commands.build", logging.WARNING, "", 1, "Doc file 'a.md' contains …", None, None)
    assert (logger.filter(dirty), bool(logger.filter(other))) == (False, True)


def test_the_live_reload_is_a_script_file_the_csp_lets_run(tmp_path):
    server = SimpleNamespace(root=str(tmp_path), mount_path="/", _inject_js_into_html=None)
    reload_by_file(server)
    script = (tmp_path / RELOAD_FILE).read_text(encoding="utf-8")
    assert "var livereload = function(epoch, requestId)" in script and "${epoch}" not in script
    page = server._inject_js_into_html(b"<html><body><p>x</p></body></html>", 123)
    assert page.startswith(b'<html><body><p>x</p><script src="/' + RELOAD_FILE.encode() + b'" data-epoch="123"')
    assert page.endswith(b"></script></body></html>")
    assert b"<script>" not in page  # nothing inline


def test_a_page_the_preview_does_not_render_again_is_not_modified_without_a_stat(tmp_path):
    from mkdocs.structure.files import File

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# a\n", encoding="utf-8")
    file = File("a.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    assert file.is_modified()  # no output yet
    known_modified(file, False)
    assert not file.is_modified()
    known_modified(file, True)
    assert file.is_modified() and "is_modified" not in vars(file)


def test_a_partial_rebuild_keeps_the_sitemap_it_has(monkeypatch):
    from mkdocs.commands import build

    rendered = []
    monkeypatch.setattr(build, "_build_theme_template", lambda name, *args: rendered.append(name))
    for keep in (True, False):
        keep_sitemap(keep)
        for name in ("404.html", "sitemap.xml"):
            build._build_theme_template(name, None, None, None, None)
    assert rendered == ["404.html", "404.html", "sitemap.xml"]
