#!/usr/bin/env bash
# Install, then run the main job on the bundled sample corpus (examples/) into demo.db.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rm -f demo.db demo.db-wal demo.db-shm
.venv/bin/dossier ingest examples/ --db demo.db
