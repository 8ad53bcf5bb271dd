"""Character tables for search, from pypinyin and OpenCC (build time only).

- `readings(extra)`: the toneless pinyin readings of every GB2312 character
  (what a Chinese input method types) and of `extra` (the site's characters),
  e.g. 行 -> ["xing", "hang"]. The worker looks up the readings of a query's
  unknown characters to find the site words that sound the same (反佣 ->
  返佣), and splits typed pinyin into syllables (fanyong -> fan yong).
- `traditional(site_chars)`: traditional form -> simplified character, for
  the simplified characters the site uses (OpenCC's s2t, s2tw and s2hk), so
  a query in traditional characters finds the same pages (發票 -> 发票).

Both libraries take a few tenths of a second to import and the tables do not
depend on the site, so each full table is computed once per library version
and kept in the temporary folder; a build then only picks its part.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

CACHE_DIR = Path(tempfile.gettempdir())


def _gb2312() -> list[str]:
    """The Han characters of GB2312 (the 6,763 of everyday simplified Chinese)."""
    chars = []
    for code in range(0x4E00, 0xA000):
        try:
            chr(code).encode("gb2312")
        except UnicodeEncodeError:
            continue
        chars.append(chr(code))
    return chars


_Table = TypeVar("_Table")


def _cached(name: str, compute: Callable[[], _Table]) -> _Table:
    """`compute()`'s table, kept as JSON under `name` (the JSON of an earlier `compute()`, when there)."""
    path = CACHE_DIR / f"partner-guide-search-{name}.json"
    try:
        cached: _Table = json.loads(path.read_text(encoding="utf-8"))
        return cached
    except (OSError, ValueError):
        data = compute()
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            temporary.replace(path)
        except OSError:
            temporary.unlink(missing_ok=True)
        return data


HAN_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))  # as search_text.HAN


def _all_readings() -> dict[str, list[str]]:
    from pypinyin import Style, pinyin

    table = {}
    for start, end in HAN_BLOCKS:
        for code in range(start, end):
            found = pinyin(chr(code), style=Style.NORMAL, heteronym=True, errors="ignore")
            readings = [r for r in (found[0] if found else []) if r.isalpha() and r.isascii()]
            if readings:
                table[chr(code)] = list(dict.fromkeys(readings))
    return table


def _gb2312_readings(every: Callable[[], dict[str, list[str]]]) -> dict[str, list[str]]:
    table = every()
    return {char: table[char] for char in _gb2312() if char in table}


@functools.lru_cache(maxsize=4)
def _readings_of(pypinyin_version: str, everything: bool) -> dict[str, list[str]]:
    every = functools.partial(_cached, f"pinyin-{pypinyin_version}-all", _all_readings)
    if everything:
        return every()
    return _cached(f"pinyin-{pypinyin_version}-gb2312", functools.partial(_gb2312_readings, every))


def readings(extra: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Character -> toneless readings, for GB2312 plus `extra` (only GB2312's file is read
    unless `extra` goes beyond it)."""
    common = _readings_of(version("pypinyin"), False)
    beyond = extra - common.keys()
    if not beyond:
        return dict(common)
    every = _readings_of(version("pypinyin"), True)
    return {**common, **{char: every[char] for char in sorted(beyond) if char in every}}


def _all_traditional() -> dict[str, str]:
    import opencc

    converters = [opencc.OpenCC(config) for config in ("s2t", "s2tw", "s2hk")]
    table: dict[str, str] = {}
    for char in _gb2312():
        for converter in converters:
            other = converter.convert(char)
            if len(other) == 1 and other != char:
                table.setdefault(other, char)
    return table


@functools.lru_cache(maxsize=4)
def _traditional_of(opencc_version: str) -> dict[str, str]:
    return _cached(f"opencc-{opencc_version}-gb2312", _all_traditional)


def traditional(site_chars: frozenset[str]) -> dict[str, str]:
    """Traditional character -> the simplified one, for the simplified characters in `site_chars`."""
    return {t: s for t, s in _traditional_of(version("opencc")).items() if s in site_chars}
