"""Every fact of the source FAQ is on the built Chinese site, under its question.

The expected facts are hard-coded from `../shared/seeds/000_38db761a6363f0a1.txt`
in fixtures/source_facts.yml, on purpose: a test that read them back from `docs/` could not notice a fact
being dropped or changed there. Text is compared with all whitespace removed
(tags, line breaks and the spaces around `**5**` or links differ from the
source but are not facts); diagrams do not count, a fact must be in the prose.

The one deliberate difference: `console.qcloud.com/partners/apply` is
canonicalised to `console.cloud.tencent.com/partners/apply` (same route, the
registry's host).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.support import html_pages, is_chinese_page

# What docs/ says: `make verify` runs these too (the fast lane).
pytestmark = pytest.mark.content

APPLY = "https://console.cloud.tencent.com/partners/apply"
DOC_REFUND_RULES = "https://cloud.tencent.com/document/product/555/7440"
PHONE = "0755-86013388-75727"


@dataclass(frozen=True)
class Question:
    """One question of the source FAQ, as it must appear on the site."""

    id: str  # the explicit, stable ASCII heading id
    heading: str  # the question, verbatim from the source
    facts: tuple[str, ...] = ()  # sentences that must be in the section's prose
    links: tuple[tuple[str, str], ...] = ()  # (link text, exact href)
    items: tuple[str, ...] = ()  # the source list, which must be ONE <ul> with exactly these <li>
    item_facts: tuple[tuple[str, ...], ...] = field(default=())  # a <ul> whose i-th <li> holds these facts


def _questions() -> tuple[Question, ...]:
    data = yaml.safe_load((Path(__file__).parent / "fixtures" / "source_facts.yml").read_text(encoding="utf-8"))
    return tuple(
        Question(
            q["id"],
            q["heading"],
            tuple(q.get("facts", ())),
            tuple(tuple(link) for link in q.get("links", ())),
            tuple(q.get("items", ())),
            tuple(tuple(item) for item in q.get("item_facts", ())),
        )
        for q in data
    )


QUESTIONS = _questions()

ASCII_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Material's fallback slug for a heading it cannot transliterate: `_1`, `_2`…
NUMBERED_SLUG = re.compile(r"_\d+")
# A source list that did not become a list: a line of a <p> starting "- " or "* ".
LITERAL_BULLET = re.compile(r"^\s*[-*]\s", re.MULTILINE)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def squash(text: str) -> str:
    """Text without any whitespace (incl. U+200B, NBSP, ideographic space)."""
    return re.sub(r"[\s\u200b\u3000\xa0]+", "", text)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup) -> Tag:
    """The page's main content, without the contact block the template adds."""
    main = soup.select_one("article.md-content__inner")
    assert main is not None, "no <article class=md-content__inner>"
    for aside in main.select(".partner-contact"):
        aside.decompose()
    return main


def prose_text(node: Tag) -> str:
    """Visible text of a node, diagrams and heading permalinks excluded."""
    node = BeautifulSoup(str(node), "html.parser")
    for junk in node.select(".mermaid, a.headerlink"):
        junk.decompose()
    return node.get_text()


@dataclass
class Section:
    heading: Tag
    nodes: list[Tag]

    @property
    def text(self) -> str:
        return squash("".join(prose_text(n) for n in self.nodes))

    def links(self) -> list[tuple[str, str]]:
        return [
            (squash(a.get_text()), a.get("href", ""))
            for n in self.nodes
            for a in ([n] if n.name == "a" else n.find_all("a"))
            if "headerlink" not in (a.get("class") or [])
        ]

    def lists(self) -> list[Tag]:
        found = []
        for n in self.nodes:
            if n.name == "ul":
                found.append(n)
            found.extend(n.find_all("ul"))
        return found


