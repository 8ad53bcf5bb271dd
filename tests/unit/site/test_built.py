"""The built folder as the site step reads it (partner_guide/site/built.py)."""

from __future__ import annotations

from partner_guide.site.built import article_of, built_pages, head_of, links


def test_each_editions_pages_in_address_order_without_the_404_documents(tmp_path):
    for name in (
        "index.html",
        "404.html",
        "writing/index.html",
        "hot/index.html",
        "hot/rebate/index.html",
        "apply/index.html",
        "en/index.html",
        "en/404.html",
        "en/hot/index.html",
        "en/apply/index.html",
        "faq.html",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html></html>", encoding="utf-8")
    found = [(page.lang, page.prefix, page.url) for page in built_pages(tmp_path, ["zh", "en"], "zh")]
    assert found == [
        ("zh", "", ""),
        ("zh", "", "apply/"),
        ("zh", "", "faq.html"),
        ("zh", "", "hot/"),
        ("zh", "", "hot/rebate/"),
        ("zh", "", "writing/"),
        ("en", "en/", ""),
        ("en", "en/", "apply/"),
        ("en", "en/", "hot/"),
    ]
    assert built_pages(tmp_path, ["zh", "en"], "zh")[1].path == tmp_path / "apply" / "index.html"


def test_the_head_tells_the_canonical_address_and_the_alternates_in_any_attribute_order():
    html = (
        '<html><head><link rel="canonical" href="https://x.example/hot/?a=1&amp;b=2">'
        "<link href='https://x.example/hot/' hreflang='zh' rel='alternate'>"
        '<link rel="alternate" hreflang="en" href="../en/hot/">'
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        '<link rel="stylesheet" href="x.css"></head>'
        '<body><link rel="canonical" href="https://elsewhere.example/"></body></html>'
    )
    canonical, alternates = links(head_of(html))
    assert canonical == "https://x.example/hot/?a=1&b=2"
    assert alternates == [("zh", "https://x.example/hot/"), ("en", "../en/hot/")]
    assert links(head_of("<p>no head</p>")) == (None, [])


def test_the_article_runs_from_the_first_article_to_the_last_closing_one():
    html = "<nav>n</nav><article class='md-content__inner'><p>a</p><article>b</article></article><footer>"
    assert article_of(html) == "<article class='md-content__inner'><p>a</p><article>b</article></article>"
    assert article_of("<main><p>no article</p></main>") is None
