#!/usr/bin/env bash
# Builds the web console into web/dist: npm ci from the committed lock file,
# the API client generated from the OpenAPI document of build/bhxh (or
# $BHXH_BUILD_DIR/bhxh), the
# TypeScript checked, Vite's production build. Skipped when web/dist is newer
# than every source of the console and the OpenAPI document is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$PWD/${BHXH_BUILD_DIR:-build}/bhxh"
[ -x "$BIN" ] || { echo "web: $BIN is needed first (bash scripts/build.sh bhxh)" >&2; exit 1; }
cd web
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
"$BIN" openapi > openapi.json.new
if [ -f dist/index.html ] && cmp -s openapi.json openapi.json.new && \
   [ -z "$(find src index.html vite.config.ts scripts package-lock.json -newer dist/index.html 2>/dev/null | head -1)" ]; then
  rm -f openapi.json.new
  exit 0
fi
mv openapi.json.new openapi.json
npm run build --silent
