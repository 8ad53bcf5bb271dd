"""Vendor the parts of Mermaid's ESM build that a flowchart needs.

Mermaid's classic `dist/mermaid.min.js` is 3.57 MB (980 KB gzipped) and is
parsed whole on every page with a diagram; on a throttled phone that alone
costs Lighthouse 0.1 to 0.15 in performance. The ESM build
`dist/mermaid.esm.min.mjs` loads each diagram type and layout as a separate
chunk. This script copies the entry, its static imports, and the dynamic
imports whose names match `KEEP` (the flowchart diagram and the dagre
layout), transitively: 27 files, about 0.86 MB (about 0.25 MB gzipped).
Another diagram type would need its chunk added to `KEEP` (the tests check
that every diagram in docs/ is a flowchart).

Reproduce from the pinned npm tarball, then review the manifest diff:

    cd /tmp && npm pack mermaid@<version> && tar xzf mermaid-<version>.tgz
    .venv/bin/guide-vendor-mermaid /tmp/package

(<version> is `partner_guide.mermaid.MERMAID_VERSION`.)

It writes overrides/assets/vendor/mermaid/esm-<version>/ with the same
relative layout as dist/ (the chunks import each other by relative path),
Mermaid's LICENSE, and SHA256SUMS, which tests/test_mermaid_vendor.py checks,
and writes the modules' load order (dependencies first) into
overrides/assets/javascripts/mermaid-loader.js.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

from .. import REPO_ROOT as ROOT
from ..mermaid import ENTRY
from ..mermaid import MERMAID_VERSION as VERSION
from ..mermaid import VENDOR_DIR as TARGET

# Dynamic imports to follow: the flowchart diagram and its default layout.
KEEP = re.compile(r"/(flowDiagram|dagre)-[A-Z0-9]+\.mjs$")
# `from"./x.mjs"` or `import"./x.mjs"` (static) and `import("./x.mjs")` (dynamic).
STATIC = re.compile(r'(?:from|import)\s*"(\./[^"]+\.mjs)"')
DYNAMIC = re.compile(r'import\(\s*"(\./[^"]+\.mjs)"\s*\)')


def closure(dist: Path) -> list[str]:
    """Paths relative to dist/ of the entry and everything a flowchart loads."""
    seen: set[str] = set()
    todo = [ENTRY]
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        source = (dist / rel).read_text(encoding="utf-8")
        base = Path(rel).parent
        for spec in STATIC.findall(source):
            todo.append((base / spec).as_posix().replace("/./", "/").removeprefix("./"))
        for spec in DYNAMIC.findall(source):
            path = (base / spec).as_posix().replace("/./", "/").removeprefix("./")
            if KEEP.search("/" + path):
                todo.append(path)
    return sorted(seen)


def load_order(dist: Path, files: list[str]) -> list[str]:
    """The vendored modules, dependencies first (depth-first post-order of the
    static imports), for mermaid-loader.js to evaluate one per task."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(rel: str) -> None:
        if rel in seen:
            return
        seen.add(rel)
        base = Path(rel).parent
        for spec in STATIC.findall((dist / rel).read_text(encoding="utf-8")):
            visit((base / spec).as_posix().replace("/./", "/").removeprefix("./"))
        order.append(rel)

    for rel in sorted(files, key=lambda r: (r == ENTRY, r)):
        visit(rel)
    return order


def write_loader_list(order: list[str]) -> None:
    """Put the load order between the markers of mermaid-loader.js."""
    loader = ROOT / "overrides" / "assets" / "javascripts" / "mermaid-loader.js"
    text = loader.read_text(encoding="utf-8")
    start, end = "  // BEGIN load order (guide-vendor-mermaid)\n", "  // END load order\n"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    body = "  var ORDER = [\n" + "".join(f'    "{rel}",\n' for rel in order) + "  ];\n"
    loader.write_text(head + start + body + end + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    package = Path(argv[0] if argv else "/tmp/package")
    manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
    if manifest.get("version") != VERSION:
        sys.exit(f"expected mermaid {VERSION}, found {manifest.get('version')} in {package}")
    dist = package / "dist"
    files = closure(dist)
    shutil.rmtree(TARGET, ignore_errors=True)
    sums = []
    for rel in files:
        (TARGET / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dist / rel, TARGET / rel)
        sums.append(f"{hashlib.sha256((dist / rel).read_bytes()).hexdigest()}  {rel}")
    shutil.copyfile(package / "LICENSE", TARGET / "LICENSE")
    (TARGET / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    write_loader_list(load_order(dist, files))
    total = sum((dist / rel).stat().st_size for rel in files)
    print(f"vendored {len(files)} files, {total} bytes, into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
