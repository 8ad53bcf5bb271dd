"""The preview's plan: which pages a rebuild of `make serve` renders again (site/preview.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from partner_guide.site.preview import plan, write_manifest


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _touch_later(path: Path, text: str) -> None:
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    _write(root / "mkdocs.yml", "site_name: x\n")
    _write(root / "hooks" / "registry.yml", "links: {}\n")
    for name, text in {
        "a.md": "# A {#a}\n",
        "a.en.md": "# A {#a}\n",
        "links.md": "[to a](a.md#a)\n",
        "links.en.md": "[to a](a.md#a)\n",
        "other.md": "# Other\n",
        "other.en.md": "# Other\n",
    }.items():
        _write(root / "docs" / name, text)
    out = tmp_path / "out"
    out.mkdir()
    first = plan(root, root / "docs", out)
    assert first.full and first.reason == "first build"
    write_manifest(out, first)
    return root, out


def test_a_saved_page_renders_again_with_its_other_edition_and_the_pages_linking_to_it(site):
    root, out = site
    _touch_later(root / "docs" / "a.md", "# A changed {#a2}\n")
    todo = plan(root, root / "docs", out)
    assert not todo.full
    assert todo.changed == {"docs/a.md"}
    assert todo.rebuild == {"docs/a.md", "docs/a.en.md", "docs/links.md", "docs/links.en.md"}


def test_nothing_saved_renders_nothing_again(site):
    root, out = site
    todo = plan(root, root / "docs", out)
    assert (todo.full, todo.rebuild) == (False, frozenset())


@pytest.mark.parametrize("change", ["hooks/registry.yml", "mkdocs.yml", "docs/new.md"])
def test_a_change_every_page_depends_on_renders_every_page(site, change):
    root, out = site
    path = root / change
    if path.exists():
        _touch_later(path, path.read_text(encoding="utf-8") + "\n")
    else:
        _write(path, "# New\n")
    todo = plan(root, root / "docs", out)
    assert todo.full, todo
    assert change in todo.reason
