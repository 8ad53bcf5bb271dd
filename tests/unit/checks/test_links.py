"""Link rules (partner_guide/checks/links.py), driven by fixtures/links/."""

from __future__ import annotations

import dataclasses

import pytest

from tests.support import REGISTRY, check_links, table


def _one(text: str, rule: str):
    findings = [f for f in check_links(text, "docs/x.md", REGISTRY) if f.rule == rule]
    assert len(findings) == 1, findings
    return findings[0]


def test_unknown_console_route_names_closest_route():
    finding = _one("[公告](https://console.cloud.tencent.com/partners/anounce)\n", "LINK-ROUTE")
    assert "/partners/anounce" in finding.message
    assert "/partners/announce" in finding.hint and "[announce]" in finding.hint


def test_legacy_console_host_gives_the_canonical_replacement_url():
    finding = _one("[公告](https://console.qcloud.com/partners/announce)\n", "LINK-LEGACY-HOST")
    assert finding.hint == "use https://console.cloud.tencent.com/partners/announce"


def test_console_link_over_http_is_an_error():
    assert _one("<http://console.cloud.tencent.com/partners/apply>\n", "LINK-HTTPS").col == 2


def test_chat_link_names_the_differing_parameter():
    url = REGISTRY.assistant.url.replace("roleUin=2852273098", "roleUin=1")
    finding = _one(f"[小助手]({url})\n", "LINK-CONTACT")
    assert "roleUin" in finding.message and "'1'" in finding.message and "2852273098" in finding.message
    assert "[assistant]" in finding.hint


def test_registered_chat_link_pasted_in_full_passes():
    assert check_links(f"[小助手]({REGISTRY.assistant.url})\n", "docs/x.md", REGISTRY) == []


def test_tel_link_must_be_the_registered_number():
    assert _one("[电话](tel:+8675586013388,75728)\n", "LINK-TEL").hint == f"use {REGISTRY.mail['tel']}"
    assert check_links(f"[电话]({REGISTRY.mail['tel']})\n", "docs/x.md", REGISTRY) == []


def test_an_unregistered_phone_number_gets_register_this_contact_never_another_number():
    hint = _one("电话 0755-86013399-75727\n", "LINK-PHONE").hint
    assert 'contacts.phones: - "0755-86013399-75727"' in hint and "86013388" not in hint
    assert check_links(f"电话 {REGISTRY.mail['phone']}\n", "docs/x.md", REGISTRY) == []


def test_tel_and_mailto_links_to_the_registered_lists_of_contacts_pass():
    registry = dataclasses.replace(REGISTRY, phones=("+86 400-910-0100",), emails=("partners@tencent.com",))
    text = "[电话](tel:+864009100100) [邮件](mailto:Partners@tencent.com)\n"
    assert check_links(text, "docs/x.md", registry) == []
    assert [f.rule for f in check_links(text, "docs/x.md", REGISTRY)] == ["LINK-TEL", "LINK-MAILTO"]


def test_mailto_to_an_unregistered_address_is_an_error():
    assert _one("<mailto:x@example.com>\n", "LINK-MAILTO").col == 2
    assert _one("<x@example.com>\n", "LINK-MAILTO").col == 2


def test_host_outside_the_allowlist_is_an_error_in_every_link_form():
    text = (
        "[a](https://evil.example/1)\n"
        "[b]: https://evil.example/2\n"
        "<https://evil.example/3>\n"
        '<a href="https://evil.example/4">d</a>\n'
    )
    found = {(f.line, f.rule) for f in check_links(text, "docs/x.md", REGISTRY)}
    assert found == {(n, "LINK-HOST") for n in range(1, 5)}


@pytest.mark.parametrize(
    "text",
    [
        "<img src='https://evil.example/5'>\n",
        "![图](https://qcloudimg.tencent-cloud.cn/raw/a.png)\n",
        "![图](https://cloud.tencent.com/a.png)\n",
    ],
)
def test_an_external_image_gets_copy_it_into_docs_assets(text):
    finding = _one(text, "LINK-IMAGE")
    assert "copy it into docs/assets/" in finding.hint and "registered short name" not in finding.hint


