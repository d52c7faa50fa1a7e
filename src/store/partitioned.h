// Writing a table partitioned by list when some partitions live on other
// servers (shards), so each row goes straight to the server that holds it.
//
// On PostgreSQL a partition may be a postgres_fdw foreign table (placed by
// scripts/shard/shard.sh); the coordinator's catalogue says where. Rows
// written through the coordinator would reach a foreign partition one
// INSERT at a time (COPY into a foreign partition is not batched before
// PostgreSQL 16): 100,000 rows took 26 s against 0.6 s locally. A
// PartitionedWrite instead opens one connection per shard database and
// COPYs each partition's rows there, while local rows COPY on the
// coordinator; the servers take their rows at the same time.
//
// Consistency (two-phase commit): every shard connection works in its own
// transaction, which Finish() prepares (PREPARE TRANSACTION, so the shards
// need max_prepared_transactions > 0: one per concurrent write per shard
// database) with the global id "bhxh/<table>/<token>/<server>/<shard
// database>". The prepared work commits when the
// coordinator's transaction commits and rolls back when it rolls back
// (Db::AfterTransaction). A coordinator that dies between the two leaves
// prepared transactions on the shards, invisible to readers and holding
// their locks; ResolvePrepared settles them by asking the caller whether
// the token's work was committed on the coordinator.
//
// Without foreign partitions (SQLite, a single PostgreSQL server) this is
// one DELETE and one COPY on the coordinator, as before sharding.
//
// Spread (WriteOptions::connections > 1, for the month's bulk writes): one
// PostgreSQL backend parses a COPY, routes its rows and fills the indexes
// on one core, and that — not the engine — is most of a collection or a
// payroll. The coordinator's own partitions are then dealt among that many
// connections to the coordinator (each COPYing through the parent table;
// the extra ones in prepared transactions that follow the caller's, as a
// shard's do), and every connection of the write is fed by its own thread
// from a bounded queue, so the servers' backends work at the same time
// while the caller computes. Needs max_prepared_transactions > 0 on the
// coordinator; without it the write stays on one connection. Rows are
// then checked by the server a batch behind: a row it refuses fails a
// later EndRow or Finish. Readers may see the caller's rows a moment
// before those of the extra connections (between the commit and the
// COMMIT PREPARED that follows it), as with shards.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/db.h"

namespace bhxh {

// Where a partition lives: on the coordinator, or on a server (its libpq
// connection string, from the foreign server's options and user mapping)
// under its remote table name.
struct PartitionPlace {
  std::string partition;
  std::vector<std::string> values;  // empty for the DEFAULT partition
  bool is_default = false;
  std::string server;  // empty: local
  std::string conninfo, remote_table;
  int64_t rows_estimate = 0;  // pg_class.reltuples: as the server last counted (negative: never)
};

// The partitions of `table` (PostgreSQL; empty on SQLite or for a table that
// is not partitioned).
[[nodiscard]] Result<std::vector<PartitionPlace>> PartitionsOf(Db& db, const std::string& table);

// One table of a write: its name and the columns its rows give, in order.
struct PartitionedTable {
  std::string table;
  std::vector<std::string> columns;
};

struct WriteOptions {
  // Connections to the coordinator the local partitions are dealt among
  // (1: the caller's only, written in the caller's thread).
  int connections = 1;
  // Rows the caller will write per partition key, when it knows them (a
  // month's workers by province): the partitions are dealt so that each
  // connection gets about as many rows. Without it, the partitions' sizes
  // as the server last counted them.
  std::map<std::string, int64_t> rows_by_key;
};

// Connections for a month's bulk write: BHXH_WRITE_CONNECTIONS when set
// (1-16; anything else is an error naming it), else the machine's cores,
// at most 4.
[[nodiscard]] Result<int> BulkWriteConnections();

class PartitionedWrite {
 public:
  // `token` names this work in the prepared transactions' ids (letters,
  // digits, '-', '_'). The tables of one write (a claim, its lines and its
  // findings) share each shard's connection and prepared transaction; the
  // ids carry the first table's name, which ResolvePrepared is given.
  [[nodiscard]] static Result<std::unique_ptr<PartitionedWrite>> Open(Db& db, std::vector<PartitionedTable> tables,
                                                                      const std::string& token,
                                                                      WriteOptions options = {});
  [[nodiscard]] static Result<std::unique_ptr<PartitionedWrite>> Open(Db& db, const std::string& table,
                                                                      std::vector<std::string> columns,
                                                                      const std::string& token,
                                                                      WriteOptions options = {}) {
    return Open(db, std::vector<PartitionedTable>{{table, std::move(columns)}}, token, options);
  }
  ~PartitionedWrite();

