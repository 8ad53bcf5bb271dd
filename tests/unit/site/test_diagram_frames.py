"""Diagram frames (partner_guide/site/diagram_frames.py) on small inputs."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from partner_guide.site import diagram_frames
from partner_guide.site.diagram_frames import alt_text, attach_drawings, diagram_name, frame_diagrams

from tests.support import REGISTRY, check_diagrams


def pre(source: str) -> str:
    return f'<pre class="mermaid"><code>{htmllib.escape(source, quote=False)}</code></pre>'


@pytest.mark.parametrize(
    "source, label",
    [
        ('flowchart TD\n甲["开始"] --> 乙["结束"]', "流程图：开始 → 结束"),
        ('flowchart LR\n  a["申请"] --> b{"审核？"}\n  b -->|通过| c("签约")', "流程图：申请 → 审核？ → 签约"),
        ("graph TD\nx[一] --> y[二]\ny --> x", "流程图：一 → 二"),
    ],
)
def test_alt_text_names_the_steps_the_checks_read(source, label):
    fence = f"```mermaid\n{source}\n```\n"
    assert check_diagrams(fence, "docs/x.md", REGISTRY) == []  # a diagram the checks accept
    assert alt_text(source, "zh") == label


def test_alt_text_is_in_the_page_language():
    assert alt_text('flowchart TD\na["Apply"] --> b["Sign"]', "en") == "Flowchart: Apply → Sign"


def test_frames_carry_label_direction_and_the_diagram_name():
    html = "<p>x</p>" + pre('flowchart LR\na["<甲>"] --> b["乙"]') + pre('flowchart TD\nc["丙"] --> d["丁"]')
    framed = frame_diagrams(html, "zh", "hot/rebate.en.md")
    frames = re.findall(
        r'<div class="diagram diagram--(\w+)" role="img" aria-label="([^"]*)" data-drawing="([^"]*)"', framed
    )
    assert frames == [
        ("lr", "流程图：&lt;甲&gt; → 乙", "hot/rebate.en-1"),
        ("td", "流程图：丙 → 丁", "hot/rebate.en-2"),
    ]
    assert framed.count("</pre></div>") == 2


def test_a_drawing_is_attached_only_for_its_exact_source(tmp_path, monkeypatch):
    monkeypatch.setattr(diagram_frames, "DRAWINGS_DIR", tmp_path)
    source = 'flowchart TD\na["甲"] --> b["乙"]'
    path = diagram_frames.drawing_path(diagram_name("index.md", 1), source)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"></svg>', encoding="utf-8")
    template = (
        '<template class="diagram__svg"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"></svg></template>'
    )
    # A drawn frame takes the drawing's size from an empty SVG after the source, not from a style; both
    # SVGs go in after the HTML boundary (which lets no SVG into a page's content).
    size = (
        '<svg class="diagram__size" viewBox="0 0 200 100" width="200" height="100" aria-hidden="true" '
        'focusable="false"></svg>'
    )
    assert attach_drawings(pre(source), "index.md") == pre(source) + template + size
    assert "template" not in attach_drawings(pre(source + "\n"), "index.md")  # edited since drawn
    assert "template" not in attach_drawings(pre(source), "apply.md")  # another page's diagram
    framed = frame_diagrams(pre(source), "zh", "index.md")
    assert '<div class="diagram diagram--drawn" role="img"' in framed and "style=" not in framed
    assert framed.endswith(pre(source) + "</div>") and "<svg" not in framed
    monkeypatch.setenv("DIAGRAM_PRERENDER", "0")
    assert "template" not in attach_drawings(pre(source), "index.md")


def test_the_drawings_are_keyed_on_mermaids_version_the_sites_settings_and_the_source(monkeypatch):
    source = 'flowchart TD\na["甲"] --> b["乙"]'
    key = diagram_frames.diagram_key(source)
    monkeypatch.setattr(diagram_frames, "CONFIG_JSON", '{"flowchart":{"wrappingWidth":200}}')
    assert diagram_frames.diagram_key(source) != key


def test_a_drawing_made_for_the_build_is_used_when_none_is_committed(tmp_path, monkeypatch):
    """CI draws what the committed drawings lack into the site's .cache/diagrams/ (`guide-diagrams --missing`)."""
    monkeypatch.setattr(diagram_frames, "DRAWINGS_DIR", tmp_path / "committed")
    cache = diagram_frames.cache_dir(tmp_path)
    assert cache == tmp_path / ".cache" / "diagrams"
    source = 'flowchart TD\na["甲"] --> b["乙"]'
    assert diagram_frames.undrawn(pre(source), "index.md", cache) == ["index-1"]
    assert "template" not in attach_drawings(pre(source), "index.md", cache)
    path = diagram_frames.drawing_path(diagram_name("index.md", 1), source, cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"></svg>', encoding="utf-8")
    assert diagram_frames.undrawn(pre(source), "index.md", cache) == []
    assert '<template class="diagram__svg">' in attach_drawings(pre(source), "index.md", cache)
    assert "diagram--drawn" in frame_diagrams(pre(source), "zh", "index.md", cache)
    assert "template" not in attach_drawings(pre(source), "index.md")  # without the cache: renders live


def test_the_page_extension_attaches_the_builds_drawing_and_says_when_a_diagram_has_none(tmp_path, monkeypatch):
    """The page audit (markdown/page.py) takes the drawings CI drew into the build's cache; a diagram without one
    is an INFO line through `PageContext.inform`, not a finding, and renders live."""
    import markdown as python_markdown
    from partner_guide.compat.mkdocs_build import markdown_config
    from partner_guide.compat.mkdocs_markdown import PAGE_EXTENSION
    from partner_guide.markdown.page import PageContext

    from tests.support import ROOT

    monkeypatch.setattr(diagram_frames, "DRAWINGS_DIR", tmp_path / "committed")
    cache = diagram_frames.cache_dir(tmp_path)
    source = 'flowchart TD\n  a["甲"] --> b["乙"]'
    page = f"# 标题\n\n```mermaid\n{source}\n```\n"
    names, configs = markdown_config(ROOT / "mkdocs.yml")

    def render() -> tuple[str, list[str], list[object]]:
        said: list[str] = []
        context = PageContext("docs/hot/x.md", page, 1, REGISTRY, diagram_cache=cache, inform=said.append)
        md = python_markdown.Markdown(
            extensions=names, extension_configs={**configs, PAGE_EXTENSION: {"lang": "zh", "context": context}}
        )
        return md.convert(page), said, list(md.findings)  # type: ignore[attr-defined]

    html, said, findings = render()
    assert said == [
        "docs/hot/x.md: diagram 1 has no drawing of its current source yet; readers' browsers draw it "
        "(CI draws it before publishing; `make diagrams` commits one)"
    ]
    assert findings == [] and "diagram__svg" not in html
    drawn = diagram_frames.drawing_path(diagram_name("hot/x.md", 1), source, cache)
    drawn.parent.mkdir(parents=True)
    drawn.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"></svg>', encoding="utf-8")
    html, said, findings = render()
    assert said == [] and findings == [] and '<template class="diagram__svg">' in html
