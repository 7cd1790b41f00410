# govbot: `make run` sets up and starts the bot; `make test` runs every check CI runs.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean playground

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "govbot needs Python 3.11 or newer on the PATH (python3.11, python3.12 or python3)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

run: $(VENV)/.installed
	$(BIN)/govbot db upgrade
	$(BIN)/govbot run

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python scripts/module_sizes.py

test: lint
	$(BIN)/pytest

# Benchmarks are scripts that print figures, not tests: Slack request handling (a minute), the same over real HTTP
# to running servers on SQLite and PostgreSQL (two minutes), then reminder derivation at 1,000 to 50,000 groups on
# SQLite and PostgreSQL beside the naive APScheduler design (~12 minutes).
bench: $(VENV)/.installed-test
	$(BIN)/python bench/slack_bench.py
	$(BIN)/python bench/http_bench.py
	$(BIN)/python bench/reminders_bench.py

# Try the Teams side in Microsoft's own local client (needs Node.js): README "Local testing without Azure".
playground: $(VENV)/.installed
	VENV=$(VENV) sh scripts/playground.sh

clean:
	rm -rf $(VENV) build *.egg-info
