#!/usr/bin/env bash
# Install, then run the whole test suite (tests that need ../shared skip with a reason if it is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m ruff check dossier tests benchmarks
.venv/bin/lint-imports  # no import against the data flow (contract in pyproject.toml)
.venv/bin/python -m pytest "$@"