def section(main: Tag, heading: Tag) -> Section:
    """The heading's siblings up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    nodes = []
    for sibling in heading.find_next_siblings():
        if sibling.name in HEADINGS and int(sibling.name[1]) <= level:
            break
        nodes.append(sibling)
    return Section(heading, nodes)


@pytest.fixture(scope="module")
def chinese_pages(site_dir) -> dict[Path, BeautifulSoup]:
    pages = {p: soup_of(p) for p in html_pages(site_dir) if is_chinese_page(site_dir, p)}
    assert len(pages) >= 10, f"expected the 9 Chinese pages and 404.html, got {sorted(map(str, pages))}"
    return pages


@pytest.fixture(scope="module")
def sections(chinese_pages) -> dict[str, Section]:
    """Question id -> its section, over the whole Chinese site."""
    found: dict[str, Section] = {}
    for path, soup in chinese_pages.items():
        main = article(soup)
        for heading in main.find_all(HEADINGS[1:]):  # questions; h1 is the page title
            if heading.get("id"):
                assert heading["id"] not in found, f"heading id #{heading['id']} twice (again in {path})"
                found[heading["id"]] = section(main, heading)
    return found


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_source_question_is_a_heading_with_its_stable_id(sections, question):
    assert question.id in sections, f"no heading with id #{question.id} ({question.heading})"
    heading = sections[question.id].heading
    assert squash(prose_text(heading)) == squash(question.heading)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_source_fact_is_in_its_question_section(sections, question):
    text = sections[question.id].text
    missing = [fact for fact in question.facts + question.items if squash(fact) not in text]
    missing += [fact for facts in question.item_facts for fact in facts if squash(fact) not in text]
    assert not missing, f"#{question.id}: missing from the prose: {missing}\n--- section text:\n{text}"


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.links], ids=lambda q: q.id)
def test_every_source_link_keeps_its_text_and_exact_target(sections, question):
    links = sections[question.id].links()
    missing = [link for link in question.links if (squash(link[0]), link[1]) not in links]
    assert not missing, f"#{question.id}: missing (text, href) {missing}; the section links: {links}"


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.items or q.item_facts], ids=lambda q: q.id)
def test_source_lists_render_as_one_list_with_one_item_per_line(sections, question):
    expected = question.items or question.item_facts
    lists = [ul for ul in sections[question.id].lists() if len(ul.find_all("li", recursive=False)) == len(expected)]
    assert lists, (
        f"#{question.id}: no <ul> with {len(expected)} <li>; lists found: "
        f"{[len(ul.find_all('li', recursive=False)) for ul in sections[question.id].lists()]}"
    )
    items = [squash(prose_text(li)) for li in lists[0].find_all("li", recursive=False)]
    if question.items:
        assert items == [squash(i) for i in question.items]
    else:
        for item, facts in zip(items, question.item_facts, strict=True):
            assert all(squash(f) in item for f in facts), f"{facts} not in the item {item!r}"


def test_the_four_conditions_are_a_list_of_four(sections):
    uls = sections["requirements"].lists()
    assert len(uls) == 1 and len(uls[0].find_all("li")) == 4


def test_canonicalised_apply_link_and_no_legacy_console_host(chinese_pages):
    hrefs = [a.get("href", "") for soup in chinese_pages.values() for a in article(soup).find_all("a")]
    assert APPLY in hrefs
    assert not [h for h in hrefs if "console.qcloud.com" in h]


def test_phone_number_dials_the_same_number(sections):
    tel = [href for _, href in sections["agreement-signing-notes"].links() if href.startswith("tel:")]
    if tel:  # a tel: link is optional, but if there is one it must dial the listed number
        digits = re.sub(r"\D", "", tel[0])
        assert digits == "86" + re.sub(r"\D", "", PHONE)[1:], tel[0]
    assert squash(PHONE) in sections["agreement-signing-notes"].text


def test_refund_warning_is_a_note_admonition_with_both_points(sections):
    """The source's `>!` block is a Tencent-docs warning: a 注意 admonition holding both bullets."""
    nodes = sections["refund-destination"].nodes
    warnings = [n for n in nodes if n.name == "div" and {"admonition", "warning"} <= set(n.get("class") or [])]
    warnings += [d for n in nodes for d in n.select("div.admonition.warning")]
    assert warnings, "no div.admonition.warning in #refund-destination (the `>!` block is not transformed)"
    warning = warnings[0]
    title = warning.select_one(".admonition-title")
    assert title is not None and squash(title.get_text()) == "注意"
    items = [squash(prose_text(li)) for li in warning.select("ul > li")]
    assert items == [squash("抵扣或代金券不予以退还。"), squash("更多退款规则请见云服务 退货说明。")]
    assert warning.select_one(f'a[href="{DOC_REFUND_RULES}"]') is not None
    assert not any(n.name == "blockquote" for n in nodes), "the raw `>!` blockquote is still there"


# ------------------------------------------------------------ every page, any language


@pytest.fixture(scope="module")
def all_pages(site_dir) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site_dir).as_posix(): soup_of(p) for p in html_pages(site_dir)}


def test_no_paragraph_holds_a_literal_bullet_line(all_pages):
    """A list written under a paragraph without a blank line renders as "- " text."""
    offenders = []
    for name, soup in all_pages.items():
        for p in article(soup).find_all("p"):
            if LITERAL_BULLET.search(p.get_text()):
                offenders.append(f"{name}: {p.get_text()[:80]!r}")
    assert not offenders, "paragraphs with literal bullets:\n" + "\n".join(offenders)


def test_every_content_heading_has_an_explicit_ascii_id(all_pages):
    offenders = []
    for name, soup in all_pages.items():
        if name.endswith("404.html"):
            continue
        for heading in article(soup).find_all(HEADINGS[1:]):
            hid = heading.get("id", "")
            if not ASCII_ID.fullmatch(hid) or NUMBERED_SLUG.fullmatch(hid):
                offenders.append(f"{name}: <{heading.name} id={hid!r}> {heading.get_text().strip()[:40]}")
    assert not offenders, "headings without an explicit ASCII id:\n" + "\n".join(offenders)


def test_every_page_has_a_meta_description(all_pages):
    missing = [
        name
        for name, soup in all_pages.items()
        if not (soup.select_one('head meta[name="description"]') or {}).get("content", "").strip()
    ]
    assert not missing, f"pages without a meta description: {missing}"


def test_every_chinese_page_has_its_own_meta_description(chinese_pages, site_dir):
    content_pages = {
        p.relative_to(site_dir).as_posix(): soup.select_one('head meta[name="description"]')["content"].strip()
        for p, soup in chinese_pages.items()
        if p.name != "404.html"
    }
    descriptions = content_pages
    duplicates = {d for d in descriptions.values() if list(descriptions.values()).count(d) > 1}
    assert not duplicates, f"pages share a description (each should describe itself): {duplicates}"
