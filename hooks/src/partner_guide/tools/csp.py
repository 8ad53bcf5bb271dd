"""`guide-csp [site]`: the Content-Security-Policy header for the CDN, from a built site.

Prints the policy every page carries as `<meta http-equiv>` (site/csp.py),
with the hashes of every page's inline scripts and `frame-ancestors 'none'`,
as the value of the `Content-Security-Policy` response header the README's
COS/CDN publishing sets. Run it after every build that is published: the
hashes change when the theme's inline scripts do.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..site.csp import site_header


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    site = Path(argv[0] if argv else "site")
    pages = sorted(site.rglob("*.html"))
    if not pages:
        print(f"error: no HTML pages under {site}: build the site first (make build)", file=sys.stderr)
        return 2
    print(site_header([page.read_text(encoding="utf-8") for page in pages]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
