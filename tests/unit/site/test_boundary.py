"""The HTML boundary (partner_guide/site/boundary.py): what readers get of a page's rendered content."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from partner_guide.site.boundary import Locator, UrlPolicy, canonical, check_page, sanitize
from selectolax.lexbor import LexborHTMLParser

from tests.support import REGISTRY

POLICY = UrlPolicy.of(REGISTRY, "hot/rebate/")
CHAT = REGISTRY.assistant.url

LEGITIMATE = {
    "heading with permalink": '<h2 id="rebate-process">返佣流程？<a class="headerlink" href="#rebate-process" '
    'title="本问题的链接">¶</a></h2>',
    "untitled h1 slug": '<h1 id="_1">标题</h1>',
    "admonition": '<div class="admonition warning"><p class="admonition-title">注意</p><p>签署前核对。</p></div>',
    "details": '<details class="note" open="open"><summary>展开</summary><p>内容</p></details>',
    "table aligned": '<table><thead><tr><th style="text-align: left;">左</th><th style="text-align: center;">中'
    '</th></tr></thead><tbody><tr><td style="text-align: left;">a</td><td>b</td></tr></tbody></table>',
    "code highlighted": '<div class="language-python highlight"><pre><span></span><code><span class="k">def</span>'
    ' <span class="nf">f</span><span class="p">():</span></code></pre></div>',
    "diagram frame": '<div class="diagram diagram--drawn" role="img" aria-label="流程图：开始 → 结束" '
    'data-drawing="hot/rebate-1"><pre class="mermaid"><code>flowchart TD\nA--&gt;B</code></pre></div>',
    "tabs": '<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" '
    'name="__tabbed_1" type="radio"><input id="__tabbed_1_2" name="__tabbed_1" type="radio"><div '
    'class="tabbed-labels"><label for="__tabbed_1_1">控制台</label><label for="__tabbed_1_2">API</label></div>'
    '<div class="tabbed-content"><div class="tabbed-block"><p>a</p></div><div class="tabbed-block"><p>b</p>'
    "</div></div></div>",
    "registered links": f'<p><a href="https://console.cloud.tencent.com/partners/announce">通知公告</a> '
    f'<a href="{CHAT}">渠道小助手</a> <a href="https://cloud.tencent.com/document/product/555/7440">'
    f'退货说明</a> <a href="tel:+8675586013388,75727">电话</a> <a href="../apply/">申请</a> '
    f'<a href="#q">本页</a></p>',
    "image from assets": '<p><img alt="流程" src="../../assets/images/flow.png"></p>',
    "lists and quotes": '<ol start="3"><li>a</li></ol><ul><li><strong>b</strong> <em>c</em></li></ul>'
    "<blockquote><p>q</p></blockquote><dl><dt>t</dt><dd>d</dd></dl><hr><p>a<br>b</p>",
    "abbreviation": '<p><abbr title="Tencent Cloud">TC</abbr> <code>&lt;script&gt;</code> <kbd>Ctrl</kbd></p>',
    "grid cards": '<div class="grid cards"><ul><li><p>卡片</p></li></ul></div>',
}


@pytest.mark.parametrize("name", LEGITIMATE)
def test_what_the_site_renders_passes_unchanged(name):
    html = LEGITIMATE[name]
    judgement = check_page(html, POLICY)
    assert judgement.removals == []
    assert canonical(judgement.html) == canonical(html)


ATTACKS = {
    '<p><a href="javascript:alert(1)">x</a></p>': "SAFE-URL",
    '<p><a href=" jav&#x09;ascript:alert(1)">x</a></p>': "SAFE-URL",
    '<p><a href="&#106;avascript:alert(1)">x</a></p>': "SAFE-URL",
    "<svg/onload=alert(1)>": "SAFE-TAG",
    '<p title="a>b" onclick="x()">q</p>': "SAFE-EVENT",
    "<img src=x onerror=alert(1)>": "SAFE-EVENT",
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">': "SAFE-URL",
    "<!-- a --!><script>alert(1)</script>": "SAFE-TAG",
    "<!--><script>alert(2)</script>-->": "SAFE-TAG",
    '<a href="https://console.cloud.tencent.com/evil">x</a>': "SAFE-URL",
    '<a href="https://console.cloud.tencent.com.evil.example/">x</a>': "SAFE-URL",
    '<a href="https://console.cloud.tencent.com@evil.example/">x</a>': "SAFE-URL",
    '<a href="//evil.example/">x</a>': "SAFE-URL",
    '<a href="https:\\\\evil.example/">x</a>': "SAFE-URL",
    f'<a href="{CHAT.replace("kfuin=2852062166", "kfuin=1")}">x</a>': "SAFE-URL",
    '<a href="tel:+8610000000">x</a>': "SAFE-URL",
    '<a href="mailto:someone@evil.example">x</a>': "SAFE-URL",
    '<div id="__config">x</div>': "SAFE-ID",
    '<p class="md-dialog">x</p>': "SAFE-CLASS",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>": "SAFE-TAG",
    '<form action="https://evil.example"><input name=q><button>go</button></form>': "SAFE-TAG",
    '<input onfocus="alert(1)" autofocus>': "SAFE-EVENT",
    '<a href="#x" onfocus="alert(1)" autofocus>t</a>': "SAFE-EVENT",
    '<details open ontoggle="alert(1)"><summary>x</summary></details>': "SAFE-EVENT",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>': "SAFE-TAG",
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>': "SAFE-TAG",
    '<base href="https://evil.example/">': "SAFE-TAG",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">': "SAFE-TAG",
    '<p style="background:url(https://evil.example/t.png)">x</p>': "SAFE-ATTR",
    '<img src="../../assets/x.png" srcset="https://evil.example/t.png 1x">': "SAFE-ATTR",
    '<img src="../../../../etc/x.png">': "SAFE-URL",
    '<a href="../../../../">x</a>': "SAFE-URL",
    "<div>never closed": "HTML-UNCLOSED",
}


@pytest.mark.parametrize("html", ATTACKS)
def test_an_attack_is_removed_and_reported(html):
    judgement = check_page(html, POLICY)
    assert ATTACKS[html] in {removal.rule for removal in judgement.removals}
    published = judgement.html.lower()
    for payload in ("alert(", "javascript", "evil.example", "__config", "md-dialog", "onfocus", "<script"):
        assert payload not in published


def test_the_policy_accepts_every_registered_contact_and_route_pattern():
    registry = dataclasses.replace(REGISTRY, phones=("4009-100-100",), emails=("partners@tencent.com",))
    policy = UrlPolicy.of(registry, "hot/rebate/")
    assert registry.route_patterns == ("/partnersmgmt/announce/<n>",)
    for href in (
        "tel:+8675586013388,75727",
        "tel:4009100100",
        "mailto:Partners@tencent.com",
        "mailto:partners@tencent.com?subject=x",
        "https://console.cloud.tencent.com/partnersmgmt/announce/12",
    ):
        assert policy.href(href) is None, href
    for href in (
        "tel:4009100101",
        "tel:4009100100;x=<y>",
        "mailto:partners@tencent.com.evil.example",
        "https://console.cloud.tencent.com/partnersmgmt/announce/x",
    ):
        assert policy.href(href), href


def test_the_published_html_is_the_sanitizers():
    assert sanitize('<p onclick="x()">a</p>', POLICY) == "<p>a</p>"


def test_a_removal_is_traced_to_its_source_line():
    source = '---\ntitle: t\n---\n\n# t\n\ntext\n\n<img src=x onerror="alert(1)">\n'
    html = markdown.markdown(source.split("---\n", 2)[2], extensions=["md_in_html"])
    locator = Locator(source, body_line=4)
    found = [(removal.rule, locator.find(removal.needles)) for removal in check_page(html, POLICY).removals]
    assert found == [("SAFE-URL", (9, 6)), ("SAFE-EVENT", (9, 12))]


def test_a_removal_whose_text_is_not_in_the_source_points_at_the_body():
    assert Locator("---\na: 1\n---\nbody\n", body_line=4).find(("nowhere",)) == (4, 1)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '<a href="',
                "<img src=",
                "javascript:",
                '" onerror="x()"',
                "<script>",
                "</script>",
                "<svg>",
                "<!--",
                "-->",
                "--!>",
                ">",
                "<",
                '"',
                "'",
                "=",
                " ",
                "x",
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "&#106;",
                "&lt;",
                "<style>",
                "<math>",
                "<table>",
                "<template>",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_any_html_is_judged_without_raising_and_what_is_published_has_no_script(html):
    judgement = check_page(html, POLICY)
    body = LexborHTMLParser(f"<body>{judgement.html}</body>").body
    for node in body.traverse() if body else ():
        assert node.tag not in ("script", "svg", "style", "template", "math")
        for name, value in node.attributes.items():
            assert not name.startswith("on")
            if name in ("href", "src"):
                assert urlsplit(value or "").scheme in ("", "https", "tel", "mailto")
    if not judgement.removals:
        assert canonical(judgement.html) == canonical(html)
