# diffdata: build the dataset from raw/ into processed/, and test it.
# Targets are real files: on an unchanged tree `make all` rebuilds nothing.

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
# Runs a command holding an exclusive lock (fcntl, from Python: no flock(1) needed), so that concurrent `make`
# runs create and update .venv one after the other instead of racing pip. The build has its own lock.
VENV_LOCK := .venv.lock
LOCKED = $(PYTHON) -c 'import fcntl, subprocess, sys; lock = open(sys.argv[1], "a"); \
  fcntl.flock(lock, fcntl.LOCK_EX); sys.exit(subprocess.call(sys.argv[2:]))' $(VENV_LOCK)

# The lists are not named as prerequisites: a name with a space or a colon cannot be one. Instead, find says
# whether any of them (links followed) is newer than the first output the pipeline writes, and if so the
# outputs depend on FORCE.
FIRST_OUTPUT := processed/occurrences.parquet
LISTS_CHANGED := $(shell find -L raw/lists -mindepth 1 -maxdepth 1 -newer $(FIRST_OUTPUT) -print -quit 2>/dev/null \
  | grep -q . && echo FORCE)
SRC := $(sort $(wildcard src/diffdata/*.py src/diffdata/*/*.py))
S2_CACHE := $(sort $(wildcard raw/semanticscholar/*.json))
KEYS := raw/citation_keys.csv

# Every file the pipeline writes; one run of the pipeline makes them all.
OUTPUTS := $(FIRST_OUTPUT) processed/papers.parquet processed/matches.parquet \
  processed/citations.parquet processed/occurrences.csv processed/papers.csv processed/issues.csv \
  processed/parse_report.csv processed/papers.bib processed/works_per_year.svg processed/REPORT.md \
  processed/README.md processed/datapackage.json

.PHONY: all test lint help clean distclean check-reproducible venv FORCE

all: $(OUTPUTS) ## Build the dataset (creates .venv first if missing)

help: ## List the targets
	@grep -E '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-20s %s\n", $$1, $$2}'

venv: $(RUNTIME_STAMP) ## Create .venv from the pinned requirements.txt

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "diffdata needs Python >= 3.11"'
	$(LOCKED) sh -c 'test -x $(VPY) || $(PYTHON) -m venv $(VENV)'

$(RUNTIME_STAMP): requirements.txt pyproject.toml | $(VENV)/bin/python
	$(LOCKED) sh -c '$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements.txt && \
	  $(VPY) -m pip install --quiet --disable-pip-version-check --no-deps -e . && touch $@'

$(DEV_STAMP): requirements-dev.txt $(RUNTIME_STAMP)
	$(LOCKED) sh -c '$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt && touch $@'

# The folders are prerequisites too: their time changes when a file is added to or removed from them, which
# the newer-than check above cannot see (a deleted list must rebuild the dataset).
FORCE:

$(OUTPUTS) &: $(LISTS_CHANGED) $(SRC) $(S2_CACHE) $(wildcard $(KEYS)) raw raw/lists $(wildcard raw/semanticscholar) \
  | $(RUNTIME_STAMP)
	$(VPY) -m diffdata build

test: $(DEV_STAMP) ## Run ruff and the test suite
	$(VPY) -m ruff check src tests benchmarks
	$(VPY) -m pytest -q

lint: $(DEV_STAMP) ## Run ruff only
	$(VPY) -m ruff check src tests benchmarks

check-reproducible: $(RUNTIME_STAMP) ## Rebuild from scratch and fail if processed/ differs from what is committed
	$(VPY) -m diffdata build --quiet
	git diff --exit-code --stat -- processed raw

clean: ## Remove built files (never raw inputs)
	rm -rf $(OUTPUTS) processed/.tmp* build dist src/*.egg-info .pytest_cache .ruff_cache

distclean: clean ## Also remove the virtual environment
	rm -rf $(VENV) $(VENV_LOCK)