def test_lookalike_host_is_not_on_the_allowlist():
    _one("[x](https://console.cloud.tencent.com.evil.example/partners/announce)\n", "LINK-HOST")
    _one("[x](https://cloud.tencent.com@evil.example/)\n", "LINK-HOST")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:msgbox",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
    ],
)
def test_script_and_data_urls_are_errors(url):
    _one(f'<a href="{url}">x</a>\n', "LINK-SCHEME")


def test_unknown_short_reference_name_names_the_closest_registered_name():
    finding = _one("[通知公告][annouce]\n", "LINK-REF")
    assert finding.message == "unknown link name [annouce]" and finding.hint == "did you mean [announce]?"


def test_short_name_defined_on_the_page_itself_is_known():
    assert (
        check_links("[文档][mine]\n\n[mine]: https://cloud.tencent.com/document/product\n", "docs/x.md", REGISTRY) == []
    )


def test_links_in_code_are_not_checked():
    text = "`[x](javascript:alert(1))`\n\n```\n[y](https://evil.example)\n```\n"
    assert check_links(text, "docs/x.md", REGISTRY) == []


def test_line_numbers_count_the_front_matter():
    text = "---\ntitle: x\n---\n\n[x](https://evil.example/)\n"
    assert _one(text, "LINK-HOST").line == 5


def test_chat_link_with_a_parameter_given_twice_is_an_error():
    url = REGISTRY.assistant.url + "&kfuin=1"
    messages = [f.message for f in check_links(f"[小助手]({url})\n", "docs/x.md", REGISTRY)]
    assert "chat link gives the parameter kfuin twice" in messages


def test_urls_in_html_tags_over_several_lines_and_in_every_attribute_are_checked():
    text = '<img alt="x"\n     src="https://evil.example/a.png"\n     srcset="javascript:alert(1)">\n'
    found = {(f.line, f.col, f.rule) for f in check_links(text, "docs/x.md", REGISTRY)}
    assert found == {(2, 11, "LINK-IMAGE"), (3, 14, "LINK-SCHEME")}


# --------------------------------------------------------------------------- issue 12: hints that are right, or none


def test_a_near_typo_of_a_route_names_the_closest_route():
    assert (
        "closest registered route: /partners/contract"
        in _one("[x](https://console.cloud.tencent.com/partners/contrat)\n", "LINK-ROUTE").hint
    )


def test_an_unregistered_route_far_from_any_other_gets_the_registry_entry_to_paste_not_an_unrelated_page():
    hint = _one("[x](https://console.cloud.tencent.com/partners/unknownpage)\n", "LINK-ROUTE").hint
    assert "closest" not in hint and "announce" not in hint
    assert "console.routes: partners-unknownpage: {path: /partners/unknownpage, title: {zh: …, en: …}}" in hint


@pytest.mark.parametrize(
    "path",
    [
        "/partners/info",
        "/partners/clients",
        "/partners/employee",
        "/partners/rebateinfo",
        "/partners/contract",
        "/partners/authorize",
        "/partners/apply",
        "/partner/preview",
        "/partnersmgmt",
        "/partnersmgmt/college",
        "/partnersmgmt/authorize",
        "/partnersmgmt/announce/1052",
        "/workorder/category",
        "/message",
        "/expense/bill/overview",
        "/developer",
        "/developer/auth",
        "/cam",
    ],
)
def test_the_partner_console_routes_tencents_partner_pages_link_to_are_registered(path):
    assert check_links(f"[x](https://console.cloud.tencent.com{path})\n", "docs/x.md", REGISTRY) == []


@pytest.mark.parametrize("text, rule, value", table("links/unregistered_contacts.yml", "text", "rule", "value"))
def test_an_unregistered_contact_gets_register_this_contact(text, rule, value):
    finding = _one(text, rule)
    assert value in finding.message and f'- "{value}"' in finding.hint and "hooks/registry.yml" in finding.hint


def test_registered_contacts_pass():
    registry = dataclasses.replace(REGISTRY, phones=("4009-100-100",), qq=("800012345",), emails=("a@example.com",))
    assert check_links("4009-100-100，QQ：800012345，a@example.com\n", "docs/x.md", registry) == []


def test_a_tencent_id_anchor_is_not_a_url_scheme_problem():
    assert [f.rule for f in check_links("## [标题](id:anchor)\n", "docs/x.md", REGISTRY)] == []
