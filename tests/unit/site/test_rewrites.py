"""The Markdown rewrites before rendering (partner_guide/site/rewrites.py), shared by the build and make check."""

from __future__ import annotations

from partner_guide.site.rewrites import rewrite_markdown
from tests.support import REGISTRY


def test_short_names_get_their_definitions_and_admonitions_are_left_to_the_extension():
    out = rewrite_markdown(">! 签署前核对。\n\n见 [通知公告][announce]。\n", REGISTRY)
    assert out.startswith(">! 签署前核对。")
    assert "[announce]: https://console.cloud.tencent.com/partners/announce" in out


def test_the_writers_lines_keep_their_numbers():
    text = "# 标题\n\n正文\n"
    assert rewrite_markdown(text, REGISTRY).split("\n")[:3] == text.split("\n")[:3]
