"""No rule fires inside any form of code: each rule's trigger, put in every form of code the build renders."""

from __future__ import annotations

import pytest

from tests.support import page_findings

# One line that triggers each rule family in prose (the prose case is asserted too).
TRIGGERS = {
    "LINK-ROUTE": "[x](https://console.cloud.tencent.com/partners/nowhere)",
    "LINK-HOST": "[x](https://evil.example/)",
    "LINK-REF": 'print("[文字][annouce]")',
    "LINK-SCHEME": "[x](javascript:alert(1))",
    "LINK-PHONE": "call 4009-100-100 now",
    "LINK-IMAGE": "![x](https://qcloudimg.tencent-cloud.cn/raw/a.png)",
    "SAFE-TAG": "<script>alert(1)</script>",
    "SAFE-EVENT": '<img onerror="x">',
    "HYG-ID-TENCENT": "[](id:step1)",
    "ADM-TYPE": "> [!HINTS]",
}
FORMS = {
    "fence": "```python\n{line}\n```\n",
    "fence in a quote": "> ```\n> {line}\n> ```\n",
    "fence in a list item": "1. 步骤\n\n    ```\n    {line}\n    ```\n",
    "fence in an admonition": ">? 说明\n> ```\n> {line}\n> ```\n",
    "indented code": "代码如下：\n\n    {line}\n",
    "indented code in a list item": "- 步骤\n\n        {line}\n",
    "inline code": "示例 `` {line} `` 结束\n",
    "inline code over two lines": "示例 `` 开始 {line}\n第二行 `` 结束\n",
    "dx-codeblock": "<dx-codeblock>\n::: python\n{line}\n:::\n</dx-codeblock>\n",
    "tilde fence": "~~~\n{line}\n~~~\n",
}
PAGE = "---\ntitle: T\ndescription: 测试页面。\n---\n\n# T\n\n{body}"


@pytest.mark.parametrize("rule", sorted(TRIGGERS))
def test_each_trigger_fires_in_prose(rule):
    text = PAGE.format(body=TRIGGERS[rule] + "\n")
    assert rule in {f.rule for f in page_findings(text, "docs/x.md")}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("rule", sorted(TRIGGERS))
def test_no_check_fires_inside_code(rule, form):
    body = FORMS[form].format(line=TRIGGERS[rule])
    findings = page_findings(PAGE.format(body=body), "docs/x.md")
    assert findings == [], findings
