#!/usr/bin/env bash
# Publish the built site/ to a Tencent Cloud COS bucket (static website + CDN).
#
#   make build SITE_URL=https://guide.example.com/   # or: SITE_URL=… make build
#   scripts/publish-cos.sh cos://partner-guide        # a coscli bucket alias
#
# Two uploads with different Cache-Control headers (see README, "Publishing"):
#   1. files whose name changes when their content does (Material's bundles
#      carry a content hash, the vendored Mermaid its version, the search
#      index files their folder's hash): cached for a year, never revalidated;
#   2. everything else (HTML, 404 pages, sitemap, search configuration and
#      worker, extra.css, favicon): `no-cache`, i.e. revalidated on every
#      visit, so a publish shows at once.
# The hashed files go first, so that no new page ever points at a file that
# is not uploaded yet. Nothing is deleted: pages still cached somewhere may
# refer to the previous bundles.
#
# coscli: https://cloud.tencent.com/document/product/436/63143 (configure an
# alias with `coscli config add`). COSCLI=/path/to/coscli overrides the binary;
# DRY_RUN=1 prints the commands instead of running them.
set -euo pipefail

# Matched against the full local path (coscli ≥ 1.0.4), e.g. site/assets/…
# The search index files sit in a folder named by their content's hash
# (search/<hash>/, en/search/<hash>/); search_index.json, which names that
# folder, and the search worker keep their names and are revalidated.
IMMUTABLE='(assets/(javascripts/bundle\.[0-9a-f]{8}\.min\.js|stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css|vendor/mermaid/esm-[0-9]+\.[0-9]+\.[0-9]+/)|search/[0-9a-f]{10}/)'
LONG='Cache-Control:public, max-age=31536000, immutable'
SHORT='Cache-Control:no-cache'

target="${1:?usage: scripts/publish-cos.sh cos://<bucket-alias>[/prefix]}"
site="${SITE_DIR:-site}"
coscli="${COSCLI:-coscli}"
[ -f "$site/index.html" ] || { echo "no $site/index.html: run make build first" >&2; exit 1; }

run() {
  if [ -n "${DRY_RUN:-}" ]; then printf '%q ' "$@"; echo; else "$@"; fi
}

run "$coscli" sync "$site/" "${target%/}/" -r --include "$IMMUTABLE" --meta "$LONG"
run "$coscli" sync "$site/" "${target%/}/" -r --exclude "$IMMUTABLE" --meta "$SHORT"
