"""Fix Material's splitting of Chinese search queries (event: `on_post_build`).

Material's search worker splits a Chinese query greedily against the words in
the index (`segment()` in its search integration). Its inner loop,

    for (let j = i + 1; j < value.length; j++)
      if (value.slice(i, j) in index) wordmap[i] = j - i

stops one character short, so the whole query, or its last word, is never
looked up: 渠道小助手 is searched as 渠道 (on every page) and 考核期 as 考核.
This hook rewrites `<` to `<=` in the built copy of the worker, in `site/`
only; Material's own files are untouched.

If a Material release changes the worker so that the loop is not found, the
build warns (and `--strict` fails) instead of shipping the bug silently:
check whether upstream fixed it and drop this hook, or adapt the pattern.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)

# The minified loop, whatever the minifier named its variables:
BUGGY_LOOP = re.compile(
    r"for\(let (?P<j>\w+)=(?P<i>\w+)\+1;"  # for (let j = i + 1;
    r"(?P=j)<(?P<value>\w+)\.length;"  # j < value.length;   <- one short
    r"(?P=j)\+\+\)(?P=value)\.slice\((?P=i),(?P=j)\)in \w+"  # j++) value.slice(i, j) in index
)
FIXED_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in \w+")


def fix_segment(source: str) -> tuple[str, bool]:
    """The worker's source with the loop fixed, and whether it is fixed now."""
    fixed, count = BUGGY_LOOP.subn(lambda m: m.group(0).replace(f"{m['j']}<", f"{m['j']}<=", 1), source)
    return fixed, count == 1 or (count == 0 and FIXED_LOOP.search(source) is not None)


def on_post_build(config: MkDocsConfig) -> None:
    workers = sorted(Path(config.site_dir).glob("assets/javascripts/workers/search.*.min.js"))
    if not workers:
        return
    for worker in workers:
        source = worker.read_text(encoding="utf-8")
        fixed, ok = fix_segment(source)
        if not ok:
            log.warning(
                f"{worker.name}: the query-splitting loop of Material's search worker was not found; "
                "Chinese queries may lose their last word (see hooks/search_segment.py)"
            )
        elif fixed != source:
            worker.write_text(fixed, encoding="utf-8")
