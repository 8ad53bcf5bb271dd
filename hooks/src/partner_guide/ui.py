"""Every string the hooks and templates add to pages, one table per language.

Templates read the build language's table as `ui` (hooks/templates.py puts it
in the Jinja globals); hooks call `strings(lang)`. Material's own theme
strings come from its language files, except its footer line ("Made with
Material for MkDocs", English in every language), which
overrides/partials/copyright.html prints from `footer_made_with`; the palette
toggles' names and the nav titles are per-language settings of the i18n
plugin in mkdocs.yml.
"""

from __future__ import annotations

from .languages import DEFAULT_LANG

# Admonition titles by canonical type (see checks/admonitions.py for the types).
_ADMONITIONS = {
    "zh": {
        "note": "说明",
        "tip": "提示",
        "hint": "提示",
        "important": "重要",
        "warning": "注意",
        "attention": "注意",
        "caution": "警告",
        "danger": "警告",
        "error": "警告",
        "abstract": "摘要",
        "summary": "摘要",
        "tldr": "摘要",
        "info": "信息",
        "todo": "待办",
        "success": "成功",
        "check": "成功",
        "done": "完成",
        "question": "问题",
        "help": "帮助",
        "faq": "常见问题",
        "failure": "失败",
        "fail": "失败",
        "missing": "缺失",
        "bug": "缺陷",
        "example": "示例",
        "quote": "引用",
        "cite": "引用",
    },
    "en": {
        "note": "Note",
        "tip": "Tip",
        "hint": "Tip",
        "important": "Important",
        "warning": "Warning",
        "attention": "Warning",
        "caution": "Caution",
        "danger": "Caution",
        "error": "Caution",
        "abstract": "Abstract",
        "summary": "Summary",
        "tldr": "TL;DR",
        "info": "Info",
        "todo": "To do",
        "success": "Success",
        "check": "Success",
        "done": "Done",
        "question": "Question",
        "help": "Help",
        "faq": "FAQ",
        "failure": "Failure",
        "fail": "Failure",
        "missing": "Missing",
        "bug": "Bug",
        "example": "Example",
        "quote": "Quote",
        "cite": "Quote",
    },
}

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "permalink_title": "本问题的链接",
        "diagram_prefix": "流程图：",
        "contact_title": "没找到答案？",
        "contact_chat": "在线咨询：",
        "contact_mail": "纸质协议邮寄地址",
        "contact_recipient": "收件人",
        "contact_phone": "电话",
        "new_tab": "（在新标签页中打开）",
        "footer_writers_guide": "写作指南",
        "footer_made_with": "本站使用 {} 构建",
        "not_found_title": "404 - 找不到页面",
        "not_found_before": "该页面不存在或已移动。请返回",
        "not_found_link": "合作伙伴指南首页",
        "not_found_after": "，或使用上方的搜索。",
    },
    "en": {
        "permalink_title": "Link to this question",
        "diagram_prefix": "Flowchart: ",
        "contact_title": "Didn't find your answer?",
        "contact_chat": "Ask online:",
        "contact_mail": "Signed paper agreements go to",
        "contact_recipient": "Recipient",
        "contact_phone": "Phone",
        "new_tab": " (opens in a new tab)",
        "footer_writers_guide": "Writers' guide",
        "footer_made_with": "Made with {}",
        "not_found_title": "404 - Page not found",
        "not_found_before": "This page does not exist or has moved. Go back to the ",
        "not_found_link": "home page of the partner guide",
        "not_found_after": ", or use the search above.",
    },
}


def strings(lang: str) -> dict[str, str]:
    """The UI strings of `lang` (the default language's for an unknown one)."""
    return STRINGS.get(lang, STRINGS[DEFAULT_LANG])


def admonition_title(kind: str, lang: str) -> str:
    """The localized title of a known admonition type."""
    return _ADMONITIONS.get(lang, _ADMONITIONS[DEFAULT_LANG])[kind]


def all_text(lang: str) -> str:
    """Every string of `lang`, joined: what the pages may contain besides the sources."""
    return " ".join([*strings(lang).values(), *_ADMONITIONS[lang].values()])
