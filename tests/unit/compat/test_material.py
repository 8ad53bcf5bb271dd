"""Material's page config and head links (partner_guide/compat/material.py)."""

from __future__ import annotations

import json
from pathlib import Path

import material
from partner_guide.compat import material as compat_material


def test_rebase_config_points_materials_base_at_the_edition_and_keeps_the_rest():
    html = (
        '<head></head><script id="__config" type="application/json">'
        '{"base": "../..", "search": "../../assets/javascripts/workers/search.js", "tags": null}</script>'
    )
    out = compat_material.rebase_config(html, "..")
    data = json.loads(out.split('type="application/json">')[1].split("</script>")[0])
    assert data == {"base": "..", "search": "../../assets/javascripts/workers/search.js", "tags": None}
    assert compat_material.rebase_config("<p>no config</p>", "..") == "<p>no config</p>"


def test_hreflang_alternates_become_absolute_only_in_the_head():
    html = (
        '<head><link rel="alternate" href="../../en/hot/rebate/" hreflang="en"></head>'
        '<body><a href="../en/hot/rebate/" hreflang="en">English</a></body>'
    )
    out = compat_material.absolute_hreflang(html, "https://x.example/hot/rebate/")
    assert '<link rel="alternate" href="https://x.example/en/hot/rebate/" hreflang="en">' in out
    assert '<a href="../en/hot/rebate/" hreflang="en">' in out


BUNDLES = sorted((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))


def test_the_installed_bundle_does_what_lang_switch_js_relies_on(tmp_path):
    """On DOMContentLoaded, Material fetches sitemap.xml beside each link[rel=alternate] (mkdocs-material#6582)."""
    assert len(BUNDLES) == 1
    site = tmp_path / "assets/javascripts"
    site.mkdir(parents=True)
    (site / BUNDLES[0].name).write_bytes(BUNDLES[0].read_bytes())
    assert compat_material.alternate_script_problems(str(tmp_path)) == []


def test_a_bundle_that_changed_is_reported_by_what_changed(tmp_path):
    site = tmp_path / "assets/javascripts"
    site.mkdir(parents=True)
    (site / "bundle.abc.min.js").write_text(
        'h(document,"DOMContentLoaded",{once:!0});M("link[rel=alternate]")', encoding="utf-8"
    )
    assert compat_material.alternate_script_problems(str(tmp_path)) == [
        "bundle.abc.min.js: the sitemap is no longer fetched next to each alternate link"
    ]
    (site / "bundle.def.min.js").write_text("", encoding="utf-8")
    assert "found 2" in compat_material.alternate_script_problems(str(tmp_path))[0]


def test_lang_switch_js_takes_rel_off_the_hreflang_links_and_puts_it_back_after_materials_handler():
    from tests.support import ROOT

    script = (ROOT / "docs/assets/javascripts/lang-switch.js").read_text(encoding="utf-8")
    assert "document.querySelectorAll('link[rel=\"alternate\"][hreflang]')" in script
    assert 'removeAttribute("rel")' in script and 'setAttribute("rel", "alternate")' in script
    # After Material's bundle in the page: its DOMContentLoaded listener is added first and runs first.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - assets/javascripts/lang-switch.js" in config.split("extra_javascript:", 1)[1].split("\n\n")[0]


def test_the_source_file_override_is_materials_partial_with_a_div_for_its_aside():
    """overrides/partials/source-file.html: Material's "last updated" partial, an <aside> no more (axe:
    landmark-complementary-is-top-level) and out of search; anything else Material changes in it must be looked at."""
    from tests.support import ROOT

    upstream = (Path(material.__file__).parent / "templates/partials/source-file.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides/partials/source-file.html").read_text(encoding="utf-8")
    strip = lambda text: text.split("-#}\n", 1)[1]  # noqa: E731 - each file's leading comment
    div = '<div class="md-source-file" data-search-exclude>'  # out of the search index (site/search_sections.py)
    assert strip(upstream).replace('<aside class="md-source-file">', div).replace("</aside>", "</div>") == strip(ours)
    assert "<aside" not in strip(ours)
