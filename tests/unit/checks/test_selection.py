"""The pages a change can break (checks/selection.py): what `guide-check --changed` and the preview check."""

from __future__ import annotations

from partner_guide.checks.selection import affected, anchor_sources, other_editions

TEXTS = {
    "docs/a.md": "# A {#a}\n",
    "docs/a.en.md": "# A {#a}\n",
    "docs/hot/links.md": "[甲](../a.md#a)\n",
    "docs/hot/links.en.md": "[A](../a.md#a) and [B](b.md#b)\n",
    "docs/hot/b.md": "# B {#b}\n",
    "docs/hot/b.en.md": "# B {#b}\n",
    "docs/unrelated.md": "# U\n",
}


def test_a_page_has_its_editions():
    assert other_editions("docs/a.md") == {"docs/a.md", "docs/a.en.md"}
    assert other_editions("docs/a.en.md") == {"docs/a.md", "docs/a.en.md"}


def test_a_change_affects_the_page_its_other_edition_and_the_pages_naming_its_file():
    assert affected(["docs/a.en.md"], TEXTS) == {
        "docs/a.md",
        "docs/a.en.md",
        "docs/hot/links.md",
        "docs/hot/links.en.md",
    }
    # A removed page: the pages linking to it are still checked.
    assert affected(["docs/gone.md"], {**TEXTS, "docs/x.md": "[g](gone.md#q)\n"}) == {"docs/x.md"}


def test_links_resolve_against_the_pages_they_name():
    chosen = anchor_sources({"docs/hot/links.en.md"}, TEXTS)
    assert set(chosen) == {"docs/hot/links.en.md", "docs/a.md", "docs/a.en.md", "docs/hot/b.md", "docs/hot/b.en.md"}
    assert "docs/unrelated.md" not in chosen
