"""How search reads text: normalisation and index keys (pure module).

The search worker (`overrides/assets/javascripts/workers/partner-search.js`)
applies the same rules to queries that this module applies to pages at build
time; `tests/browser/test_search_engine.py` runs the vectors of
`tests/unit/site/fixtures/search_text.json` through both.

`normalise(text, translation(trad))`:

1. NFKC (full-width letters and digits become half-width), lower case, and
   the site's table of traditional characters (`trad`, traditional ->
   simplified, from OpenCC; see search_tables.py);
2. a run of Chinese numerals that counts something becomes digits: followed
   by a counter (五天 -> 5天, 十个工作日 -> 10个工作日, 一百零五天 -> 105天) or
   after 第 (第十二 -> 第12).

`keys(norm)`: every overlapping pair of Han characters (a lone character is
its own key), every number, and every English word, lightly stemmed (plural,
-ing, -ed). The worker folds character by character, which differs from
NFKC over the whole text only for letters followed by a combining accent.
"""

from __future__ import annotations

import re
import unicodedata

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NUMERALS = "零〇一二两三四五六七八九十百千万"
# Characters that count something after a numeral (天, 个, 月 …).
COUNTERS = "天个日月年号份次周时元条项步名位家期倍季度张页款折人"
DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNIT = {"十": 10, "百": 100, "千": 1000}

HAN_RUN = re.compile(f"[{HAN}]+")
NUMERAL_CHAR = re.compile(f"[{NUMERALS}]")
NUMERAL_RUN = re.compile(
    f"(?<=第)[{NUMERALS}]+"  # 第十二: an ordinal
    f"|[{NUMERALS}]+(?=[{COUNTERS}])"  # 五天: a count
)
BIGRAM = re.compile(f"(?=([{HAN}]{{2}}))")  # every overlapping pair of Han characters
LONE = re.compile(f"(?<![{HAN}])[{HAN}](?![{HAN}])")  # a Han character between non-Han ones
WORD = re.compile("[a-z]+")
NUMBER = re.compile("[0-9]+")

# Question words and particles: a query never needs them to find a page, and
# a page that lacks them must not be ruled out ("怎么联系渠道小助手").
QUESTION_WORDS = {
    "zh": (
        "怎么样",
        "怎么",
        "怎样",
        "如何",
        "为什么",
        "为何",
        "什么",
        "哪里",
        "哪儿",
        "哪个",
        "哪些",
        "多久",
        "多少",
        "请问",
        "是否",
        "能否",
        "可以",
        "能不能",
        "是不是",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "的",
        "了",
        "我们",
        "我",
    ),
    "en": (
        "how",
        "what",
        "where",
        "when",
        "why",
        "which",
        "who",
        "can",
        "could",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "be",
        "a",
        "an",
        "the",
        "to",
        "of",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "i",
        "my",
        "me",
        "we",
        "our",
        "you",
        "your",
        "it",
        "and",
        "or",
        "if",
        "should",
        "will",
        "would",
        "there",
        "this",
        "that",
    ),
}


def numeral_value(run: str) -> str:
    """二十五 -> 25, 一百零五 -> 105, 十 -> 10, 两千 -> 2000, 二〇二四 -> 2024."""
    if not any(c in UNIT or c == "万" for c in run):
        return "".join(str(DIGIT[c]) for c in run)
    total = section = number = 0
    for c in run:
        if c in DIGIT:
            number = DIGIT[c]
        elif c in UNIT:
            section += (number or 1) * UNIT[c]
            number = 0
        else:  # 万
            total += ((section + number) or 1) * 10000
            section = number = 0
    return str(total + section + number)


def translation(trad: dict[str, str]) -> dict[int, str]:
    """The traditional -> simplified table in the form `normalise` takes (build it once)."""
    return str.maketrans(trad) if trad else {}


def normalise(text: str, table: dict[int, str] | None = None) -> str:
    """`text` as search compares it; `table` from `translation(trad)`."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    folded = text.lower().translate(table) if table else text.lower()
    if not NUMERAL_CHAR.search(folded):
        return folded
    return NUMERAL_RUN.sub(lambda match: numeral_value(match.group(0)), folded)


def stem(word: str) -> str:
    """A light English stemmer: plurals, -ing, -ed (rebates -> rebate, policies -> policy)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


def keys(norm: str) -> list[str]:
    """The index keys of a normalised text (with repeats, in no particular order)."""
    out = BIGRAM.findall(norm)
    out += LONE.findall(norm)
    out += NUMBER.findall(norm)
    out += map(stem, WORD.findall(norm))
    return out


def is_han(key: str) -> bool:
    """Whether an index key is Chinese (keys are Han pairs, Han characters, or ASCII)."""
    return not key.isascii()
