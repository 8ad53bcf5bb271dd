"""guide-pr-comment: changed files -> pages of both editions -> the one preview comment."""

from __future__ import annotations

import json
import subprocess

import pytest
from partner_guide.tools.pr_comment import (
    MARKER,
    Change,
    first_page_url,
    load_meta,
    main,
    meta_json,
    page_of,
    parse_findings,
    parse_name_status,
    render_comment,
    summarize,
    wait_until_answers,
)
from partner_guide.tools.site import serving

PREVIEW = "https://owner.github.io/guide/pr-preview/pr-7/"
SHA = "0123456789abcdef0123456789abcdef01234567"


def _meta(diff: str, log: str = "", built: bool = True):
    return load_meta(meta_json(7, SHA, built, parse_name_status(diff), parse_findings(log)))


def _row(comment: str, page: str) -> str:
    rows = [line for line in comment.splitlines() if line.startswith(f"| `{page}` ")]
    assert len(rows) == 1, comment
    return rows[0]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("docs/prepare.md", ("zh", "prepare/")),
        ("docs/prepare.en.md", ("en", "prepare/")),
        ("docs/index.md", ("zh", "")),
        ("docs/index.en.md", ("en", "")),
        ("docs/hot/index.md", ("zh", "hot/")),
        ("docs/hot/rebate.en.md", ("en", "hot/rebate/")),
        ("docs/assets/javascripts/lang-switch.js", None),
        ("docs/assets/notes.md", None),
        ("hooks/registry.yml", None),
        ("README.md", None),
    ],
)
def test_a_source_file_maps_to_its_edition_and_address(path, expected):
    assert page_of(path) == expected


def test_git_name_status_lines_are_read_with_renames_and_copies():
    changes = parse_name_status(
        "M\tdocs/a.md\nR087\tdocs/b.md\tdocs/c.md\nC100\tdocs/d.md\tdocs/e.md\n"
        "D\tdocs/f.en.md\nT\tdocs/g.md\n\nnot a line\n"
    )
    assert changes == [
        Change("M", "docs/a.md"),
        Change("R", "docs/c.md", "docs/b.md"),
        Change("A", "docs/e.md"),
        Change("D", "docs/f.en.md"),
        Change("M", "docs/g.md"),
    ]


def test_an_added_page_is_listed_with_its_chinese_and_english_preview_links():
    comment = render_comment(_meta("A\tdocs/hot/tax.md\nA\tdocs/hot/tax.en.md\n"), PREVIEW)
    row = _row(comment, "/hot/tax/")
    assert "added" in row and "(zh + en)" in row
    assert f"[预览]({PREVIEW}hot/tax/)" in row and f"[preview]({PREVIEW}en/hot/tax/)" in row


def test_a_page_changed_in_one_edition_still_links_both_editions():
    comment = render_comment(_meta("M\tdocs/prepare.en.md\n"), PREVIEW)
    row = _row(comment, "/prepare/")
    assert "changed" in row and "(en)" in row
    assert f"({PREVIEW}prepare/)" in row and f"({PREVIEW}en/prepare/)" in row


def test_the_home_pages_of_both_editions():
    row = _row(render_comment(_meta("M\tdocs/index.md\nM\tdocs/index.en.md\n"), PREVIEW), "/")
    assert f"[预览]({PREVIEW})" in row and f"[preview]({PREVIEW}en/)" in row


def test_a_renamed_page_links_its_new_address_and_names_the_old_one_in_both_languages():
    comment = render_comment(
        _meta("R095\tdocs/hot/old.md\tdocs/hot/new.md\nR100\tdocs/hot/old.en.md\tdocs/hot/new.en.md\n"), PREVIEW
    )
    row = _row(comment, "/hot/new/")
    assert "renamed ← `/hot/old/`" in row and "(zh + en)" in row
    assert f"({PREVIEW}hot/new/)" in row and f"({PREVIEW}en/hot/new/)" in row
    assert "Removed" not in comment  # the old address is named in the row, once


def test_removed_pages_are_listed_without_links_in_both_languages():
    comment = render_comment(_meta("D\tdocs/hot/refund.md\nD\tdocs/hot/refund.en.md\n"), PREVIEW)
    removed = next(line for line in comment.splitlines() if line.startswith("**已删除 · Removed:**"))
    assert "`/hot/refund/` (zh)" in removed and "`/en/hot/refund/` (en)" in removed
    assert "refund" not in comment.replace(removed, "")


