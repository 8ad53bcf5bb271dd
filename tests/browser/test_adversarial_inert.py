"""No adversarial payload runs in Chromium, reported or not, sanitized or not (tests/adversarial.py).

- The strict build of the corpus (`adversarial_build`): every page whose
  built HTML still holds a payload's text (as code, escaped text, JSON-LD) is
  loaded, hovered, focused and clicked: `window.PWNED` stays unset, and the
  valid look-alikes are whole pages (a JSON-LD `<!--<script>` would swallow
  the rest of the page, footer included).
- The same corpus built with the sanitizer bypassed (`unsanitized_build`,
  a copy of mkdocs.yml whose page extension has `sanitize: false`, tests only): the payloads are live
  markup in the pages, and the Content-Security-Policy alone keeps every
  inline script, event handler and javascript: link from running.
"""

from __future__ import annotations

import pytest

from tests.adversarial import MARK, page_cases, source_name
from tests.support import new_context

pytestmark = pytest.mark.browser

OBSERVE = (
    "window.__violations = []; document.addEventListener('securitypolicyviolation', e => "
    "window.__violations.push(e.violatedDirective))"
)


def _pages_with_payload(build) -> list[str]:
    return sorted(
        path.parent.relative_to(build.out).as_posix() + "/"
        for path in (build.out / "adv").rglob("index.html")
        if MARK in path.read_text(encoding="utf-8")
    )


@pytest.fixture(scope="module")
def visit(browser):
    """Loads one page of a build at a time in one browser tab, and says what happened."""
    contexts = {}

    def load(build, rel: str) -> dict:
        if build.url not in contexts:
            context = new_context(browser, build.url)
            context.add_init_script(OBSERVE)
            contexts[build.url] = context.new_page()
        return _visit(contexts[build.url], build.url + rel)

    yield load
    for page in contexts.values():
        page.context.close()


def _visit(page, url: str) -> dict:
    page.goto(url, wait_until="load")
    page.mouse.move(200, 300)
    page.keyboard.press("Tab")
    for link in page.locator("article a[href^='javascript']").all()[:3]:
        link.click(no_wait_after=True, timeout=2000)
    page.wait_for_timeout(100)
    return page.evaluate(
        "() => ({pwned: window.PWNED, footer: !!document.querySelector('.md-footer'), violations: window.__violations})"
    )


def test_payloads_left_as_text_or_code_in_the_strict_build_do_not_run(visit, adversarial_build):
    pages = _pages_with_payload(adversarial_build)
    assert pages, "the corpus keeps some payloads as shown text or code"
    for rel in pages:
        result = visit(adversarial_build, rel)
        assert result["pwned"] is None, rel
        assert result["footer"], f"{rel}: the page is cut short"


@pytest.mark.parametrize("case", [c for c in page_cases() if c.expect in ("clean", "inert")], ids=lambda c: c.name)
def test_valid_look_alikes_are_whole_pages_without_violations(case, visit, adversarial_build):
    rel = f"adv/{source_name(case)[:-3]}/"
    result = visit(adversarial_build, rel)
    assert result["pwned"] is None and result["footer"] and result["violations"] == [], (rel, result)


def test_with_the_sanitizer_bypassed_the_policy_alone_keeps_every_payload_inert(visit, unsanitized_build):
    output = unsanitized_build.result.stdout + unsanitized_build.result.stderr
    assert unsanitized_build.result.returncode != 0 and "SAFE-UNSANITIZED" in output  # such a build never passes
    pages = _pages_with_payload(unsanitized_build)
    assert len(pages) >= 30, "the bypass must leave the payloads in the pages"
    blocked = 0
    for rel in pages:
        result = visit(unsanitized_build, rel)
        assert result["pwned"] is None, f"{rel}: an injected script ran"
        blocked += bool(result["violations"])
    assert blocked >= 20, "the policy itself must have blocked scripts and handlers"
