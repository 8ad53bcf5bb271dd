"""The preview's plan: which pages a rebuild of `make serve` renders again (site/preview.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from partner_guide.site.preview import link_names, linking_to_bytes, linking_to_names, plan, write_manifest


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


def test_a_page_that_starts_linking_to_a_saved_page_renders_again_with_it(site):
    root, out = site
    _touch_later(root / "docs" / "other.md", "# Other\n\n[to a](./a.md)\n")
    first = plan(root, root / "docs", out)
    assert first.rebuild == {"docs/other.md", "docs/other.en.md"}
    write_manifest(out, first)
    _touch_later(root / "docs" / "a.md", "# A again {#a}\n")
    assert plan(root, root / "docs", out).rebuild == {
        "docs/a.md",
        "docs/a.en.md",
        "docs/links.md",
        "docs/links.en.md",
        "docs/other.md",
    }


TEXTS = {
    "docs/plain.md": "[x](a.md)",
    "docs/path.md": "see [x](../hot/a.md#q-1) and [y][ref]\n\n[ref]: <a.md> 'title'",
    "docs/longer.md": "[x](data.md) and a-plain-name_a.md.bak",
    "docs/english.md": "[x](a.en.md)",
    "docs/none.md": "a md file named in prose: a .md, am.d, a_md",
    "docs/chinese.md": "链接到a.md。",
}


def test_the_link_name_index_finds_the_pages_the_byte_search_finds(tmp_path):
    for page, text in TEXTS.items():
        _write(tmp_path / page, text)
    files = {page: tmp_path / page for page in TEXTS}
    names = link_names(tmp_path, TEXTS)
    for changed in (["docs/a.md"], ["docs/a.en.md"], ["docs/data.md"], ["docs/bak.md"], ["docs/plain.md"]):
        assert linking_to_names(changed, names) == linking_to_bytes(changed, files), changed
    assert linking_to_names(["docs/a.md"], names) == set(TEXTS) - {"docs/none.md", "docs/english.md"}


def test_a_page_name_the_index_cannot_answer_for_is_searched_in_every_page(site):
    root, out = site
    _write(root / "docs" / "链接.md", "# 链接\n")
    write_manifest(out, plan(root, root / "docs", out))
    _write(root / "docs" / "other.md", "# Other\n\n[to](链接.md)\n")
    write_manifest(out, plan(root, root / "docs", out))
    _touch_later(root / "docs" / "链接.md", "# 链接 again\n")
    assert plan(root, root / "docs", out).rebuild == {"docs/链接.md", "docs/other.md"}
