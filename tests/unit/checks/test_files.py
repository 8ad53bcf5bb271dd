"""Files under docs/ (partner_guide/checks/files.py): links out of the repository, bad UTF-8, odd names."""

from __future__ import annotations

import os

import pytest
from partner_guide.checks.files import check_tree, decode, outside_links

from tests.support import ROOT


def _tree(tmp_path):
    docs = tmp_path / "repo" / "docs"
    (docs / "assets").mkdir(parents=True)
    return docs


def _rules(docs):
    return [
        (f.path, f.line, f.col, f.rule)
        for f in check_tree(docs, docs.parent, lambda p: p.relative_to(docs.parent).as_posix())
    ]


@pytest.mark.content
def test_the_sites_docs_pass():
    assert check_tree(ROOT / "docs", ROOT) == []


def test_a_link_to_a_file_or_folder_outside_the_repository_is_a_finding(tmp_path):
    docs = _tree(tmp_path)
    (docs / "assets" / "passwd.txt").symlink_to("/etc/passwd")
    (docs / "etc").symlink_to("/etc")
    (docs / "page.md").write_text("# x\n", encoding="utf-8")
    (docs / "assets" / "same.md").symlink_to("../page.md")  # inside the repository: fine
    found = _rules(docs)
    assert found == [("docs/assets/passwd.txt", 1, 1, "FILE-SYMLINK"), ("docs/etc", 1, 1, "FILE-SYMLINK")]  # path order
    assert outside_links(check_tree(docs, docs.parent)) == {str(docs / "assets" / "passwd.txt"), str(docs / "etc")}


def test_invalid_utf8_is_reported_at_the_line_and_column_of_the_bad_byte(tmp_path):
    docs = _tree(tmp_path)
    (docs / "bad.md").write_bytes("---\ntitle: x\n---\n\n测试".encode() + b"\xff\xfe\n")
    [(path, line, col, rule)] = _rules(docs)
    assert (path, line, col, rule) == ("docs/bad.md", 5, 3, "FILE-UTF8")


def test_a_byte_order_mark_is_valid_utf8_and_is_dropped_when_decoding(tmp_path):
    docs = _tree(tmp_path)
    (docs / "bom.md").write_bytes(b"\xef\xbb\xbf# x\n")
    assert _rules(docs) == []
    assert decode(b"\xef\xbb\xbf# x\n") == ("# x\n", None)


def test_decoding_bad_bytes_replaces_them_and_says_where():
    text, (line, col, message) = decode(b"a\nb\xffc\n")
    assert text == "a\nb\ufffdc\n" and (line, col) == (2, 2) and "0xff" in message


def test_names_that_are_not_plain_url_parts_are_findings(tmp_path):
    docs = _tree(tmp_path)
    (docs / "<img src=x onerror=alert(1)>.md").write_text("x\n", encoding="utf-8")
    (docs / "ok-name_1.en.md").write_text("x\n", encoding="utf-8")
    assert [rule for *_, rule in _rules(docs)] == ["FILE-NAME"]


def test_nothing_is_followed_or_written(tmp_path):
    docs = _tree(tmp_path)
    loop = docs / "loop"
    os.symlink(loop, loop)  # a link to itself
    before = sorted(p.name for p in docs.rglob("*"))
    assert [rule for *_, rule in _rules(docs)] == ["FILE-SYMLINK"]
    assert sorted(p.name for p in docs.rglob("*")) == before
