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
#pragma once

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
};

// The partitions of `table` (PostgreSQL; empty on SQLite or for a table that
// is not partitioned).
[[nodiscard]] Result<std::vector<PartitionPlace>> PartitionsOf(Db& db, const std::string& table);

class PartitionedWrite {
 public:
  // `token` names this work in the prepared transactions' ids (letters,
  // digits, '-', '_').
  [[nodiscard]] static Result<std::unique_ptr<PartitionedWrite>> Open(Db& db, const std::string& table,
                                                                      std::vector<std::string> columns,
                                                                      const std::string& token);
  ~PartitionedWrite();

  // Deletes the rows with `column` = value, in every partition where it
  // lives. Before the first For().
  [[nodiscard]] Status DeleteWhere(const std::string& column, int64_t value);
  // The writer for a row whose partition key is `key`; stable until Finish.
  // Rows go whole to one writer at a time, and grouped by partition: the
  // partitions of one shard share its connection, which switches COPY
  // between them.
  [[nodiscard]] Result<BulkWriter*> For(const std::string& key);
  // Ends every COPY and prepares the shards' transactions, which then
  // follow the coordinator's. On error nothing of the shards' work stays.
  [[nodiscard]] Status Finish();
  int remote_partitions() const { return static_cast<int>(remote_.size()); }

 private:
  struct Remote;
  class Switching;
  PartitionedWrite(Db& db, std::string table, std::vector<std::string> columns, std::string token);
  void AbortRemotes();

  Db& db_;
  std::string table_, token_;
  std::vector<std::string> columns_;
  std::vector<PartitionPlace> places_;
  std::map<std::string, size_t> by_key_;  // key -> index in places_
  std::unique_ptr<BulkWriter> local_;
  std::vector<std::shared_ptr<Remote>> remote_;  // by index in places_ (null: local)
  std::vector<std::unique_ptr<Switching>> writers_;  // by index in places_ (null: local)
  std::vector<std::shared_ptr<Remote>> shards_;  // one per shard database
  bool finished_ = false;
};

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

}  // namespace bhxh
