"""ProperDocs builds this site unchanged: the tested exit from MkDocs 1.x (issue 14, README "Future").

ProperDocs is a maintained continuation of MkDocs 1.x. `make test` installs
it from PyPI into its own environment, `.venv-properdocs` (pyproject.toml's
`properdocs` extra plus this project), and this test builds the real site
with it from the same mkdocs.yml: every file must be byte-identical to the
session's MkDocs build, apart from the `<meta name="generator">` tag.
"""

from __future__ import annotations

import filecmp
import re
import subprocess

import pytest
from partner_guide.tools.site import build_env

from tests.support import ROOT, WARNING_LINE, browser_required

pytestmark = pytest.mark.slow

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site_apart_from_the_generator_tag(site_dir, site_url, tmp_path):
    if not PROPERDOCS.exists():
        message = f"{PROPERDOCS.relative_to(ROOT)} missing: `make properdocs` (or `make test`) installs it"
        if browser_required():  # CI: the exit must stay tested
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path / "properdocs"
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT,
        env=build_env(site_url, DISABLE_MKDOCS_2_WARNING="true"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0 and not WARNING_LINE.search(output), output
    assert b"ProperDocs" in GENERATOR.search((out / "index.html").read_bytes()).group(0)
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    differ = [
        rel
        for rel in files
        if not filecmp.cmp(site_dir / rel, out / rel, shallow=False)
        and GENERATOR.sub(b"", (site_dir / rel).read_bytes()) != GENERATOR.sub(b"", (out / rel).read_bytes())
    ]
    assert not differ, f"ProperDocs built these differently: {differ}"
