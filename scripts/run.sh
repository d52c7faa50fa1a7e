#!/usr/bin/env bash
# The first command: install, build what it runs (the bhxh command and the
# web console), load a demo province into SQLite (once), and serve the API,
# the console and the API reference on 127.0.0.1:8080.
#   BHXH_DB=path.db BHXH_PORT=8080 BHXH_PERSONS=40000 bash scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh bhxh
bash scripts/web.sh
DB="${BHXH_DB:-bhxh.db}"
./build/bhxh --db "$DB" init --demo --persons "${BHXH_PERSONS:-40000}" --seed "${BHXH_SEED:-1}"
# The agency's decisions (../shared/seeds) become programmes to follow up; a
# second run is a replay. The HI coverage indicator of 249/QĐ-BHXH is then
# computed from the demo province's records.
SEEDS="${BHXH_SEEDS:-../shared/seeds}"
if ls "$SEEDS"/*.txt >/dev/null 2>&1; then
  ./build/bhxh --db "$DB" programmes import "$SEEDS"/*.txt
  ./build/bhxh --db "$DB" programmes indicator-compute 249/QĐ-BHXH 3 --year 2025 --province "${BHXH_PROVINCE:-01}" >/dev/null || true
fi
exec ./build/bhxh --db "$DB" serve --host 127.0.0.1 --port "${BHXH_PORT:-8080}"
