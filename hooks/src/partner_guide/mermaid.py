"""The pinned Mermaid: its version, in one place, and where its files are.

Mermaid's ESM build is vendored (flowchart subset only) under
`overrides/assets/vendor/mermaid/esm-<version>/` by `guide-vendor-mermaid`;
templates read the entry's path through `config.extra.mermaid_entry`
(hooks/templates.py), and the pre-drawn diagrams are keyed on the version,
because another Mermaid draws differently.
"""

from __future__ import annotations

from . import REPO_ROOT

MERMAID_VERSION = "11.17.2"
# The vendored folder, relative to the theme's custom_dir and to the built site.
VENDOR_PATH = f"assets/vendor/mermaid/esm-{MERMAID_VERSION}"
ENTRY = "mermaid.esm.min.mjs"
VENDOR_DIR = REPO_ROOT / "overrides" / VENDOR_PATH
