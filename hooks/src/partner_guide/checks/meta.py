"""Meta descriptions: the META-DESCRIPTION check (pure module).

`check_description(text, path, registry)` reads the page's YAML front matter and
reports META-DESCRIPTION, for pages (files under docs/), when `description` is missing, empty, or longer than
search engines show. The description is the `<meta name="description">` of the
page (Material renders it), and the snippet under the result in Baidu and Google.

Limits, by the page's language (`page.en.md` is English, `page.md` Chinese):

- English: 160 characters. Google cuts snippets at about 920 px on desktop,
  which is 150-160 Latin characters.
- Chinese: 120 characters. A CJK character is about twice as wide as a Latin
  one, so Google shows about 75-80 of them on desktop and about 120 on mobile;
  Baidu shows about 78 on desktop and about 120 on mobile. The guide is read on
  phones, so the mobile limit; the first 75 characters should carry the point.
"""

from __future__ import annotations

import re

from ..languages import language_of
from ..registry import Registry
from .findings import Finding
from .frontmatter import read_front_matter, split_lines

RULE = "META-DESCRIPTION"
LIMITS = {"en": 160, "zh": 120}
DESCRIPTION_RE = re.compile(r"^description\s*:")  # the front-matter line, for its line number


def is_page(path: str) -> bool:
    """A page of the site: a Markdown file under docs/ (not a test fixture)."""
    return path.endswith(".md") and (path.startswith("docs/") or "/docs/" in path)


def check_description(text: str, path: str, registry: Registry | None = None) -> list[Finding]:
    if not is_page(path):
        return []
    front = read_front_matter(text)
    if front.lines and front.data is None and front.problems:
        return []  # a front matter the strict loader refuses is reported once, by check_front_matter
    end = front.lines
    lines = split_lines(text)
    description = front.data.get("description") if isinstance(front.data, dict) else None
    lang = language_of(path)
    limit = LIMITS.get(lang, LIMITS["en"])
    if not isinstance(description, str) or not description.strip():
        return [
            Finding(
                path,
                1,
                1,
                RULE,
                "the page has no front-matter `description`",
                f"add `description:` to the front matter, in the page's language, at most {limit} characters",
            )
        ]
    length = len(description.strip())
    if length <= limit:
        return []
    line = next((i + 1 for i, value in enumerate(lines[:end]) if DESCRIPTION_RE.match(value)), 1)
    return [
        Finding(
            path,
            line,
            1,
            RULE,
            f"the description is {length} characters, over the {limit} search engines show ({lang})",
            "shorten it; put the point in the first half",
        )
    ]
