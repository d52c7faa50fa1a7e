#!/usr/bin/env bash
# Places provinces on servers: the operator's side of a sharded bhxh.
#
# bhxh's large tables are partitioned by province on PostgreSQL (one
# partition per province of today, e.g. dues_p79 holds 79 and the codes
# merged into it). A shard is another PostgreSQL server that holds some of
# those partitions; the coordinator (the database bhxh connects to) sees
# them as postgres_fdw foreign tables attached in their place, so every
# query and write of the engines is unchanged and is routed to where the
# rows are. The coordinator's catalogue is the placement: which partition
# is local and which is foreign, on which server.
#
#   shard.sh add-server COORD_URL NAME "host=H port=P dbname=D user=U"
#       the shard's server and user mapping on the coordinator
#   shard.sh move COORD_URL PARTITION TARGET
#       moves one partition (TARGET: a server name, or "local") with its
#       rows; writers to that partition wait during the copy (see README)
#   shard.sh move-province COORD_URL PROVINCE TARGET
#       moves the province's partition of every partitioned table (dues_p79,
#       claims_p79, claim_lines_p79, ...), each in its own transaction: in
#       between, readers and writers are routed to wherever each one is
#   shard.sh placement COORD_URL
#       where every partition lives and how many rows it has (a province's
#       partition split by month counts as one, wherever its months are)
#
# A move is one transaction on the coordinator: the copy to the target,
# the swap of the partition and the count check commit together or not at
# all. postgres_fdw commits the target's part just before the coordinator
# commits; a coordinator that dies in between leaves a copy on the target
# that is not attached (never read), and the move run again replaces it.
# The old shard's table is dropped only after the coordinator committed.
set -euo pipefail
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

die() { echo "shard: $*" >&2; exit 1; }
name_ok() { [[ "$1" =~ ^[a-z][a-z0-9_]{0,62}$ ]] || die "not a plain name: '$1'"; }
q() { psql "$1" -XAtq -v ON_ERROR_STOP=1 -c "$2"; }

# The libpq URL of a server defined on the coordinator, from its options.
server_url() {
  local coord=$1 server=$2
  q "$coord" "select string_agg(o, ' ') from (
      select unnest(srvoptions) as o from pg_foreign_server where srvname = '$server'
      union all
      select unnest(umoptions) from pg_user_mappings where srvname = '$server' and usename = current_user) s
    where split_part(o, '=', 1) in ('host', 'port', 'dbname', 'user', 'password')"
}

cmd=${1:-}
case "$cmd" in
  add-server)
    [ $# -eq 4 ] || die "usage: shard.sh add-server COORD_URL NAME 'host=H port=P dbname=D user=U'"
    coord=$2 name=$3 conn=$4
    name_ok "$name"
    opts="" user=""
    for kv in $conn; do
      k=${kv%%=*} v=${kv#*=}
      [[ "$v" =~ ^[A-Za-z0-9_./-]+$ ]] || die "option $k: unexpected characters in '$v'"
      case "$k" in
        user) user=$v ;;
        host | port | dbname) opts+="${opts:+, }$k '$v'" ;;
        *) die "unknown connection option '$k' (host, port, dbname, user)" ;;
      esac
    done
    [ -n "$user" ] || die "the connection needs user="
    # async_capable: a query over several shards scans them at the same
    # time; use_remote_estimate: plans use the shard's own statistics (kept
    # by its autovacuum; the coordinator never analyzes foreign tables by
    # itself), so sums are computed there; fetch_size and batch_size move
    # rows in thousands, not one by one.
    psql "$coord" -Xq -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER $name FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS ($opts, async_capable 'true', use_remote_estimate 'true', fetch_size '10000', batch_size '1000');
