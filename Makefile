# frontlines: `make demo` runs the pipeline over examples/, `make test` runs every test group.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# What `make install` installs: every runtime extra plus the test tools (see pyproject.toml).
EXTRAS ?= all,dev,browser,fuzz
LOCK   := requirements/lock.txt
MODEL  := requirements/model.txt
OUT    ?= out
PYTEST := $(BIN)/pytest -p no:cacheprovider

.PHONY: install lock demo test lint typecheck test-fast test-slow test-postgres test-browser assets clean

# The spaCy model first, hash-checked (requirements/model.txt), then the package with the lock file
# as constraints: every install gets the versions the tests ran with.
$(STAMP): pyproject.toml $(LOCK) $(MODEL)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r $(MODEL)
	$(BIN)/pip install -q -c $(LOCK) -e ".[$(EXTRAS)]"
	touch $(STAMP)

install: $(STAMP)

# Refresh the lock file after a dependency changes in pyproject.toml: resolve everything afresh in a
# throwaway venv (no constraints) and freeze it. Commit requirements/lock.txt with the change.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q --upgrade pip
	.lock-venv/bin/pip install -q --no-deps --require-hashes -r $(MODEL)
	.lock-venv/bin/pip install -q ".[$(EXTRAS)]"
	{ echo "# Every package \`make install\` installs, at the versions tested. Made by \`make lock\` (do not edit)."; \
	  .lock-venv/bin/pip freeze --exclude frontlines; } > $(LOCK).tmp
	mv $(LOCK).tmp $(LOCK)
	rm -rf .lock-venv

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
	rm -rf $(OUT) .cache .pytest_cache .mypy_cache .ruff_cache .lock-venv
