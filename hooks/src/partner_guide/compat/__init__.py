"""Workarounds that depend on third parties' internals or built output.

Each module here names the upstream behaviour it works around, links it, and
lists the exact versions it was written for in `WRITTEN_FOR`. The hooks call
`check_versions()` at the start of every build: when an upgrade changes a
version, the build stops and names the module to review, instead of the
workaround silently doing the wrong thing. Review the module, then add the
new version to its `WRITTEN_FOR` (or delete the workaround if upstream fixed
it). pyproject.toml pins the same versions.

Outside Python, theme scripts depend on Material's behaviour as well and are
covered by the Material pin: `overrides/assets/javascripts/mermaid-loader.js`
(Material's Mermaid integration calls `mermaid.initialize` and `render`),
`docs/assets/javascripts/lang-switch.js` (Material's language-switch handler
and its sitemap fetch; `material.alternate_script_problems` checks the built
bundle for what it relies on), `overrides/assets/javascripts/edition-404.js`
(Material's bundle reads `#__config` and the page when it runs),
`overrides/assets/javascripts/workers/partner-search.js` (Material's search
worker messages, see material_search.py) and
`overrides/assets/javascripts/search-edition.js` (Material's `__config`).
"""

from __future__ import annotations


class VersionChanged(Exception):
    """An installed third-party version differs from what a workaround was written for."""


def mismatches(written_for: dict[str, tuple[str, ...]], module: str) -> list[str]:
    """One line per distribution whose installed version is not in `written_for`."""
    from importlib import metadata  # here: `make check` imports compat/ and needs no package metadata

    problems = []
    for distribution, versions in written_for.items():
        try:
            installed = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed not in versions:
            problems.append(
                f"{module} was written for {distribution} {' or '.join(versions)}, "
                f"but {installed} is installed: review it before upgrading"
            )
    return problems


def check_versions() -> None:
    """Raise VersionChanged naming every workaround whose third party changed version."""
    from . import i18n_plugin, material, material_search, mkdocs_build, mkdocs_markdown, mkdocs_serve, python_markdown

    modules = (material, material_search, i18n_plugin, mkdocs_build, mkdocs_markdown, mkdocs_serve, python_markdown)
    problems = [line for module in modules for line in mismatches(module.WRITTEN_FOR, module.__name__)]
    if problems:
        raise VersionChanged("; ".join(problems))
