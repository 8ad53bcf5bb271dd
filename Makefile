# The two commands: `make serve` and `make test`. Both create .venv and install
# what is needed on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000
NODE_STAMP := node_modules/.installed-stamp
# ProperDocs (a continuation of MkDocs 1.x) in an environment of its own, for
# the test that builds the site with it (README "Future").
PD_VENV  := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed-stamp
# Lighthouse's node packages, wherever npm is there to install them; without
# npm the Lighthouse test says what is missing (and fails in CI).
NODE_DEPS  := $(if $(shell command -v npm),$(NODE_STAMP))

# Silence the MkDocs 2.0 banner that every mkdocs run prints to stderr.
export NO_MKDOCS_2_WARNING := 1
# Compiled bytecode goes to the user's cache folder, never beside the sources (`make serve` watches hooks/):
# without it every build and check compiled the package again, a fixed cost larger than a small site's pages.
export PYTHONPYCACHEPREFIX ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/partner-guide/pycache

.PHONY: serve test build check verify fix clean install lighthouse diagrams diagrams-missing bench import properdocs lint

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

## Preview with live reload at http://127.0.0.1:8000; a save renders that page and the pages it can
## break (docs/writing.md says what waits for a full rebuild: a change to mkdocs.yml, hooks/ or overrides/)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr $(HOST):$(PORT) --watch hooks --watch overrides

## Build the site into site/ (Chinese at /), failing on any warning
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## Run the page checks over docs/ without building the site (exit 1 on findings);
## FILES="docs/a.md ..." checks a change only: those pages and the pages they can break (pre-commit)
check: $(STAMP)
	$(BIN)/guide-check $(if $(strip $(FILES)),--changed $(FILES),docs)

## ruff, ruff's formatter check and mypy (strict on the package); make test runs it
lint: $(STAMP)
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests
	$(BIN)/mypy

## The fast lane (a pull request's first check): make check, the strict build and the tests that read docs/; timed
verify: $(STAMP)
	$(BIN)/guide-verify

## Apply the copy checks' corrections (COPY-*: spacing, punctuation, terms) to docs/; then review the diff
fix: $(STAMP)
	$(BIN)/guide-fix docs

## Import Tencent-format pages: make import SRC=<file or folder> INTO=docs/<folder> [FORCE=1]
import: $(STAMP)
	@test -n "$(SRC)" -a -n "$(INTO)" || { echo "usage: make import SRC=<Tencent .md file or folder> INTO=docs/<folder> [FORCE=1]" >&2; exit 2; }
	$(BIN)/guide-import "$(SRC)" --into "$(INTO)" $(if $(FORCE),--force)

## Build, then lint and run the whole test suite (Lighthouse too, where npm exists; ProperDocs' build) on
## every core; draws the diagrams that have no drawing first; prints how long it took.
## PYTEST_WORKERS=1 runs it in one process.
PYTEST_WORKERS ?= auto
test: $(STAMP) $(NODE_DEPS) $(PD_STAMP)
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory diagrams-missing build lint && \
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder; \
	status=$$?; echo "make test: $$(( $$(date +%s) - start )) s (exit $$status)"; exit $$status

## ProperDocs 1.6.7 from PyPI into .venv-properdocs (make test does it)
properdocs: $(PD_STAMP)

$(PD_STAMP): pyproject.toml
	@test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PD_VENV)/bin/python -m pip install --quiet -e ".[properdocs]"
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## Draw every diagram ahead of time into hooks/src/partner_guide/data/diagrams/ (after editing a diagram)
diagrams: $(STAMP)
	$(BIN)/guide-diagrams

## Draw only the diagrams without an up-to-date drawing, into .cache/diagrams/ (CI before publishing; needs
## Chromium only when one is missing). The build uses them; nothing is committed.
diagrams-missing: $(STAMP)
	$(BIN)/guide-diagrams --missing

## Lighthouse (mobile) on every page of both editions, served gzipped; table in lighthouse/
lighthouse: $(STAMP) $(NODE_STAMP)
	$(BIN)/guide-lighthouse

## Build-performance benchmark: ratios against baselines built in the same run;
## then adversarial input (a 1 MB page, every corpus case) against issue 11's bounds
bench: $(STAMP)
	$(BIN)/guide-bench
	$(BIN)/guide-adversarial-bench

clean:
	rm -rf site .pytest_cache .hypothesis $(PD_VENV)
