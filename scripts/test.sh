#!/usr/bin/env bash
# The whole check: lint, types, the import contract, then the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
export PATH="$PWD/$VENV/bin:$PATH"

echo "== ruff" >&2
ruff check tui tests bench scripts
ruff format --check tui tests bench scripts
echo "== mypy" >&2
mypy
echo "== import contract (tui.core never imports Textual)" >&2
lint-imports --no-cache
echo "== pytest" >&2
# Bytecode for caro's own modules, as an install writes it: where PYTHONDONTWRITEBYTECODE is
# set, every caro process the tests start would otherwise compile each module from source.
python -m compileall -q tui >/dev/null
pytest -q "$@"
