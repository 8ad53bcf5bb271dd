"""A page's content as search sections (partner_guide/site/search_sections.py)."""

from __future__ import annotations

from partner_guide.site.search_sections import page_sections

PAGE = """
<h1 id="_1">返佣流程<a class="headerlink" href="#_1" title="本问题的链接">&para;</a></h1>
<p>每月结算。</p>
<h2 id="rebate-process">合作伙伴返佣流程？<a class="headerlink" href="#rebate-process">&para;</a></h2>
<div class="diagram diagram--td" role="img" aria-label="流程图：业绩结算 → 核对账单"><pre class="mermaid"><code>flowchart TD
  settle["业绩结算"] --&gt; check["核对账单"]</code></pre></div>
<ul><li>业绩结算环节</li><li>返佣付款环节</li></ul>
<h2 id="secret" data-search-exclude>内部</h2>
<h2>没有 id 的标题</h2>
<p data-search-exclude>不要索引</p><script>var x = "<p>no</p>"</script>
"""


def test_the_page_and_each_question_become_sections_with_their_text():
    sections = page_sections(PAGE, "返佣")
    assert [(s.anchor, s.title) for s in sections] == [("", "返佣流程"), ("rebate-process", "合作伙伴返佣流程？")]
    assert sections[0].text == "每月结算。"
    assert "业绩结算环节 返佣付款环节" in sections[1].text


def test_a_diagram_counts_by_its_text_alternative_never_its_source():
    text = page_sections(PAGE)[1].text
    assert text.startswith("流程图：业绩结算 → 核对账单")
    assert "flowchart" not in text and "-->" not in text and "settle" not in text


def test_permalinks_scripts_and_excluded_parts_are_left_out():
    everything = " ".join(s.title + " " + s.text for s in page_sections(PAGE))
    for absent in ("¶", "内部", "不要索引", "var x", "no</p>"):
        assert absent not in everything
    assert "没有 id 的标题" in everything  # a heading without an id is text of its question


def test_a_page_without_h1_takes_its_title():
    assert page_sections("<p>正文</p>", "标题")[0].title == "标题"


def test_broken_html_gives_sections_not_an_error():
    assert page_sections("<h2 id=a>问题<p>答</h2></div></div><h1>")[1].anchor == "a"
