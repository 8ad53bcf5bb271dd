"""Material's page config and head links (partner_guide/compat/material.py)."""

from __future__ import annotations

import json

from partner_guide.compat import material as compat_material

def test_rebase_config_points_materials_base_at_the_edition_and_keeps_the_rest():
    html = ('<head></head><script id="__config" type="application/json">'
            '{"base": "../..", "search": "../../assets/javascripts/workers/search.js", "tags": null}</script>')
    out = compat_material.rebase_config(html, "..")
    data = json.loads(out.split('type="application/json">')[1].split("</script>")[0])
    assert data == {"base": "..", "search": "../../assets/javascripts/workers/search.js", "tags": None}
    assert compat_material.rebase_config("<p>no config</p>", "..") == "<p>no config</p>"


def test_hreflang_alternates_become_absolute_only_in_the_head():
    html = ('<head><link rel="alternate" href="../../en/hot/rebate/" hreflang="en"></head>'
            '<body><a href="../en/hot/rebate/" hreflang="en">English</a></body>')
    out = compat_material.absolute_hreflang(html, "https://x.example/hot/rebate/")
    assert '<link rel="alternate" href="https://x.example/en/hot/rebate/" hreflang="en">' in out
    assert '<a href="../en/hot/rebate/" hreflang="en">' in out
