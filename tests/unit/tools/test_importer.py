"""The importer (partner_guide/tencent_import.py, `guide-import` = `make import`): each Tencent-format
fixture becomes a page of this site that reads the same, with only a person's decisions left."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from partner_guide.tencent_import import convert_page, edition_of
from partner_guide.tools.importer import HUMAN_DECISIONS, decisions, main

from tests.support import REGISTRY, render_markdown
from tests.unit.markdown.test_tencent import EXPECT, FIXTURES, FUZZ_BITS, assert_reads_as_expected

HEADING_ID_RE = re.compile(r"\{#[A-Za-z][A-Za-z0-9_\-]*\}\s*$")


def imported(name: str, lang: str = "zh", ids=None):
    text = (FIXTURES / f"{name}_intl_{lang}.md").read_text(encoding="utf-8")
    return convert_page(text, lang, REGISTRY, name.replace("_", "-"), ids=ids, fallback_title=name)


def body(page_text: str) -> str:
    return page_text.split("---\n", 2)[2]


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_each_imported_fixture_reads_like_the_original(name):
    html = render_markdown(body(imported(name).text))
    expect = dict(EXPECT[name])
    if name == "alerts":
        # A titled <dx-alert> inside a list item keeps its title as a bold first
        # line (a `!!!` block there would end the list); docs/writing.md says so.
        expect["admonitions"] = [("note", "说明"), ("warning", "注意"), ("danger", "警告")]
        assert "<strong>关于邮寄</strong>" in html
    assert_reads_as_expected(html, expect, ids=False)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_import_is_idempotent(name):
    once = imported(name).text
    assert convert_page(once, "zh", REGISTRY, name.replace("_", "-")).text == once


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_no_tencent_syntax_is_left_and_every_question_has_an_ascii_id(name):
    text = imported(name).text
    assert "<dx-" not in text and "(id:" not in text and ">**" not in text
    for line in body(text).splitlines():
        if line.lstrip(" >").startswith(("## ", "### ")):
            assert HEADING_ID_RE.search(line), line


def test_only_a_persons_decisions_are_left_after_importing_every_fixture():
    written = {}
    for path in sorted(FIXTURES.glob("*.md")):
        edition = edition_of(path.name)
        name = edition.stem.replace("_", "-")
        zh_ids = None
        if edition.lang == "en":
            zh_ids = imported(edition.stem).ids if (FIXTURES / f"{edition.stem}_intl_zh.md").exists() else None
        page = convert_page(
            path.read_text(encoding="utf-8"), edition.lang, REGISTRY, name, ids=zh_ids, assets_href="../assets"
        )  # as guide-import writes a page in docs/imported/
        written[f"docs/imported/{name}{'.en' if edition.lang == 'en' else ''}.md"] = page.text
    left = decisions(written, REGISTRY)
    assert {f.rule for f in left} <= set(HUMAN_DECISIONS), [f for f in left if f.rule not in HUMAN_DECISIONS]
    assert {"LINK-PHONE", "LINK-QQ", "LINK-EMAIL", "LINK-IMAGE", "PARITY-MISSING"} <= {f.rule for f in left}


def test_both_editions_of_a_pair_get_the_same_ids_and_their_links_follow_renamed_ids():
    zh = imported("heading_anchors")
    en = imported("heading_anchors", "en", ids=zh.ids)
    assert zh.ids == en.ids
    assert "{#model-step2}" in zh.text and "](#model-step2)" in zh.text and "](#model-step2)" in en.text


def test_an_english_page_without_a_title_is_not_titled_with_the_chinese_file_name():
    zh = imported("no_h1")
    en = imported("no_h1", "en", ids=zh.ids)
    assert "title: 续费管理" in zh.text
    assert "续费" not in en.text.split("---")[1] and "no_h1" not in en.text.split("---")[1]
    assert any("no title heading" in note for note in en.notes)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_the_description_is_drafted_within_the_limit(name):
    description = re.search(r"^description: (.*)$", imported(name).text, re.M)
    assert description and 0 < len(description.group(1).strip('"')) <= 120


def test_legacy_hosts_become_canonical_and_registered_targets_short_names():
    text = imported("links_contacts").text
    assert "console.qcloud.com" not in text and "http://" not in text
    assert "[客户列表][partners-clients]" in text and "[员工][partners-employee]" in text
    assert "[通知公告][announce]" in text and "[提交工单][ticket]" in text


def test_local_images_go_to_docs_assets():
    page = imported("links_contacts")
    assert page.images == [("images/local.png", "assets/links-contacts/local.png")]
    assert "](assets/links-contacts/local.png)" in page.text


# --------------------------------------------------------------------------- the command


def run(tmp_path: Path, *args: str) -> tuple[int, str]:
    import contextlib
    import io
    import os

    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main(list(args))
    finally:
        os.chdir(cwd)
    return code, out.getvalue()


def test_the_command_writes_pairs_copies_images_and_prints_the_decisions(tmp_path):
    (tmp_path / "docs" / "imported").mkdir(parents=True)
    code, out = run(tmp_path, str(FIXTURES), "--into", "docs/imported")
    assert code == 0
    assert (tmp_path / "docs/imported/customer-binding.md").is_file()
    assert (tmp_path / "docs/imported/customer-binding.en.md").is_file()
    assert (tmp_path / "docs/assets/links-contacts/local.png").read_bytes() == (
        FIXTURES / "images/local.png"
    ).read_bytes()
    assert 'contacts.phones: - "4009-100-100"' in out and "docs/imported/links-contacts.md:" in out


def test_importing_the_output_again_changes_nothing(tmp_path):
    (tmp_path / "docs" / "imported").mkdir(parents=True)
    run(tmp_path, str(FIXTURES), "--into", "docs/imported")
    before = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "docs/imported").glob("*.md")}
    code, out = run(tmp_path, "docs/imported", "--into", "docs/imported")
    assert code == 0 and "written" not in out
    assert {p: p.read_text(encoding="utf-8") for p in (tmp_path / "docs/imported").glob("*.md")} == before


def test_a_page_that_differs_is_not_overwritten_without_force(tmp_path):
    target = tmp_path / "docs" / "imported" / "sublists.md"
    target.parent.mkdir(parents=True)
    target.write_text("# 我的页面\n", encoding="utf-8")
    code, out = run(tmp_path, str(FIXTURES / "sublists_intl_zh.md"), "--into", "docs/imported")
    assert code == 1 and "not overwritten (use --force)" in out
    assert target.read_text(encoding="utf-8") == "# 我的页面\n"
    code, _ = run(tmp_path, str(FIXTURES / "sublists_intl_zh.md"), "--into", "docs/imported", "--force")
    assert code == 0 and target.read_text(encoding="utf-8") != "# 我的页面\n"


def test_make_import_runs_the_command():
    from tests.support import ROOT

    result = subprocess.run(
        ["make", "--no-print-directory", "--dry-run", "--always-make", "import", "SRC=x", "INTO=docs/y"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert '.venv/bin/guide-import "x" --into "docs/y"' in result.stdout


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(FUZZ_BITS) | st.text(max_size=4), max_size=50).map("".join), st.sampled_from(["zh", "en"])
)
def test_the_importer_never_raises_its_output_renders_and_importing_it_again_changes_nothing(text, lang):
    page = convert_page(text, lang, REGISTRY, "fuzz")
    assert page.text.startswith("---\n")
    assert isinstance(render_markdown(body(page.text), lang), str)
    assert convert_page(page.text, lang, REGISTRY, "fuzz").text == page.text


def test_a_bullet_followed_by_numbered_steps_becomes_one_numbered_list():
    source = "# 标题\n\n操作步骤：\n\n- 登录控制台。\n2. 单击**申请**。\n3. 完成。\n"
    text = convert_page(source, "zh", REGISTRY, "x").text
    assert "\n1. 登录控制台。\n2. 单击**申请**。\n3. 完成。\n" in text
    html = render_markdown(body(text))
    assert "<ol>\n<li>登录控制台。</li>\n<li>单击<strong>申请</strong>。</li>" in html and "<ul>" not in html


def test_sub_steps_indented_without_a_space_after_the_number_become_a_nested_list():
    source = "# 标题\n\n1. 进入页面。\n    1.搜索客户。\n    2.单击**下一步**。\n2. 提交。\n"
    text = convert_page(source, "zh", REGISTRY, "x").text
    assert "\n    1. 搜索客户。\n    2. 单击**下一步**。\n" in text
    html = render_markdown(body(text))
    assert "<li>进入页面。<ol>\n<li>搜索客户。</li>\n<li>单击<strong>下一步</strong>。</li>" in html
    assert "<code>" not in html and "**" not in html
