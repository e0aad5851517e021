# The two commands of the README. Both set up .venv first (idempotent, see scripts/setup.sh).
.PHONY: run test setup lint bench clean

VENV ?= .venv
ARGS ?=

run: setup
	@$(VENV)/bin/caro $(ARGS)

test: setup
	@scripts/test.sh

setup:
	@scripts/setup.sh

lint: setup
	@$(VENV)/bin/ruff check tui tests bench scripts
	@$(VENV)/bin/ruff format --check tui tests bench scripts
	@$(VENV)/bin/mypy
	@$(VENV)/bin/lint-imports

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(VENV)/bin/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