def test_one_edition_removed_and_the_other_changed_links_only_the_remaining_one():
    comment = render_comment(_meta("D\tdocs/apply.en.md\nM\tdocs/apply.md\n"), PREVIEW)
    row = _row(comment, "/apply/")
    assert f"({PREVIEW}apply/)" in row and f"{PREVIEW}en/apply/" not in row
    assert "`/en/apply/` (en)" in comment


def test_a_file_every_page_is_built_from_says_every_page_may_change_and_links_the_home_pages():
    comment = render_comment(
        _meta("M\thooks/registry.yml\nM\tmkdocs.yml\nM\tdocs/assets/stylesheets/extra.css\nM\ttests/unit/test_x.py\n"),
        PREVIEW,
    )
    site_wide = next(line for line in comment.splitlines() if line.startswith("**全站 · Site-wide:**"))
    for path in ("hooks/registry.yml", "mkdocs.yml", "docs/assets/stylesheets/extra.css"):
        assert f"`{path}`" in site_wide
    assert "tests/unit" not in comment
    assert f"[首页]({PREVIEW})" in site_wide and f"[Home]({PREVIEW}en/)" in site_wide


def test_findings_are_counted_once_each_and_per_page():
    log = (
        "docs/hot/rebate.md:12:3: COPY-SPACE 中文与 English 之间加空格 (hint: 中文与 English)\n"
        "docs/hot/rebate.md:12:3: COPY-SPACE the same finding, printed again by the build\n"
        "::error file=docs/hot/rebate.md,line=12,col=3::COPY-SPACE annotation lines are not counted\n"
        "docs/hot/rebate.en.md:4:1: LINK-ROUTE unknown route\n"
        "WARNING -  hooks/checks: docs/hot/rebate.en.md:4:1: LINK-ROUTE the build logs it again\n"
        "WARNING -  hooks/checks: docs/prepare.md:9:2: PARITY-LINK found by the build only\n"
        "INFO    -  Documentation built in 2.29 seconds\n"
    )
    comment = render_comment(_meta("M\tdocs/hot/rebate.md\nM\tdocs/prepare.md\n", log), PREVIEW)
    assert "**3** finding(s)" in comment
    assert _row(comment, "/hot/rebate/").endswith("| 2 |")
    assert _row(comment, "/prepare/").endswith("| 1 |")


def test_no_findings_and_no_page_changed_say_so():
    comment = render_comment(_meta("M\tREADME.md\n"), PREVIEW)
    assert comment.startswith(MARKER) and "No findings." in comment and "No page changed." in comment


def test_a_failed_build_gets_no_links_but_the_pages_and_the_number_of_findings():
    comment = render_comment(
        _meta("M\tdocs/apply.md\n", "docs/apply.md:1:1: META-DESCRIPTION missing\n", built=False), PREVIEW
    )
    assert "strict build failed" in comment and PREVIEW not in comment
    assert "| — | — | 1 |" in _row(comment, "/apply/")


def test_a_fork_gets_the_artifact_and_one_line_of_instructions_instead_of_links():
    artifact = "https://github.com/owner/guide/actions/runs/1/artifacts/2"
    comment = render_comment(_meta("M\tdocs/apply.md\n"), PREVIEW, fork=True, artifact_url=artifact)
    instructions = [line for line in comment.splitlines() if "fork" in line]
    assert len(instructions) == 1 and f"[`site-preview`]({artifact})" in instructions[0]
    assert "python3 -m http.server 8000 -d site" in instructions[0] and "http://127.0.0.1:8000/" in instructions[0]
    assert PREVIEW not in comment


def test_many_pages_are_collapsed_and_capped():
    diff = "".join(f"A\tdocs/p{i:03}.md\n" for i in range(130))
    comment = render_comment(_meta(diff), PREVIEW)
    assert "<details><summary>130 " in comment and "| … 30 more |" in comment


# ---------------------------------------------------------------- the artifact is untrusted