  // Deletes the rows of table number `t` with `column` = value, in every
  // partition where it lives.
  [[nodiscard]] Status DeleteWhere(const std::string& column, int64_t value, size_t t = 0);
  // The writer for a row of table `t` whose partition key is `key`; stable
  // until Finish. Rows go whole to one writer at a time, and grouped: the
  // writers on one connection (every table's partitions on one shard, every
  // table on the coordinator) take turns, switching COPY between them.
  [[nodiscard]] Result<BulkWriter*> For(const std::string& key, size_t t = 0);
  // Where the rows of `key` in table `t` live, for a statement of the
  // caller's own (reading and retiring earlier versions): the connection,
  // inside this write's transaction, and the name there of the partition
  // (which holds every code merged into the key's province too; the table
  // itself when it is not partitioned). Ends the COPY open on that
  // connection, so a later row reopens it.
  struct Place {
    Db* db;
    std::string table;
  };
  [[nodiscard]] Result<Place> Where(const std::string& key, size_t t = 0);
  // Ends every COPY and prepares the shards' transactions, which then
  // follow the coordinator's. On error nothing of the shards' work stays.
  [[nodiscard]] Status Finish();
  int remote_partitions() const { return remote_partitions_; }
  // Connections to the coordinator this write uses (1 unless spread).
  int local_connections() const { return static_cast<int>(locals_.size()); }

 private:
  struct Conn;
  class Switching;
  struct Target;
  PartitionedWrite(Db& db, std::string token);
  void AbortRemotes();
  Result<size_t> PlaceOf(const Target& target, const std::string& key) const;
  // Hands every row buffered for a threaded connection to its thread and
  // waits until they are written; the first error of any.
  Status DrainAll();
  void StopThreads();

  Db& db_;
  std::string token_;
  std::vector<Target> targets_;
  std::shared_ptr<Conn> local_;                // the coordinator's connection (the caller's)
  std::vector<std::shared_ptr<Conn>> locals_;  // local_ first, then the extra ones of a spread write
  std::vector<std::shared_ptr<Conn>> shards_;  // prepared at Finish: one per shard database, and the extra locals
  int remote_partitions_ = 0;
  bool finished_ = false;
  bool aborted_ = false;  // a failed Finish: the write takes nothing more
};

// `n` new ids for rows of `table` (its `id` column) that a PartitionedWrite
// will COPY: COPY returns nothing, and a shard has no sequence of the
// coordinator's. PostgreSQL: from the column's sequence. SQLite: following
// the table's largest id, so call it inside the write's transaction after
// its first write (SQLite has one writer: nothing else takes them).
[[nodiscard]] Result<std::vector<int64_t>> NewIds(Db& db, const std::string& table, size_t n);

// Tables split by month inside their partitions: on PostgreSQL, those
// listed in `monthly_partitions` (parent, key_column: a month as yyyymm),
// whose partitions on this server and on shards are partitioned by range
// of that column, a partition per month ("<partition>_mYYYYMM") and a
// DEFAULT one ("<partition>_other"). MonthlyColumn gives the column, or ""
// for a table not split so (and always on SQLite).
[[nodiscard]] Result<std::string> MonthlyColumn(Db& db, const std::string& table);
// Makes sure the partition of `table` holding `key` (else its DEFAULT
// partition), wherever it lives, has a partition for each of `months`
// (yyyymm, the key's own form; anything else is invalid_input naming it), moving into it
// the rows of that month its DEFAULT partition took meanwhile. Each month
// is made on a connection and in a transaction of its own (never the
// caller's: DDL in a write would keep the province's tables locked until
// it commits), waiting at most a second for its locks; so call it before
// the write's transaction, and outside a caller's. A month not made keeps
// its rows in the DEFAULT partition, where nothing is lost. Does nothing
// for a table not split by month or a shard's table from before months.
[[nodiscard]] Status EnsureMonths(Db& db, const std::string& table, const std::string& key,
                                  const std::vector<int>& months);

// Setting up a sharded deployment before it holds rows (and benchmarks and
// tests): `server` as a postgres_fdw server of the coordinator, reached
// with `conninfo` ("host=... port=... dbname=... user=..."); then an empty
// partition placed on it (created there with the parent's columns and
// indexes, attached here as a foreign table). Partitions that hold rows
// are moved with scripts/shard/shard.sh.
[[nodiscard]] Status AddShardServer(Db& coordinator, const std::string& server, const std::string& conninfo);
[[nodiscard]] Status PlaceEmptyPartition(Db& coordinator, Db& shard, const std::string& partition,
                                         const std::string& server);

// Settles prepared transactions of `table` left on its shards: committed
// where `committed(token)` says the coordinator committed that work, rolled
// back where it did not and they are older than `grace` (younger ones may
// belong to work still in progress). Returns how many were settled.
[[nodiscard]] Result<int> ResolvePrepared(Db& db, const std::string& table,
                                          const std::function<Result<bool>(const std::string& token)>& committed,
                                          std::chrono::seconds grace = std::chrono::minutes(10));

// Whether work done "at most every `every` per process" is due now: true
// the first time, then once `every` has passed since the last true for
// the same `last` (one per kind of work), and for one caller at a time;
// always true for every = 0. Settling left-prepared work this way keeps it
// off the path of every request.
[[nodiscard]] bool DueEvery(std::atomic<int64_t>& last, std::chrono::seconds every);

// The usual `committed` for ResolvePrepared: work named "<prefix>-<n>"
// (a run, a submission, a month) was committed when `count_sql`, a
// constant "SELECT COUNT(*) ... WHERE <key> = ?", counts a row for n on the
// coordinator. Another token is not this work's: false.
[[nodiscard]] std::function<Result<bool>(const std::string& token)> RecordedAs(Db& db, std::string prefix,
                                                                               std::string count_sql);

}  // namespace bhxh
