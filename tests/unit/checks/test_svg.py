"""Pre-drawn diagrams (partner_guide/checks/svg.py): a tampered drawing is a finding and stays out of the page."""

from __future__ import annotations

import shutil

import pytest
from partner_guide.checks.svg import check_drawings, check_svg, is_clean
from partner_guide.site.diagram_frames import DRAWINGS_DIR

REAL = sorted(DRAWINGS_DIR.rglob("*.svg"))
SVG = REAL[0].read_text(encoding="utf-8")
LABEL = "<p>" if "<p>" in SVG else "<span"
TAMPERED = {
    "label-image-handler": (SVG.replace(LABEL, '<img src="x" onerror="window.PWNED=1"/>' + LABEL, 1), "SVG-TAG"),
    "script": (SVG.replace("</svg>", "<script>window.PWNED=1</script></svg>"), "SVG-TAG"),
    "onload": (SVG.replace("<svg ", '<svg onload="window.PWNED=1" ', 1), "SVG-ATTR"),
    "link": (SVG.replace("</svg>", '<a href="javascript:alert(1)"><text>x</text></a></svg>'), "SVG-TAG"),
    "xlink": (
        SVG.replace("<g", '<g xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://evil.example"', 1),
        "SVG-ATTR",
    ),
    "css-import": (SVG.replace("<style>", "<style>@import url(https://evil.example/x.css);", 1), "SVG-URL"),
    "css-url": (SVG.replace("<style>", "<style>#x{background:url(https://evil.example/t.png)}", 1), "SVG-URL"),
    "entity": ('<!DOCTYPE svg [<!ENTITY a "b">]>' + SVG, "SVG-XML"),
    "truncated": (SVG[:-10], "SVG-XML"),
    "animate": (SVG.replace("</svg>", '<animate attributeName="href" values="javascript:alert(1)"/></svg>'), "SVG-TAG"),
    "iframe-in-label": (SVG.replace(LABEL, '<iframe src="https://evil.example"></iframe>' + LABEL, 1), "SVG-TAG"),
    "foreign-object-outside-label": (
        SVG.replace("</svg>", "<foreignObject><iframe/></foreignObject></svg>"),
        "SVG-TAG",
    ),
}


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_every_drawing_make_diagrams_made_passes(path):
    assert check_svg(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize("name", TAMPERED)
def test_a_tampered_drawing_is_a_finding(name):
    text, rule = TAMPERED[name]
    assert rule in {finding.rule for finding in check_svg(text, "x.svg")}


def test_a_tampered_drawing_in_the_folder_is_reported_and_kept_out(tmp_path):
    folder = tmp_path / "diagrams"
    shutil.copytree(DRAWINGS_DIR, folder)
    victim = sorted(folder.rglob("*.svg"))[0]
    victim.write_text(TAMPERED["onload"][0], encoding="utf-8")
    [finding] = check_drawings(folder, lambda p: p.relative_to(tmp_path).as_posix())
    assert finding.path == victim.relative_to(tmp_path).as_posix() and finding.rule == "SVG-ATTR"
    assert not is_clean(victim) and is_clean(sorted(folder.rglob("*.svg"))[1])
