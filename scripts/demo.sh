#!/usr/bin/env bash
# Install, then run the main job on the bundled sample corpus (examples/) into demo.db.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rm -f demo.db demo.db-wal demo.db-shm
.venv/bin/dossier ingest examples/ --db demo.db
echo
echo "stories:"
.venv/bin/dossier stories --db demo.db
echo
echo "next: .venv/bin/dossier digest <story id> --db demo.db    (an attributed digest)"
echo "      .venv/bin/dossier timeline --db demo.db             (events in the order they happened)"
echo "      .venv/bin/dossier serve --db demo.db                (the analyst's desk at http://127.0.0.1:8000)"
