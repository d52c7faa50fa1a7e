# Shared by the scripts that run throwaway PostgreSQL servers around the
# bhxh program (scripts/ha/, scripts/shard/). Source it after `cd` to the
# repository, with NAME set to the script's short name:
#   BIN    the bhxh program (first argument, default build/bhxh)
#   PGBIN  the newest PostgreSQL's binaries
#   DIR    a fresh temporary directory, owned by the server's user
#   AS     how to run as that user ("runuser -u postgres --" under root)
#   say / fail   messages; fail prints the tail of every log in DIR
BIN=$(realpath "${1:-build/bhxh}")
[ -x "$BIN" ] || { echo "$NAME: $BIN not built" >&2; exit 1; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d "/tmp/bhxh-$NAME-XXXXXX")
AS=""
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$DIR"
  AS="runuser -u postgres --"
fi
say() { echo "$NAME: $*"; }
fail() {
  echo "$NAME: FAILED: $*" >&2
  for f in "$DIR"/*.log; do echo "--- $f" >&2; tail -15 "$f" >&2; done
  exit 1
}
