"""The registry (partner_guide/registry.py, checks/registry_schema.py): strict, typed, open to new contacts.

The adversarial registry cases (tests/adversarial.py) go through what a build does with the file first
(`adapter.registry`, from the checks hook's `on_pre_build`): each is a `PluginError` naming its line. That
MkDocs then stops with that message and no traceback is tests/build/test_validation_build.py's one build
with a broken registry.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from partner_guide import adapter
from partner_guide.checks.registry_schema import TRUSTED_DOMAINS, check_registry
from partner_guide.registry import REGISTRY_PATH, RegistryError, load_registry

from tests.adversarial import REGISTRY_CASES

BASE = REGISTRY_PATH.read_text(encoding="utf-8")


def _findings(text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.message) for f in check_registry(text, "hooks/registry.yml")[0]]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_registry_passes_its_schema():
    assert _findings(BASE) == []


@pytest.mark.parametrize(
    "old, new, rule",
    [
        ("url: https://admin.qidian.qq.com/template/blue/wpa/link.html", 'url: "javascript:alert(1)"', "REG-URL"),
        (
            "url: https://cloud.tencent.com/document/product/555/7440",
            "url: http://cloud.tencent.com/document/product/555/7440",
            "REG-URL",
        ),
        (
            "url: https://cloud.tencent.com/document/product/555/7440",
            "url: https://cloud.tencent.com.evil.example/x",
            "REG-URL",
        ),
        (
            "url: https://cloud.tencent.com/document/product/555/7440",
            'url: "https://cloud.tencent.com@evil.example/x"',
            "REG-URL",
        ),
        (
            "url: https://cloud.tencent.com/document/product/555/7440",
            "url: https://cloud.tencent.com:8443/x",
            "REG-URL",
        ),
        ("  - cloud.tencent.com", "  - cloud.tencent.com\n  - evil.example", "REG-URL"),
        ("  announce:\n", '  "announce\\nx":\n', "REG-NAME"),
        ("  announce:\n", "  Announce_Page:\n", "REG-NAME"),
        ("path: /partners/announce", "path: partners", "REG-PATH"),
        ("path: /partners/announce", 'path: "/partners/<x>"', "REG-PATH"),
        ("title: {zh: 通知公告, en: Announcements}", 'title: {zh: "<img src=x>", en: Announcements}', "REG-TEXT"),
        ("title: {zh: 通知公告, en: Announcements}", 'title: {zh: "通知\\n公告", en: Announcements}', "REG-TEXT"),
        ("tel: tel:+8675586013388,75727", 'tel: "javascript:x"', "REG-CONTACT"),
        ('kfuin: "2852062166"', 'kfuin: "2852062166&evil=1"', "REG-CONTACT"),
        ("phones: []", 'phones: ["4009-100-100", "javascript:alert(1)"]', "REG-CONTACT"),
        ("qq: []", "qq: [2852062166, 12]", "REG-CONTACT"),
        ("emails: []", 'emails: [partners@tencent.com, "x@evil"]', "REG-CONTACT"),
        ("emails: []", "emails: {a: b@tencent.com}", "REG-SHAPE"),
        ("    - /partnersmgmt/announce/<n>", '    - "/partnersmgmt/<script>"', "REG-PATH"),
    ],
)
def test_a_wrong_value_is_a_finding_at_its_line(old, new, rule):
    text = BASE.replace(old, new, 1)
    assert text != BASE
    [(line, found, message)] = _findings(text)
    assert found == rule and line == _line_of(text, new) + new.rstrip("\n").count("\n")


def test_a_duplicate_key_names_both_lines():
    text = BASE.replace("      path: /partners/apply\n", "      path: /partners/apply\n      path: /evil\n", 1)
    [(line, rule, message)] = _findings(text)
    first = _line_of(text, "path: /partners/apply")
    assert (line, rule) == (first + 1, "YAML-DUPLICATE") and f"lines {first} and {first + 1}" in message


def test_an_alias_bomb_is_refused_before_it_expands():
    text = "bomb: &a [x, x, x]\nmore: [*a, *a, *a]\n" + BASE
    assert [rule for _, rule, _ in _findings(text)] == ["YAML-ALIAS"]


def test_new_contact_kinds_fit_the_schema_and_are_typed_by_field():
    text = BASE.replace(
        "  mail:\n",
        '  qq-support:\n    qq: "2852062166"\n    title: {zh: QQ, en: QQ}\n'
        "  partner-mail:\n    email: [partners@tencent.com, x@evil]\n    phone: 0755-86013388\n  mail:\n",
        1,
    )
    [(line, rule, message)] = _findings(text)
    assert rule == "REG-CONTACT" and "partner-mail.email.1" in message


def test_the_contacts_pages_may_show_are_lists_typed_by_their_name():
    text = (
        BASE.replace("phones: []", 'phones: ["4009-100-100", "+86 755 86013388"]')
        .replace("qq: []", "qq: [2852062166]")
        .replace("emails: []", "emails: [partners@tencent.com]")
    )
    assert _findings(text) == []


def test_trusted_domains_are_tencents():
    assert TRUSTED_DOMAINS == ("tencent.com", "qq.com", "qcloud.com", "tencentcloud.com")


def test_loading_a_broken_registry_raises_one_line_per_finding(tmp_path):
    path = tmp_path / "hooks" / "registry.yml"
    path.parent.mkdir()
    path.write_text(
        BASE.replace("path: /partners/announce", "path: partners").replace("tel: tel:+8675586013388,75727", 'tel: "x"'),
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    lines = str(error.value).splitlines()
    assert len(lines) == 2 and all(line.startswith("hooks/registry.yml:") for line in lines)
    assert "REG-PATH" in lines[0] and "REG-CONTACT" in lines[1]


def test_a_registry_that_is_not_utf8_is_refused_not_a_traceback(tmp_path):
    path = tmp_path / "hooks" / "registry.yml"
    path.parent.mkdir()
    path.write_bytes(BASE.encode() + b"\xff\n")
    with pytest.raises(RegistryError, match="UTF-8"):
        load_registry(path)


@pytest.mark.parametrize("key", ["tel", "address", "recipient_en"])
def test_a_missing_required_key_is_a_finding_at_its_entry(key, tmp_path):
    text = REGISTRY_PATH.read_text(encoding="utf-8")
    lines = text.split("\n")
    mail = lines.index("  mail:")
    [at] = [i for i in range(mail + 1, len(lines)) if lines[i].startswith(f"    {key}:")]
    broken = tmp_path / "registry.yml"
    broken.write_text("\n".join(lines[:at] + lines[at + 1 :]), encoding="utf-8")
    with pytest.raises(RegistryError) as raised:
        load_registry(broken)
    assert str(raised.value).endswith(
        f":{mail + 1}:3: REG-SHAPE contacts.mail: missing {key!r} (hint: add `{key}:` to contacts.mail)"
    )


@pytest.mark.parametrize("name", REGISTRY_CASES)
def test_each_adversarial_registry_case_stops_the_build_with_its_finding(name, tmp_path):
    old, new, rule = REGISTRY_CASES[name]
    assert old in BASE, old
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "registry.yml").write_text(BASE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PluginError) as error:
        adapter.registry(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))
    assert re.search(rf"^hooks/registry\.yml:\d+:\d+: {rule}", str(error.value), re.M), str(error.value)
    assert error.value.__cause__ is None and error.value.__suppress_context__  # one message, no chained traceback
