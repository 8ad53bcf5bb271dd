"""Mermaid is self-hosted, pinned, licensed, and loaded only where a diagram is.

Material fetches Mermaid from unpkg unless a global `mermaid` exists; unpkg is
often unreachable from mainland China, and 3.5 MB on every page is too heavy.
Pages load the flowchart subset of the pinned Mermaid's ESM build from npm
(`esm-<version>/`, written by `guide-vendor-mermaid` from the npm tarball and
listed with checksums in its SHA256SUMS) through a small stand-in,
`assets/javascripts/mermaid-loader.js`, which imports it on first render.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from partner_guide.mermaid import ENTRY as ESM_ENTRY
from partner_guide.mermaid import MERMAID_VERSION as VERSION
from partner_guide.mermaid import VENDOR_DIR as ESM_DIR

from tests.support import ROOT, hook, html_pages, is_chinese_page, mkdocs_config, page_url

VENDOR_DIR = ESM_DIR.parent
LOADER_PATH = "/assets/javascripts/mermaid-loader.js"
ESM_FILES = 27  # the entry and the chunks a flowchart loads
# npm mermaid@<VERSION> dist/mermaid.esm.min.mjs, independently of SHA256SUMS.
ENTRY_SHA256 = "462d6f73fc9833044bca6dc08e62e0ee83f5a2b09583f588f95d5fd91b1960ed"
# Hosts that a page of this site must never reference.
THIRD_PARTY = re.compile(
    r"unpkg\.com|jsdelivr\.net|googleapis\.com|fonts\.gstatic\.com|api\.github\.com|cdnjs\.cloudflare\.com"
)
# The Chinese pages that carry the process diagrams.
DIAGRAM_PAGES = {"index.html", "hot/agreement/index.html", "hot/rebate/index.html", "hot/refund/index.html"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_vendored_mermaid_is_the_pinned_release():
    entry = ESM_DIR / ESM_ENTRY
    assert entry.is_file(), f"{entry} is missing"
    assert sha256(entry) == ENTRY_SHA256, f"{ESM_ENTRY} differs from npm mermaid@{VERSION}"
    assert VERSION.encode() in entry.read_bytes(), "the entry does not carry its version string"


def test_vendor_dir_holds_only_the_esm_subset_and_the_license():
    # The classic 3.57 MB dist/mermaid.min.js is not vendored: no page loads it.
    assert sorted(p.name for p in VENDOR_DIR.iterdir()) == sorted(["LICENSE", ESM_DIR.name])


def _manifest() -> dict[str, str]:
    lines = (ESM_DIR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {line[66:]: line[:64] for line in lines if line.strip()}


def test_esm_subset_matches_its_manifest_file_for_file():
    manifest = _manifest()
    assert len(manifest) == ESM_FILES and ESM_ENTRY in manifest
    on_disk = {
        p.relative_to(ESM_DIR).as_posix()
        for p in ESM_DIR.rglob("*")
        if p.is_file() and p.name not in ("SHA256SUMS", "LICENSE")
    }
    assert on_disk == set(manifest), "files differ from SHA256SUMS: rerun guide-vendor-mermaid"
    for rel, digest in manifest.items():
        assert sha256(ESM_DIR / rel) == digest, f"{rel} differs from npm mermaid@{VERSION}"
    assert "MIT License" in (ESM_DIR / "LICENSE").read_text(encoding="utf-8")


def test_every_relative_import_of_the_esm_subset_is_vendored_or_another_diagram_type():
    # Chunks import each other by relative path; a missing static import breaks
    # every diagram, a missing dynamic one only the diagram type it belongs to.
    static = re.compile(r'(?:from|import)\s*"(\./[^"]+\.mjs)"')
    for rel in _manifest():
        source = (ESM_DIR / rel).read_text(encoding="utf-8")
        for spec in static.findall(source):
            target = (ESM_DIR / rel).parent / spec
            assert target.resolve().is_file(), f"{rel} imports {spec}, which is not vendored"


@pytest.mark.content
def test_every_diagram_in_docs_is_a_flowchart_the_only_type_vendored():
    fence = re.compile(r"^```mermaid\n\s*(\S+)", re.M)
    kinds = {m.group(1) for p in (ROOT / "docs").rglob("*.md") for m in fence.finditer(p.read_text("utf-8"))}
    assert kinds and kinds <= {"flowchart", "graph"}, (
        f"diagram types {kinds}: add their chunks in partner_guide/tools/vendor_mermaid.py"
    )


def test_mermaid_license_is_mit_and_beside_the_script():
    text = (VENDOR_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text
    assert "Knut Sveidqvist" in text
    assert "Permission is hereby granted, free of charge" in text


def test_the_template_loads_the_entry_of_the_pinned_version_through_config():
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert not re.findall(r"mermaid/esm-\d", template), "the version is partner_guide/mermaid.py's, not the template's"
    assert 'data-src="{{ config.extra.mermaid_entry | url }}"' in template
    config = mkdocs_config()
    hook("templates").on_config(config)
    assert config.extra["mermaid_entry"] == f"assets/vendor/mermaid/esm-{VERSION}/{ESM_ENTRY}"
    assert VERSION.split(".")[0] == "11", "Material 9.8 targets Mermaid 11.x"


def test_the_site_ships_the_vendored_files_and_license_unchanged(site_dir):
    shipped = site_dir / "assets" / "vendor" / "mermaid" / ESM_DIR.name
    for rel, digest in _manifest().items():
        assert sha256(shipped / rel) == digest, rel
    assert sha256(shipped / ESM_ENTRY) == ENTRY_SHA256
    assert (shipped / "LICENSE").is_file()
    assert not (shipped.parent / f"mermaid-{VERSION}.min.js").exists()


def _scripts(soup: BeautifulSoup, url: str) -> list[str]:
    return [urljoin(url, s["src"]) for s in soup.find_all("script", src=True)]


@pytest.fixture(scope="module")
def pages(site_dir, site_url):
    out = []
    for html in html_pages(site_dir):
        url = page_url(site_url, site_dir, html)
        out.append((html, url, BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")))
    return out


def test_the_process_diagrams_are_on_their_pages(site_dir, pages):
    with_diagram = {
        html.relative_to(site_dir).as_posix()
        for html, _, soup in pages
        if is_chinese_page(site_dir, html) and soup.select("article .mermaid")
    }
    assert with_diagram == DIAGRAM_PAGES


def test_diagram_pages_load_the_local_script_once_before_materials_bundle(pages, site_url):
    checked = 0
    for _html, url, soup in pages:
        if not soup.select(".mermaid"):
            continue
        checked += 1
        scripts = _scripts(soup, url)
        mermaid = [s for s in scripts if "mermaid" in s.lower()]
        assert mermaid == [site_url.rstrip("/") + LOADER_PATH], f"{url}: mermaid scripts {mermaid}"
        loader = soup.find("script", src=re.compile("mermaid-loader"))
        entry = urljoin(url, loader["data-src"])  # relative to the page
        assert entry == site_url.rstrip("/") + f"/assets/vendor/mermaid/esm-{VERSION}/{ESM_ENTRY}"
        bundle = [i for i, s in enumerate(scripts) if re.search(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", s)]
        assert bundle, f"{url}: no Material bundle"
        assert scripts.index(mermaid[0]) < bundle[0], f"{url}: mermaid must load before Material's bundle"
    assert checked >= len(DIAGRAM_PAGES)


def test_pages_without_a_diagram_do_not_load_mermaid(pages):
    loading = [
        url
        for _, url, soup in pages
        if not soup.select(".mermaid") and any("mermaid" in s.lower() for s in _scripts(soup, url))
    ]
    assert not loading, f"pages without a diagram that load the 3.5 MB Mermaid: {loading}"
    assert any(not soup.select(".mermaid") for _, _, soup in pages), "no page without a diagram to check"


def test_no_page_or_stylesheet_references_a_cdn_font_or_github_api(site_dir, pages):
    offenders = [f"{url}: {m.group(0)}" for _, url, soup in pages for m in THIRD_PARTY.finditer(str(soup))]
    for css in site_dir.rglob("*.css"):
        offenders += [
            f"{css.relative_to(site_dir)}: {m.group(0)}" for m in THIRD_PARTY.finditer(css.read_text("utf-8"))
        ]
    assert not offenders, "\n".join(offenders)


def test_every_script_and_stylesheet_is_served_by_the_site(pages, site_url):
    local = urlsplit(site_url).netloc
    foreign = []
    for _, url, soup in pages:
        refs = _scripts(soup, url)
        refs += [urljoin(url, link["href"]) for link in soup.find_all("link", rel="stylesheet")]
        refs += [urljoin(url, link["href"]) for link in soup.find_all("link", rel="preconnect")]
        foreign += [f"{url}: {r}" for r in refs if urlsplit(r).netloc != local]
    assert not foreign, "\n".join(foreign)


def test_loader_evaluates_exactly_the_vendored_modules_entry_last():
    loader = (ROOT / "overrides" / "assets" / "javascripts" / "mermaid-loader.js").read_text(encoding="utf-8")
    block = loader.split("// BEGIN load order", 1)[1].split("// END load order", 1)[0]
    order = re.findall(r'"([^"]+\.mjs)"', block)
    assert sorted(order) == sorted(_manifest()), "rerun guide-vendor-mermaid"
    assert order[-1] == ESM_ENTRY