def test_metadata_entries_that_could_inject_markup_or_leave_the_site_are_dropped():
    data = json.loads(meta_json(7, SHA, True, [Change("M", "docs/apply.md")], []))
    data["changes"] += [
        {"status": "M", "path": "docs/x.md)[click](https://evil.example"},
        {"status": "M", "path": "docs/<img src=x onerror=alert(1)>.md"},
        {"status": "M", "path": "../../etc/passwd.md"},
        {"status": "R", "path": "docs/y.md", "old": "docs/a b.md"},
        {"status": "X", "path": "docs/z.md"},
        "not an object",
    ]
    data["findings"] = [
        {"path": "docs/apply.md", "line": "1", "col": 1, "rule": "X"},
        {"path": "docs/apply.md", "line": 1, "col": 1, "rule": "<b>BAD</b>"},
    ]
    meta = load_meta(json.dumps(data))
    assert meta.changes == [Change("M", "docs/apply.md")] and meta.findings == [] and meta.ignored == 8
    comment = render_comment(meta, PREVIEW)
    assert "evil" not in comment and "<img" not in comment and "passwd" not in comment
    assert "(8 malformed metadata entries were ignored.)" in comment


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"pr": "7", "head_sha": SHA},
        {"pr": True, "head_sha": SHA},
        {"pr": -1, "head_sha": SHA},
        {"pr": 7, "head_sha": "main"},
        {"pr": 7},
    ],
)
def test_metadata_without_a_valid_number_or_commit_is_refused(data):
    with pytest.raises(ValueError):
        load_meta(json.dumps(data))


def test_the_pr_command_prints_the_validated_number_and_refuses_a_bad_file(tmp_path, capsys):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(meta_json(42, SHA, True, [], []), encoding="utf-8")
    bad.write_text('{"pr": "42; rm -rf /"}', encoding="utf-8")
    assert main(["pr", "--meta", str(good)]) == 0 and capsys.readouterr().out == "42\n"
    assert main(["pr", "--meta", str(bad)]) == 2 and "unusable metadata" in capsys.readouterr().err


# ---------------------------------------------------------------- the two commands, for real


def _git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@localhost", *args], cwd=repo, check=True, capture_output=True
    )


def test_meta_reads_the_real_git_diff_and_the_logs(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "docs" / "hot").mkdir(parents=True)
    for name in ("index.md", "index.en.md", "hot/old.md", "hot/old.en.md", "gone.md", "gone.en.md"):
        (repo / "docs" / name).write_text(f"# {name}\n\n" + "same text in every version.\n" * 20, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "mv", "docs/hot/old.md", "docs/hot/new.md")
    _git(repo, "mv", "docs/hot/old.en.md", "docs/hot/new.en.md")
    _git(repo, "rm", "-q", "docs/gone.md", "docs/gone.en.md")
    (repo / "docs" / "index.en.md").write_text("# changed\n", encoding="utf-8")
    (repo / "docs" / "added.md").write_text("# added\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "change")
    log = tmp_path / "build.log"
    log.write_text("docs/added.md:1:1: META-DESCRIPTION the page has no description\n", encoding="utf-8")
    out = tmp_path / "preview-meta" / "meta.json"
    monkeypatch.chdir(repo)
    assert (
        main(
            [
                "meta",
                "--base",
                "HEAD^1",
                "--pr",
                "7",
                "--head-sha",
                SHA,
                "--built",
                "--log",
                str(log),
                "--log",
                str(tmp_path / "missing.log"),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    meta = load_meta(out.read_text(encoding="utf-8"))
    summary = summarize(meta.changes, meta.findings)
    assert {(p.url, p.status, p.renamed_from, tuple(p.editions)) for p in summary.pages} == {
        ("hot/new/", "renamed", "hot/old/", ("zh", "en")),
        ("", "changed", None, ("en",)),
        ("added/", "added", None, ("zh",)),
    }
    assert summary.removed == [("en", "gone/"), ("zh", "gone/")]
    assert meta.built and len(meta.findings) == 1


def test_comment_waits_until_the_preview_answers_and_writes_the_comment(tmp_path):
    site = tmp_path / "site"
    (site / "apply").mkdir(parents=True)
    (site / "apply" / "index.html").write_text("<p>preview</p>", encoding="utf-8")
    meta = tmp_path / "meta.json"
    meta.write_text(meta_json(7, SHA, True, [Change("M", "docs/apply.md")], []), encoding="utf-8")
    out = tmp_path / "comment.md"
    with serving(site) as url:
        assert first_page_url(load_meta(meta.read_text(encoding="utf-8")), url) == f"{url}apply/"
        assert main(["comment", "--meta", str(meta), "--preview-url", url, "--wait", "5", "--out", str(out)]) == 0
        assert f"[预览]({url}apply/)" in out.read_text(encoding="utf-8")
        assert wait_until_answers(f"{url}missing/", timeout=0.3, interval=0.1) is False
