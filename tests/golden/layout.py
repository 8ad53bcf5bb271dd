"""The pages whose findings must not change when the checks change (issue 18): a copy of the site whose docs/
holds every check fixture (docs/fx/<area>/), every adversarial page case (docs/adv/, tests/adversarial.py) and
every example of the writers' guide (docs/ex/<lang>-L<line>.md). `findings(output)` reads `path:line RULE-ID`
out of `make check`'s or the build's output; tests/golden/*.txt hold what they gave before the change."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.adversarial import write_site
from tests.support import FIXTURES, ROOT

GOLDEN = Path(__file__).resolve().parent
FINDING_RE = re.compile(r"(?P<path>(?:docs|hooks)/[^:\s]*):(?P<line>\d+):\d+: (?P<rule>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*) ")


def write_layout(root: Path) -> Path:
    from tests.repo.test_writers_guide import EXAMPLES

    write_site(root, ROOT)
    docs = root / "docs"
    for source in sorted(FIXTURES.rglob("*.md")):
        target = docs / "fx" / source.relative_to(FIXTURES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    (docs / "ex").mkdir()
    for example in EXAMPLES:
        if example.kind != "output":
            (docs / "ex" / f"{example.id}.md").write_text(example.as_page, encoding="utf-8")
    return root


def findings(output: str) -> list[str]:
    """`path:line RULE-ID` of each finding in a `make check` or build output, sorted, without repeats."""
    return sorted({f"{m.group('path')}:{m.group('line')} {m.group('rule')}" for m in FINDING_RE.finditer(output)})
