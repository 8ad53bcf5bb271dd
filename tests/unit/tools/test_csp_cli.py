"""`guide-csp` (partner_guide/tools/csp.py): the CDN's header value from a built site."""

from __future__ import annotations

from partner_guide.site.csp import script_hash
from partner_guide.tools.csp import main


def test_prints_the_header_with_every_pages_hashes(tmp_path, capsys):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("<head><script>a()</script></head>", encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text("<head><script>b()</script></head>", encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    header = capsys.readouterr().out.strip()
    assert script_hash("a()") in header and script_hash("b()") in header and "frame-ancestors 'none'" in header


def test_without_a_built_site_it_says_so(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "make build" in capsys.readouterr().err
