"""The layout shows the architecture (issue 10): thin hook entry modules over an installed package."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from partner_guide import PACKAGE_DIR
from partner_guide.languages import DEFAULT_LANG, LANGS
from partner_guide.mermaid import MERMAID_VERSION

from tests.support import ROOT

HOOKS = ROOT / "hooks"
# Code files of the project (vendored files, lockfiles and data aside).
CODE_SUFFIXES = {".py", ".html", ".js", ".css", ".sh", ".toml", ".cfg"}
NOT_OURS = ("overrides/assets/vendor/", "node_modules/", ".venv/", "site/", "build/")


def _mkdocs_hooks() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml's tags (!ENV, !!python/name) are not needed to read `hooks:`.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["hooks"]


def _code_files() -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT).as_posix()
        if (
            path.is_file()
            and (path.suffix in CODE_SUFFIXES or path.name in ("Makefile", "run"))
            and not rel.startswith(NOT_OURS)
            and "/." not in f"/{rel}"
            and "__pycache__" not in rel
        ):
            files.append(path)
    return files


def test_hooks_top_level_holds_exactly_the_entry_modules_mkdocs_yml_lists():
    listed = _mkdocs_hooks()
    on_disk = sorted(p.relative_to(ROOT).as_posix() for p in HOOKS.glob("*.py"))
    assert sorted(listed) == on_disk


def test_each_hook_entry_module_is_short_and_only_imports_the_package_and_mkdocs():
    for path in HOOKS.glob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) < 60, f"{path.name}: {len(lines)} lines"
        imports = [line for line in lines if re.match(r"(from|import) ", line)]
        for line in imports:
            assert re.match(
                r"(from|import) (__future__|typing|pathlib|urllib\.parse|partner_guide|mkdocs|jinja2)\b", line
            ), f"{path.name}: {line}"


def test_the_package_is_installed_from_hooks_src_and_is_what_python_imports():
    assert PACKAGE_DIR == HOOKS / "src" / "partner_guide"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'where = ["hooks/src"]' in pyproject and "pythonpath" not in pyproject
    assert sorted(p.name for p in (HOOKS / "src").iterdir() if not p.name.endswith(".egg-info")) == ["partner_guide"]


def test_no_file_sets_sys_path():
    offenders = [
        p.relative_to(ROOT).as_posix()
        for p in _code_files()
        if re.search(r"sys\.path\.(insert|append|extend)|sys\.path\s*=|PYTHONPATH", p.read_text(encoding="utf-8"))
        and p != Path(__file__)
    ]
    assert offenders == []


def test_the_mermaid_version_and_the_languages_are_defined_once_in_code():
    version = re.escape(MERMAID_VERSION)
    defines = {"mermaid version": [], "default language": [], "language list": []}
    for path in _code_files():
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT).as_posix()
        if re.search(version, text):
            defines["mermaid version"].append(rel)
        if re.search(r"^\s*DEFAULT_LANG\s*=", text, re.M):
            defines["default language"].append(rel)
        if re.search(r"^\s*LANGS\s*=", text, re.M):
            defines["language list"].append(rel)
    assert defines == {
        "mermaid version": ["hooks/src/partner_guide/mermaid.py"],
        "default language": ["hooks/src/partner_guide/languages.py"],
        "language list": ["hooks/src/partner_guide/languages.py"],
    }
    assert (DEFAULT_LANG, LANGS) == ("zh", ("zh", "en"))


def test_the_readme_layout_table_names_paths_that_exist_and_every_part_of_the_tree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Where things live", 1)[1].split("Where to add", 1)[0]
    named = re.findall(r"^\| `([^`]+)`", table, re.M)
    package = "hooks/src/partner_guide/"
    for name in named:
        path = package + name[2:] if name.startswith("…/") else name
        if "*" in path:
            assert list(ROOT.glob(path)), name
        elif "," not in path:
            assert (ROOT / path).exists(), name
    mentioned = " ".join(named)
    for folder in ("docs/", "overrides/", "tests/", "hooks/registry.yml", "mkdocs.yml", package):
        assert folder in mentioned, folder
    for sub in sorted(p.name for p in PACKAGE_DIR.iterdir() if p.is_dir() and not p.name.startswith("__")):
        assert f"…/{sub}/" in mentioned or f"…/data/{sub}" in mentioned or sub == "data", sub
    for sub in ("unit/", "build/", "browser/", "repo/"):
        assert sub in table, sub


def test_tests_mirror_the_package():
    unit = ROOT / "tests" / "unit"
    for sub in ("checks", "site", "compat", "tools"):
        assert (PACKAGE_DIR / sub).is_dir() and (unit / sub).is_dir(), sub
    for module in sorted((PACKAGE_DIR / "site").glob("[a-z]*.py")):
        assert (unit / "site" / f"test_{module.name}").is_file(), f"no unit test for site/{module.name}"


def test_no_source_file_is_hidden_by_gitignore():
    """A folder named like a build output (site/, build/) must not hide sources from git."""
    import subprocess

    sources = [
        p.relative_to(ROOT).as_posix()
        for folder in ("hooks", "docs", "overrides", "tests", "scripts")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not any(s.endswith(".egg-info") for s in p.parts)
    ]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        input="\n".join(sources),
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert ignored == []
