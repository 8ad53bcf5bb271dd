"""Every fact of the source FAQ is on the built Chinese site, under its question.

The expected facts are hard-coded from `../shared/seeds/000_38db761a6363f0a1.txt`
on purpose: a test that read them back from `docs/` could not notice a fact
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
from bs4 import BeautifulSoup, Tag

from conftest import html_pages, is_chinese_page

ANNOUNCE = "https://console.cloud.tencent.com/partners/announce"
APPLY = "https://console.cloud.tencent.com/partners/apply"
CONSOLE = "https://console.cloud.tencent.com/"
CHANNEL_MANAGEMENT = "https://console.cloud.tencent.com/partner/preview"
CONTRACT = "https://console.cloud.tencent.com/partners/contract"
AUTHORIZE = "https://console.cloud.tencent.com/partners/authorize"
DOC_CENTER = "https://cloud.tencent.com/document/product"
DOC_APPLY_GUIDE = "https://cloud.tencent.com/document/product/563/15439"
DOC_REFUND_RULES = "https://cloud.tencent.com/document/product/555/7440"
ASSISTANT = (
    "https://admin.qidian.qq.com/template/blue/wpa/link.html?linkType=0&env=ol"
    "&kfuin=2852062166&kfext=2852062166&fid=7&key=0554c06e2169e536d55d2008fe70e8c1"
    "&cate=1&type=16&ftype=1&roleKey=roleQQ&roleValue=0&roleName=&roleData=2852273098"
    "&roleUin=2852273098&_type=wpa"
)
ADDRESS = "广东省深圳市南山区深南大道10000号腾讯大厦27楼"
RECIPIENT = "王辉兵"
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


QUESTIONS = (
    Question(
        "requirements",
        "腾讯云的条件与考核？",
        facts=("申请成为腾讯云合作伙伴需要满足以下4个条件：",),
        items=(
            "符合国家相关法律、法规规定具备基本从业资格的企业；",
            "接受腾讯云合作协议并按照协议相互约束的条款开展业务合作；",
            "接受腾讯云合作伙伴体系的相关管理规范的业务监督、市场指导和业绩考核等；",
            "开发、服务、咨询合作伙伴由腾讯云认定相关能力后择优授权；",
        ),
    ),
    Question(
        "assessment",
        "腾讯云合作伙伴的考核是什么？",
        facts=(
            "合作伙伴自审核通过起3个自然月为考核期；",
            "考核内容可在成为腾讯云合作伙伴后，按以下路径查询：官网-控制台-渠道管理-通知公告-腾讯云合作伙伴管理规范；",
        ),
        links=(("通知公告", ANNOUNCE),),
    ),
    Question(
        "policy",
        "腾讯云的政策？",
        facts=("若已经是合作伙伴，可查询 渠道政策", "若不是渠道合作伙伴，请 申请腾讯云合作伙伴"),
        links=(("渠道政策", ANNOUNCE), ("申请腾讯云合作伙伴", APPLY)),
    ),
    Question(
        "apply-path",
        "腾讯云的申请路径和操作指引？",
        facts=(
            "腾讯云合作伙伴的申请路径，可按以下路径查询：官网-合作与生态-合作推广-合作伙伴-加入我们",
            "成为腾讯云合作伙伴，操作指引可以查阅文档 合作伙伴申请",
        ),
        links=(("加入我们", APPLY), ("合作伙伴申请", DOC_APPLY_GUIDE)),
    ),
    Question(
        "products",
        "如何了解腾讯云的产品？",
        facts=("如果您想了解腾讯云的产品，单击 文档中心 了解更多信息。",),
        links=(("文档中心", DOC_CENTER),),
    ),
    Question(
        "business-promotion",
        "如何了解腾讯云的商务推广？",
        items=(
            "腾讯云合作伙伴可以在 控制台 进行查询产品介绍、管理账户等事项；",
            "腾讯云合作伙伴可以在 渠道管理 进行合作伙伴管理规范查询、客户管理等事项；",
            "腾讯云合作伙伴可以在 通知公告 进行查询合作伙伴管理规范、查看返佣对账通知等事项；",
        ),
        links=(("控制台", CONSOLE), ("渠道管理", CHANNEL_MANAGEMENT), ("通知公告", ANNOUNCE)),
    ),
    Question(
        "agreement-nature",
        "合作伙伴协议的性质和签署流程？",
        facts=(
            "腾讯云合作伙伴合作协议（以下简称“协议”）区别于售卖合同、战略合同等其他形式，"
            "是对腾讯云与合作伙伴之间合作的权利、义务等条款的约定。",
            "合同下载链接：请使用 PC 端（电脑）打开，打开后根据指引操作，进行合同签署",
        ),
        links=(("合同下载链接", CONTRACT),),
    ),
    Question(
        "agreement-signing-notes",
        "合作伙伴协议签署的注意事项？",
        # The recipient line gained labels (收件人/电话) on the site; its facts are the name and number.
        item_facts=(
            ("样式：打印为一式两份的纸质合同，进行签署",),
            ("邮寄地址：" + ADDRESS,),
            (RECIPIENT, PHONE),
            ("章印：在协议正文落款处，盖贵司企业公章或合同章；侧面加盖骑缝章",),
            ("时间：在协议正文落款处的日期，请填写盖章当天日期",),
            ("其他要求：在协议正文落款盖章处，贴上便签条",),
        ),
    ),
    Question(
        "agreement-progress",
        "合作伙伴协议的签署进度？",
        facts=("合作伙伴协议处理时长是10个工作日。", "如需了解相关事宜，可联系 渠道小助手"),
        links=(("渠道小助手", ASSISTANT),),
    ),
    Question(
        "e-authorization",
        "合作伙伴电子授权书的性质和申请条件？",
        items=(
            "腾讯云合作伙伴电子授权书是腾讯云官方授权的证书；",
            "腾讯云合作伙伴可以凭证书向客户展示腾讯云合作伙伴的身份；",
            "腾讯云合作伙伴通过三个月考核期即可以申请；",
        ),
        facts=(
            "如需了解相关事宜，可联系 渠道小助手",
            "您可以按以下路径下载：腾讯云官网-控制台-渠道管理-公司信息-电子授权书。",
        ),
        links=(("渠道小助手", ASSISTANT), ("电子授权书", AUTHORIZE)),
    ),
    Question(
        "rebate-process",
        "合作伙伴返佣流程？",
        items=(
            "业绩结算环节：腾讯云每月10号统计上月业绩",
            "核对账单环节：腾讯云发送对账通知邮件，合作伙伴可下载账单核对返佣金额，如有异议，需直接答复通知邮件。",
            "推送结算单环节：腾讯云推送财务结算邮件",
            "开具发票环节：合作伙伴需根据财务结算邮件开具增值税专用发票并邮寄至指定地址",
            "返佣付款环节：腾讯云签收发票后15个工作日付款",
        ),
        facts=("如需了解相关事宜，可联系 渠道小助手",),
        links=(("渠道小助手", ASSISTANT),),
    ),
    Question(
        "unbindable-accounts",
        "哪些账号不支持关联成为渠道合作伙伴客户",
        items=(
            "协作者账号：因协作者账号是未注册腾讯云账号的，故无法成为合作伙伴客户。",
            "腾讯云大客户：已有直销团队同事跟进，不能成为渠道客户。如有大客户需要成为合作伙伴客户，请联系大客户经理。",
            "参与推广返佣活动的推广者账号。",
            "用户已是合作伙伴/客户身份，不可再绑定其他合作伙伴。",
            "已提交合作伙伴/客户申请，等待审核中，不能再次操作关联其他合作伙伴。",
        ),
    ),
    Question(
        "refund-destination",
        "合作伙伴为客户代付的订单退款费用会退回到哪个账号？",
        items=(
            "符合 5 天无理由自助退还规则，则退还金额将原路返还至合作伙伴账号（即付款账号）。",
            "不满足 5 天无理由退货退款规则的退货订单，则以代金券形式退还到合作伙伴客户的账号。",
        ),
        facts=("抵扣或代金券不予以退还。", "更多退款规则请见云服务 退货说明。"),
        links=(("退货说明", DOC_REFUND_RULES),),
    ),
)

# A heading id we accept: lowercase ASCII words joined by hyphens.
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


@pytest.mark.parametrize(
    "question", [q for q in QUESTIONS if q.items or q.item_facts], ids=lambda q: q.id
)
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
        name for name, soup in all_pages.items()
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
