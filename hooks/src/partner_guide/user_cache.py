"""The user's cache folder, where the tools keep what they can compute again (never the repository).

`$PARTNER_GUIDE_CACHE`, else `$XDG_CACHE_HOME/partner-guide`, else `~/.cache/partner-guide`;
`PARTNER_GUIDE_CACHE=off` (or 0, no, false) keeps nothing. Users: `make check`'s page results
(tools/check_cache.py) and the heading words of Chinese headings (markdown/slugs.py).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    setting = os.environ.get("PARTNER_GUIDE_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "partner-guide"
