# The two commands of the README: `make demo` and `make test`. Both create .venv and install the
# pinned dependencies (constraints.txt) when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := build/demo.db

.PHONY: demo test lint typecheck unit install clean bench bench-workers

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/storyfold ingest --db $(DEMO_DB) data/demo/ecbplus-excerpt.jsonl tests/fixtures/seeds
	$(BIN)/storyfold stories --db $(DEMO_DB)

unit: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

test: unit lint typecheck

# Speed as the store grows (generated from real articles; several minutes): writes bench/RESULTS.md and
# bench/RESULTS.svg (the datasketch baseline needs the bench extra, installed here).
bench: $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,bench]'
	$(BIN)/python bench/scale_bench.py

# Ingest with 0, 1 and 2 worker processes, full and fast path, JSON Lines and generated HTML (about 25
# minutes): writes bench/workers.md.
bench-workers: $(STAMP)
	$(BIN)/python bench/workers_bench.py

clean:
	rm -rf build $(VENV) .mypy_cache .pytest_cache .ruff_cache
