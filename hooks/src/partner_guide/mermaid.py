"""The pinned Mermaid: its version and settings, in one place, and where its files are.

Mermaid's ESM build is vendored (flowchart subset only) under
`overrides/assets/vendor/mermaid/esm-<version>/` by `guide-vendor-mermaid`;
templates read the entry's path through `config.extra.mermaid_entry`
(hooks/templates.py), and the pre-drawn diagrams are keyed on the version,
because another Mermaid draws differently.

`CONFIG` is what this site sets on top of Material's Mermaid settings
(mermaid-loader.js reads it from its `data-config`, which overrides/main.html
fills from `config.extra.mermaid_config`): labels wrap at 130 px instead of
Mermaid's 200, so that a flow with two columns is at most about 450 px wide
and its 16 px labels stay at least 12 px where a 390 px phone shrinks it to
its ~358 px column. The drawings are keyed on it too.
"""

from __future__ import annotations

import json

from . import REPO_ROOT

MERMAID_VERSION = "11.17.2"
CONFIG = {"flowchart": {"wrappingWidth": 130}}
CONFIG_JSON = json.dumps(CONFIG, separators=(",", ":"), sort_keys=True)
# The vendored folder, relative to the theme's custom_dir and to the built site.
VENDOR_PATH = f"assets/vendor/mermaid/esm-{MERMAID_VERSION}"
ENTRY = "mermaid.esm.min.mjs"
VENDOR_DIR = REPO_ROOT / "overrides" / VENDOR_PATH
