# frontlines: `make demo` runs the pipeline over examples/, `make test` runs every test group.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= out
PYTEST := $(BIN)/pytest -p no:cacheprovider

.PHONY: install demo test lint typecheck test-fast test-slow test-postgres test-browser assets clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,postgres,distributed]"
	touch $(STAMP)

install: $(STAMP)

# Web assets (map library, country borders) come from npm at build time, never from a CDN.
assets: install
	@if [ -f web/package.json ]; then $(BIN)/python scripts/build_assets.py; fi

demo: install assets
	@mkdir -p $(OUT)
	$(BIN)/frontlines --db $(OUT)/demo.db ingest examples/
	$(BIN)/frontlines --db $(OUT)/demo.db export --format csv -o $(OUT)/events.csv
	$(BIN)/frontlines --db $(OUT)/demo.db export --format geojson -o $(OUT)/events.geojson
	$(BIN)/frontlines --db $(OUT)/demo.db export --format jsonl -o $(OUT)/events.jsonl
	$(BIN)/frontlines --db $(OUT)/demo.db stats

lint: install
	$(BIN)/ruff check src tests scripts

typecheck: install
	$(BIN)/mypy src/frontlines

# pytest exits 5 when a group selects no test; that is not a failure here.
test-fast: install
	$(PYTEST) -q -m "not slow and not browser and not postgres" tests || [ $$? -eq 5 ]

test-slow: install
	$(PYTEST) -q -m "slow and not browser and not postgres" tests || [ $$? -eq 5 ]

test-postgres: install
	scripts/with-postgres.sh $(PYTEST) -q -m postgres tests || [ $$? -eq 5 ]

test-browser: install assets
	$(PYTEST) -q -m browser tests || [ $$? -eq 5 ]

test: lint typecheck test-fast test-slow test-postgres test-browser

clean:
	rm -rf $(OUT) .cache .pytest_cache .mypy_cache .ruff_cache
