#!/usr/bin/env bash
# Installs the Debian 12 packages bhxh needs to build, test and benchmark.
# Idempotent: does nothing when every package is already installed.
set -euo pipefail
PKGS=(
  build-essential cmake pkg-config
  lld                       # the linker (GNU ld takes five times as long on the test binary)
  libboost1.81-dev          # Boost.Beast/Asio: HTTP server
  nlohmann-json3-dev        # JSON
  libcli11-dev              # command-line parsing (and its config files)
  libspdlog-dev libfmt-dev  # logging
  libsqlite3-dev            # embedded default store
  libssl-dev                # SHA-256 of tokens, random ids (OpenSSL EVP)
  libsodium-dev             # Argon2id password hashes (crypto_pwhash)
  libpq-dev postgresql      # PostgreSQL store + throwaway server in tests
  postgresql-15-auto-failover pg-auto-failover-cli  # high availability (pg_autoctl), tested by scripts/ha/
  libutf8proc-dev           # Unicode normalisation, display widths
  libre2-dev                # linear-time regular expressions for outside text
  libhowardhinnant-date-dev tzdata  # "today" in Asia/Ho_Chi_Minh
  libpugixml-dev            # XML 130 claims (DOM parser)
  libxlsxwriter-dev         # XLSX exports
  libzip-dev                # XLSX imports, DOCX decisions (the packages are zips)
  libpoppler-cpp-dev        # PDF decisions: the text layer with word positions
  libpoppler-private-dev    # PDF decisions: the table borders a page draws (poppler's core)
  libxml2-dev               # HTML decisions: a forgiving HTML parser
  libjwt-dev                # identity providers' ID tokens (VNeID hand-off): RS/ES signatures
  libgtest-dev libgmock-dev # unit tests
  libbenchmark-dev wrk      # benchmarks
  curl sqlite3 iproute2     # smoke test (ss: the requests in flight before the shutdown)
  chromium                  # the browser of the console's end-to-end tests
  clang libclang-rt-14-dev  # fuzzing (scripts/fuzz.sh)
)
command -v node >/dev/null 2>&1 || PKGS+=(nodejs npm)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