CREATE USER MAPPING FOR CURRENT_USER SERVER $name OPTIONS (user '$user');
SQL
    q "$(server_url "$coord" "$name")" "select 1" >/dev/null || die "the coordinator's options for $name do not reach it"
    echo "shard: server $name added"
    ;;

  move)
    [ $# -eq 4 ] || die "usage: shard.sh move COORD_URL PARTITION TARGET(server|local)"
    coord=$2 part=$3 target=$4
    name_ok "$part"
    name_ok "$target"
    read -r parent kind source < <(q "$coord" "select i.inhparent::regclass, c.relkind, coalesce(s.srvname, 'local')
        from pg_class c join pg_inherits i on i.inhrelid = c.oid
        left join pg_foreign_table f on f.ftrelid = c.oid left join pg_foreign_server s on s.oid = f.ftserver
        where c.oid = to_regclass('$part')" | tr '|' ' ') || true
    [ -n "${parent:-}" ] || die "$part is not a partition"
    [ "$source" != "$target" ] || die "$part is already on $target"
    if [ "$target" != local ]; then
      [ "$(q "$coord" "select count(*) from pg_foreign_server where srvname = '$target'")" = 1 ] ||
        die "no server $target (shard.sh add-server first)"
    fi
    bound=$(q "$coord" "select pg_get_expr(relpartbound, oid) from pg_class where oid = '$part'::regclass")
    cols=$(q "$coord" "select string_agg(quote_ident(attname) || ' ' || format_type(atttypid, atttypmod)
        || case when attnotnull then ' NOT NULL' else '' end, ', ' order by attnum)
        from pg_attribute where attrelid = '$parent'::regclass and attnum > 0 and not attisdropped")
    names=$(q "$coord" "select string_agg(quote_ident(attname), ', ' order by attnum)
        from pg_attribute where attrelid = '$parent'::regclass and attnum > 0 and not attisdropped")
    # The parent's indexes, for the shard's table (a local partition gets
    # them when it is attached). Unique indexes cannot span servers.
    [ "$(q "$coord" "select count(*) from pg_index where indrelid = '$parent'::regclass and indisunique")" = 0 ] ||
      die "$parent has a unique index; its partitions cannot live on other servers"
    indexes=$(q "$coord" "select string_agg(regexp_replace(regexp_replace(pg_get_indexdef(indexrelid),
        ' ON ONLY \S+ ', ' ON $part '), '^CREATE INDEX (\S+)', 'CREATE INDEX ${part}_\1') || ';', E'\n')
        from pg_index where indrelid = '$parent'::regclass")
    rows=$(q "$coord" "select count(*) from $part")
    # A table split by month inside its partitions (monthly_partitions:
    # claims, their lines and findings by month of discharge, yyyymm) is
    # split so where it goes: a DEFAULT partition and one per month its
    # rows hold (later months are made by bhxh as their rows arrive).
    monthly=""
    if [ "$(q "$coord" "select to_regclass('monthly_partitions') is not null")" = t ]; then
      monthly=$(q "$coord" "select key_column from monthly_partitions where parent = '$parent'")
    fi
    month_split() {  # $1: the new table's name
      [ -n "$monthly" ] || return 0
      name_ok "$monthly"
      echo " PARTITION BY RANGE ($monthly); CREATE TABLE ${part}_other PARTITION OF $1 DEFAULT"
      local m next
      for m in $(q "$coord" "select distinct $monthly from $part
          where $monthly between 190001 and 999812 and $monthly % 100 between 1 and 12 order by 1"); do
        next=$((m % 100 == 12 ? m + 89 : m + 1))
        echo "; CREATE TABLE ${part}_m$m PARTITION OF $1 FOR VALUES FROM ($m) TO ($next)"
      done
    }
    if [ "$target" = local ]; then
      newtable="CREATE TABLE ${part}_moving ($cols)$(month_split "${part}_moving" | tr -d '\n');"
      rename="ALTER TABLE ${part}_moving RENAME TO $part;"
    else
      url=$(server_url "$coord" "$target")
      # An earlier move that died before the coordinator committed may have
      # left a copy here; it was never attached, so it is replaced.
      psql "$url" -Xq -v ON_ERROR_STOP=1 -c "DROP TABLE IF EXISTS $part; CREATE TABLE $part ($cols)$(month_split "$part" | tr -d '\n');" ||
        die "cannot create $part on $target"
      newtable="CREATE FOREIGN TABLE ${part}_moving ($cols) SERVER $target OPTIONS (table_name '$part');"
      rename="ALTER FOREIGN TABLE ${part}_moving RENAME TO $part;"
    fi
    [ "$kind" = f ] && drop="DROP FOREIGN TABLE $part;" || drop="DROP TABLE $part;"
    psql "$coord" -Xq -v ON_ERROR_STOP=1 --single-transaction <<SQL || die "move of $part failed; nothing changed"
LOCK TABLE $parent IN SHARE ROW EXCLUSIVE MODE;
$newtable
INSERT INTO ${part}_moving ($names) SELECT $names FROM $part;
DO \$\$ BEGIN
  IF (SELECT count(*) FROM ${part}_moving) <> (SELECT count(*) FROM $part) THEN
    RAISE EXCEPTION 'row counts differ after the copy of $part';
  END IF;
END \$\$;
ALTER TABLE $parent DETACH PARTITION $part;
$drop
$rename
ALTER TABLE $parent ATTACH PARTITION $part $bound;
SQL
    if [ "$target" != local ]; then
      psql "$url" -Xq -v ON_ERROR_STOP=1 -c "$indexes ANALYZE $part;" || die "indexes of $part on $target"
    fi
    if [ "$source" != local ]; then
      psql "$(server_url "$coord" "$source")" -Xq -c "DROP TABLE IF EXISTS $part" ||
        echo "shard: $part moved, but its old copy on $source could not be dropped (drop it by hand)" >&2
    fi
    q "$coord" "ANALYZE $parent" >/dev/null
    echo "shard: $part ($rows rows) moved from $source to $target"
    ;;

  move-province)
    [ $# -eq 4 ] || die "usage: shard.sh move-province COORD_URL PROVINCE TARGET(server|local)"
    coord=$2 prov=$3 target=$4
    [[ "$prov" =~ ^[0-9a-z]{1,8}$ ]] || die "not a province partition suffix: '$prov'"
    name_ok "$target"
    parts=$(q "$coord" "select c.relname || ' ' || coalesce(s.srvname, 'local') from pg_partitioned_table pt
        join pg_inherits i on i.inhparent = pt.partrelid join pg_class c on c.oid = i.inhrelid
        left join pg_foreign_table f on f.ftrelid = c.oid left join pg_foreign_server s on s.oid = f.ftserver
        where c.relname = pt.partrelid::regclass::text || '_p$prov' order by 1")
    [ -n "$parts" ] || die "no partition of province $prov"
    moved=0
    while read -r part where; do
      [ "$where" = "$target" ] && continue
      bash "$0" move "$coord" "$part" "$target" || die "$part not moved; the partitions moved before it stay on $target"
      moved=$((moved + 1))
    done <<<"$parts"
    echo "shard: province $prov on $target ($moved partitions moved)"
    ;;

  placement)
    [ $# -eq 2 ] || die "usage: shard.sh placement COORD_URL"
    q "$2" "select i.inhparent::regclass || ' ' || c.relname || ' ' || coalesce(s.srvname, 'local') || ' '
        || pg_get_expr(c.relpartbound, c.oid)
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
        left join pg_foreign_table f on f.ftrelid = c.oid left join pg_foreign_server s on s.oid = f.ftserver
        where c.relkind in ('r', 'f', 'p') and i.inhparent in (select partrelid from pg_partitioned_table)
          and i.inhparent not in (select inhrelid from pg_inherits)
        order by 1"
    ;;
  *) die "usage: shard.sh add-server|move|placement ... (see the top of this file)" ;;
esac
