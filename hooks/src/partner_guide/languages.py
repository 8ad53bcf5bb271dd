"""The guide's languages, in one place.

Chinese is the default edition: built at `/` from `page.md`. English is built
at `/en/` from `page.en.md`, beside it (mkdocs-static-i18n's suffix layout;
mkdocs.yml's `i18n` plugin lists the same two, and a test keeps them equal).
"""

from __future__ import annotations

from typing import Any

DEFAULT_LANG = "zh"
LANGS = ("zh", "en")


def normalize(code: object) -> str:
    """A language code such as `zh`, `zh-CN` or `en` as one of LANGS (else the default)."""
    short = str(code or "")[:2].lower()
    return short if short in LANGS else DEFAULT_LANG


def build_language(config: Any) -> str:
    """The language a MkDocs build renders.

    mkdocs-static-i18n (`reconfigure_material: true`) sets `theme.language`
    for each language's build in its `on_config` (priority -100), so this is
    right in every later event; an `on_config` hook that needs it must run
    after the plugin's (priority below -100).
    """
    theme = getattr(config, "theme", None)
    return normalize(theme.get("language") if theme else None)


def edition_root(lang: str) -> str:
    """The folder of an edition's pages in the built site: `` for the default, `en/` for English."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def edition(path: str) -> tuple[str, str]:
    """(language, default-language path) of a page: `docs/a.en.md` -> ("en", "docs/a.md")."""
    name = path.rsplit("/", 1)[-1]
    parts = name.split(".")
    if len(parts) >= 3 and parts[-1] == "md" and parts[-2] in LANGS and parts[-2] != DEFAULT_LANG:
        lang = parts[-2]
        return lang, path[: -len(f".{lang}.md")] + ".md"
    return DEFAULT_LANG, path


def language_of(path: str) -> str:
    """The language of a page file: `page.en.md` is English, `page.md` Chinese."""
    return edition(path)[0]


def counterpart(path: str, lang: str) -> str:
    """The path of a page's edition in `lang`: ("docs/a.md", "en") -> "docs/a.en.md"."""
    _, base = edition(path)
    return base if lang == DEFAULT_LANG else base[: -len(".md")] + f".{lang}.md"
