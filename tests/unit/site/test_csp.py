"""The Content-Security-Policy (partner_guide/site/csp.py): theme scripts hashed, writers' content never."""

from __future__ import annotations

from partner_guide.site.csp import inline_script_hashes, policy, script_hash, site_header, with_csp

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><script>theme()</script>'
    '<script type="application/ld+json">{"a": 1}</script></head><body>'
    '<script id="__config" type="application/json">{"b": 2}</script>'
    '<article class="md-content__inner"><script>injected()</script><p>text</p></article>'
    '<script src="bundle.js"></script><script type="module">mod()</script></body></html>'
)


def test_only_the_themes_executable_inline_scripts_are_hashed():
    assert inline_script_hashes(PAGE) == [script_hash("theme()"), script_hash("mod()")]


def test_the_policy_has_no_unsafe_inline_for_scripts_and_locks_down_the_rest():
    value = policy([script_hash("x")])
    directives = dict(part.split(" ", 1) for part in value.split("; "))
    assert directives["script-src"] == f"'self' {script_hash('x')}"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'none'" and directives["frame-src"] == "'none'"
    assert directives["connect-src"] == "'self'" and directives["worker-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert "frame-ancestors" not in directives  # a <meta> cannot carry it


def test_the_meta_comes_right_after_the_charset_once():
    once = with_csp(PAGE)
    assert once.index('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"') > 0
    assert with_csp(once) == once


def test_the_header_unites_every_pages_hashes_and_forbids_framing():
    other = PAGE.replace("theme()", "theme2()")
    header = site_header([PAGE, other])
    assert script_hash("theme()") in header and script_hash("theme2()") in header
    assert header.endswith("frame-ancestors 'none'") and script_hash("injected()") not in header


def test_the_hash_is_of_the_script_text_as_the_browser_sees_it():
    # sha256 of "theme()" in base64, as Chromium reports it in a CSP violation
    assert (
        script_hash("theme()").startswith("'sha256-")
        and script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    )
