#!/usr/bin/env bash
# The first command: install, build, load a demo province into SQLite (once)
# and serve the HTTP API on 127.0.0.1:8080.
#   BHXH_DB=path.db BHXH_PORT=8080 BHXH_PERSONS=40000 bash scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
DB="${BHXH_DB:-bhxh.db}"
./build/bhxh --db "$DB" init --demo --persons "${BHXH_PERSONS:-40000}" --seed "${BHXH_SEED:-1}"
exec ./build/bhxh --db "$DB" serve --host 127.0.0.1 --port "${BHXH_PORT:-8080}"
