#include "store/partitioned.h"

#include <mutex>

#include "base/text.h"
#include <set>

namespace bhxh {
namespace {

// Prepared work of this process whose coordinator transaction is still
// open: its outcome hook settles it, the resolver must not (the
// coordinator's own uncommitted rows would look committed to a resolver
// reading through the same transaction).
std::mutex g_in_flight_mu;
std::set<std::string> g_in_flight;

void InFlight(const std::string& gid, bool on) {
  std::lock_guard lock(g_in_flight_mu);
  if (on)
    g_in_flight.insert(gid);
  else
    g_in_flight.erase(gid);
}

bool IsInFlight(const std::string& gid) {
  std::lock_guard lock(g_in_flight_mu);
  return g_in_flight.count(gid) > 0;
}

bool PlainName(const std::string& s, bool allow_dash = false) {
  if (s.empty() || s.size() > 63) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          (allow_dash && c == '-')))
      return false;
  return true;
}

// "FOR VALUES IN ('79', '74')" -> {"79", "74"}.
std::vector<std::string> QuotedValues(const std::string& bound) {
  std::vector<std::string> out;
  for (size_t i = 0; i < bound.size(); ++i) {
    if (bound[i] != '\'') continue;
    std::string v;
    for (++i; i < bound.size(); ++i) {
      if (bound[i] == '\'') {
        if (i + 1 < bound.size() && bound[i + 1] == '\'') {
          v.push_back('\'');
          ++i;
          continue;
        }
        break;
      }
      v.push_back(bound[i]);
    }
    out.push_back(v);
  }
  return out;
}

// A libpq keyword=value, the value quoted as libpq reads it.
std::string ConnPart(const std::string& option) {
  static const std::set<std::string> kLibpq = {"host",     "hostaddr", "port",         "dbname",   "user",
                                               "password", "sslmode",  "sslrootcert",  "sslcert",  "sslkey",
                                               "passfile", "connect_timeout", "target_session_attrs", "application_name"};
  size_t eq = option.find('=');
  if (eq == std::string::npos || !kLibpq.count(option.substr(0, eq))) return "";
  std::string v = "'";
  for (char c : option.substr(eq + 1)) {
    if (c == '\'' || c == '\\') v.push_back('\\');
    v.push_back(c);
  }
  return option.substr(0, eq) + "=" + v + "' ";
}

// Option lists come one "key=value" a line; empty lines carry nothing.
std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out = Split(s, '\n');
  std::erase(out, std::string());
  return out;
}

Status ShardError(const std::string& partition, const Status& s) {
  return Status::Error(s.code(), s.field(), "Phân vùng " + partition + " (máy chủ khác): " + s.message_vi(),
                       "partition " + partition + " (on its shard): " + s.message_en());
}

}  // namespace

Result<std::vector<PartitionPlace>> PartitionsOf(Db& db, const std::string& table) {
  std::vector<PartitionPlace> out;
  if (db.dialect() != Dialect::kPostgres) return out;
  if (!PlainName(table)) return Status::Internal("partitioned table name: " + table);
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT c.relname, pg_get_expr(c.relpartbound, c.oid), COALESCE(s.srvname, ''), "
                 "COALESCE(array_to_string(s.srvoptions, E'\\n'), ''), "
                 "COALESCE((SELECT array_to_string(um.umoptions, E'\\n') FROM pg_user_mappings um "
                 "          WHERE um.srvid = s.oid AND um.usename IN (current_user, 'public') "
                 "          ORDER BY um.usename = 'public' LIMIT 1), ''), "
                 "COALESCE(array_to_string(f.ftoptions, E'\\n'), '') "
                 "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                 "LEFT JOIN pg_foreign_table f ON f.ftrelid = c.oid "
                 "LEFT JOIN pg_foreign_server s ON s.oid = f.ftserver "
                 "WHERE i.inhparent = to_regclass(?) ORDER BY c.relname"));
  st->Bind(table);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    PartitionPlace p;
    p.partition = st->Text(0);
    std::string bound = st->Text(1);
    p.is_default = bound == "DEFAULT";
    if (!p.is_default) p.values = QuotedValues(bound);
    p.server = st->Text(2);
    if (!p.server.empty()) {
      for (const auto& o : Lines(st->Text(3))) p.conninfo += ConnPart(o);
      for (const auto& o : Lines(st->Text(4))) p.conninfo += ConnPart(o);
      std::string schema, name = p.partition;
      for (const auto& o : Lines(st->Text(5))) {
        if (o.rfind("table_name=", 0) == 0) name = o.substr(11);
        if (o.rfind("schema_name=", 0) == 0) schema = o.substr(12);
      }
      if (!PlainName(name) || (!schema.empty() && !PlainName(schema)))
        return Status::Internal("foreign partition " + p.partition + ": remote name is not plain");
      p.remote_table = schema.empty() ? name : schema + "." + name;
    }
    out.push_back(std::move(p));
  }
  return out;
}

// One shard database: one connection, one transaction, one prepared id,
// however many of the table's partitions it holds. A shard with 17
// provinces would otherwise hold 17 connections and 17 prepared
// transactions per run (max_prepared_transactions is per server, and
// concurrent runs exhausted it in the tests).
struct PartitionedWrite::Remote {
  std::unique_ptr<Db> db;
  std::string gid, partitions;  // partitions: their names, for messages
  std::unique_ptr<BulkWriter> copy;  // the COPY open on this connection
  size_t copying = SIZE_MAX;         // into places_[copying]
  bool prepared = false;
};

// The writer of one foreign partition. A connection runs one COPY at a
// time, so writing a row of another partition of the same shard ends that
// partition's COPY and opens this one; rows arrive grouped by partition
// (the caller's promise), so this happens a few times per chunk, not per
// row. An error in the switch is kept and answered by EndRow.
class PartitionedWrite::Switching final : public BulkWriter {
 public:
  Switching(Remote& r, size_t index, std::string table) : r_(r), index_(index), table_(std::move(table)) {}
  void Int(int64_t v) override {
    if (Ready()) r_.copy->Int(v);
  }
  void Text(std::string_view v) override {
    if (Ready()) r_.copy->Text(v);
  }
  void Null() override {
    if (Ready()) r_.copy->Null();
  }
  Status EndRow() override {
    if (!error_.ok()) return error_;
    if (!r_.copy || r_.copying != index_) return Status::Internal("partitioned write: a row with no value");
    return r_.copy->EndRow();
  }
  Status Finish() override { return error_; }  // the shard's COPY ends in PartitionedWrite::Finish

 private:
  bool Ready() {
    if (!error_.ok()) return false;
    if (r_.copying == index_) return true;
    if (r_.copy) {
      error_ = r_.copy->Finish();
      r_.copy.reset();
      r_.copying = SIZE_MAX;
      if (!error_.ok()) return false;
    }
    auto w = r_.db->Bulk(table_, columns_);
    if (!w.ok()) {
      error_ = w.status();
      return false;
    }
    r_.copy = std::move(w).value();
    r_.copying = index_;
    return true;
  }
  friend class PartitionedWrite;
  Remote& r_;
  size_t index_;
  std::string table_;
  std::vector<std::string> columns_;
  Status error_;
};

PartitionedWrite::PartitionedWrite(Db& db, std::string table, std::vector<std::string> columns, std::string token)
    : db_(db), table_(std::move(table)), token_(std::move(token)), columns_(std::move(columns)) {}

PartitionedWrite::~PartitionedWrite() {
  if (!finished_) AbortRemotes();
}

void PartitionedWrite::AbortRemotes() {
  writers_.clear();
  for (auto& r : shards_) {
    r->copy.reset();  // an unfinished COPY ends with the connection
    if (r->prepared) {
      (void)r->db->Exec("ROLLBACK PREPARED '" + r->gid + "'");
      InFlight(r->gid, false);
    }
    else if (r->db->InTransaction())
      (void)r->db->Rollback();
  }
  shards_.clear();
  remote_.clear();
}

Result<std::unique_ptr<PartitionedWrite>> PartitionedWrite::Open(Db& db, const std::string& table,
                                                                 std::vector<std::string> columns,
                                                                 const std::string& token) {
  if (!PlainName(token, true)) return Status::Internal("partitioned write token: " + token);
  for (const auto& c : columns)
    if (!PlainName(c)) return Status::Internal("partitioned write column: " + c);
  std::unique_ptr<PartitionedWrite> w(new PartitionedWrite(db, table, std::move(columns), token));
  BHXH_ASSIGN_OR_RETURN(w->places_, PartitionsOf(db, table));
  w->remote_.resize(w->places_.size());
  w->writers_.resize(w->places_.size());
  bool any_remote = false;
  std::map<std::string, std::shared_ptr<Remote>> by_conninfo;
  for (size_t i = 0; i < w->places_.size(); ++i) {
    const PartitionPlace& p = w->places_[i];
    for (const auto& v : p.values) w->by_key_[v] = i;
    if (p.server.empty()) continue;
    any_remote = true;
    auto& r = by_conninfo[p.conninfo];
    if (!r) {
      r = std::make_shared<Remote>();
      auto conn = Db::Open(p.conninfo);
      if (!conn.ok()) return ShardError(p.partition, conn.status());
      r->db = std::move(conn).value();
      if (Status s = r->db->Begin(); !s.ok()) return ShardError(p.partition, s);
      // Prepared transactions' ids are unique per server, not per
      // database: the shard's database is part of the id.
      auto st = r->db->Prepare("SELECT current_database()");
      if (!st.ok()) return ShardError(p.partition, st.status());
      auto row = (*st)->Step();
      if (!row.ok()) return ShardError(p.partition, row.status());
      r->gid = "bhxh/" + table + "/" + token + "/" + p.server + "/" + (*st)->Text(0);
      w->shards_.push_back(r);
    }
    r->partitions += (r->partitions.empty() ? "" : ", ") + p.partition;
    w->remote_[i] = r;
    auto sw = std::make_unique<Switching>(*r, i, p.remote_table);
    sw->columns_ = w->columns_;
    w->writers_[i] = std::move(sw);
  }
  if (any_remote && !db.InTransaction())
    return Status::Internal("a write to shards follows a transaction of the coordinator; none is open");
  if (!any_remote) {
    w->remote_.clear();
    w->writers_.clear();
  }
  return w;
}

Status PartitionedWrite::DeleteWhere(const std::string& column, int64_t value) {
  if (!PlainName(column)) return Status::Internal("partitioned delete column: " + column);
  auto run = [&](Db& db, const std::string& target) -> Status {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("DELETE FROM " + target + " WHERE " + column + " = ?"));
    return st->Bind(value).Run();
  };
  if (remote_.empty()) return run(db_, table_);
  for (size_t i = 0; i < places_.size(); ++i) {
    if (remote_[i]) {
      if (Status s = run(*remote_[i]->db, places_[i].remote_table); !s.ok()) return ShardError(places_[i].partition, s);
    } else {
      BHXH_RETURN_IF_ERROR(run(db_, places_[i].partition));
    }
  }
  return Status::Ok();
}

Result<BulkWriter*> PartitionedWrite::For(const std::string& key) {
  if (!remote_.empty()) {
    auto it = by_key_.find(key);
    size_t i = places_.size();
    if (it != by_key_.end()) {
      i = it->second;
    } else {
      for (size_t k = 0; k < places_.size(); ++k)
        if (places_[k].is_default) i = k;
    }
    if (i == places_.size())
      return Status::Invalid("partition", "Không có phân vùng nào của bảng " + table_ + " nhận giá trị '" + key + "'",
                             "no partition of " + table_ + " takes '" + key + "'");
    if (remote_[i]) return writers_[i].get();
  }
  if (!local_) {
    BHXH_ASSIGN_OR_RETURN(local_, db_.Bulk(table_, columns_));
  }
  return local_.get();
}

Status PartitionedWrite::Finish() {
  if (local_) BHXH_RETURN_IF_ERROR(local_->Finish());
  std::vector<std::shared_ptr<Remote>> remotes;
  for (auto& r : shards_) {
    Status s;
    for (const auto& w : writers_)
      if (w && &w->r_ == r.get() && s.ok()) s = w->error_;
    if (s.ok() && r->copy) s = r->copy->Finish();
    r->copy.reset();
    if (s.ok()) s = r->db->Exec("PREPARE TRANSACTION '" + r->gid + "'");
    if (!s.ok()) {
      std::string partitions = r->partitions;
      AbortRemotes();
      if (s.message_en().find("prepared transactions are disabled") != std::string::npos)
        return Status::Error("unavailable", "partition",
                             "Máy chủ của phân vùng " + partitions +
                                 " chưa bật giao dịch hai pha (đặt max_prepared_transactions > 0)",
                             "the server of partition " + partitions +
                                 " has two-phase commit disabled (set max_prepared_transactions > 0)");
      return ShardError(partitions, s);
    }
    r->prepared = true;
    InFlight(r->gid, true);
    remotes.push_back(r);
  }
  finished_ = true;
  if (!remotes.empty())
    db_.AfterTransaction([remotes](Db::Outcome o) {
      // A shard that fails here keeps its prepared work; ResolvePrepared
      // settles it later as the coordinator did (kUnknown: only the
      // coordinator's record can tell).
      for (const auto& r : remotes) {
        if (o != Db::Outcome::kUnknown)
          (void)r->db->Exec((o == Db::Outcome::kCommitted ? "COMMIT PREPARED '" : "ROLLBACK PREPARED '") + r->gid + "'");
        InFlight(r->gid, false);
      }
    });
  return Status::Ok();
}

Result<int> ResolvePrepared(Db& db, const std::string& table,
                            const std::function<Result<bool>(const std::string& token)>& committed,
                            std::chrono::seconds grace) {
  BHXH_ASSIGN_OR_RETURN(auto places, PartitionsOf(db, table));
  std::set<std::string> servers;
  for (const auto& p : places)
    if (!p.server.empty()) servers.insert(p.conninfo);
  int settled = 0;
  const std::string prefix = "bhxh/" + table + "/";
  for (const auto& conninfo : servers) {
    BHXH_ASSIGN_OR_RETURN(auto shard, Db::Open(conninfo));
    std::vector<std::pair<std::string, int64_t>> found;
    {
      BHXH_ASSIGN_OR_RETURN(auto st, shard->Prepare("SELECT gid, CAST(EXTRACT(EPOCH FROM now() - prepared) AS BIGINT) "
                                                    "FROM pg_prepared_xacts WHERE database = current_database() "
                                                    "AND left(gid, length(?)) = ?"));
      st->Bind(prefix, prefix);
      while (true) {
        BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
        if (!row) break;
        found.emplace_back(st->Text(0), st->Int(1));
      }
    }
    for (const auto& [gid, age] : found) {
      std::string rest = gid.substr(prefix.size());
      std::string token = rest.substr(0, rest.find('/'));
      if (!PlainName(token, true) || IsInFlight(gid)) continue;
      BHXH_ASSIGN_OR_RETURN(bool done, committed(token));
      if (!done && age < grace.count()) continue;
      BHXH_RETURN_IF_ERROR(shard->Exec((done ? "COMMIT PREPARED '" : "ROLLBACK PREPARED '") + gid + "'"));
      ++settled;
    }
  }
  return settled;
}

}  // namespace bhxh

namespace bhxh {

Status AddShardServer(Db& coordinator, const std::string& server, const std::string& conninfo) {
  if (!PlainName(server)) return Status::Invalid("server", "Tên máy chủ không hợp lệ: " + server, "bad server name: " + server);
  std::string opts, user;
  size_t p = 0;
  while (p < conninfo.size()) {
    while (p < conninfo.size() && conninfo[p] == ' ') ++p;
    size_t e = conninfo.find(' ', p);
    if (e == std::string::npos) e = conninfo.size();
    std::string kv = conninfo.substr(p, e - p);
    p = e;
    if (kv.empty()) continue;
    size_t eq = kv.find('=');
    std::string k = kv.substr(0, eq), v = eq == std::string::npos ? "" : kv.substr(eq + 1);
    for (char c : v)
      if (c == '\'' || c == '\\')
        return Status::Invalid("conninfo", "Chuỗi kết nối có ký tự không dùng được", "unexpected quote in conninfo");
    if (k == "user")
      user = v;
    else if (k == "host" || k == "port" || k == "dbname")
      opts += (opts.empty() ? "" : ", ") + k + " '" + v + "'";
    else
      return Status::Invalid("conninfo", "Chỉ nhận host, port, dbname, user: " + k, "only host, port, dbname, user: " + k);
  }
  if (user.empty()) return Status::Invalid("conninfo", "Thiếu user=", "conninfo needs user=");
  // async_capable: a query over several shards scans them at the same time;
  // use_remote_estimate: plans use the shard's statistics (its autovacuum
  // keeps them; the coordinator never analyzes foreign tables by itself).
  return coordinator.Exec("CREATE EXTENSION IF NOT EXISTS postgres_fdw; CREATE SERVER " + server +
                          " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (" + opts +
                          (opts.empty() ? "" : ", ") +
                          "async_capable 'true', use_remote_estimate 'true', fetch_size '10000', batch_size '1000'); "
                          "CREATE USER MAPPING FOR "
                          "CURRENT_USER SERVER " + server + " OPTIONS (user '" + user + "')");
}

Status PlaceEmptyPartition(Db& coordinator, Db& shard, const std::string& partition, const std::string& server) {
  if (!PlainName(partition) || !PlainName(server)) return Status::Internal("partition or server name not plain");
  auto one = [&](const std::string& sql) -> Result<std::string> {
    BHXH_ASSIGN_OR_RETURN(auto st, coordinator.Prepare(sql));
    st->Bind(partition);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row || st->IsNull(0)) return Status::NotFound("partition", "Không có phân vùng " + partition, "no partition " + partition);
    return st->Text(0);
  };
  BHXH_ASSIGN_OR_RETURN(std::string parent, one("SELECT inhparent::regclass::text FROM pg_inherits WHERE inhrelid = to_regclass(?)"));
  BHXH_ASSIGN_OR_RETURN(std::string bound, one("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = to_regclass(?)"));
  BHXH_ASSIGN_OR_RETURN(std::string cols,
                        one("SELECT string_agg(quote_ident(attname) || ' ' || format_type(atttypid, atttypmod) || "
                            "CASE WHEN attnotnull THEN ' NOT NULL' ELSE '' END, ', ' ORDER BY attnum) FROM pg_attribute "
                            "WHERE attrelid = (SELECT inhparent FROM pg_inherits WHERE inhrelid = to_regclass(?)) "
                            "AND attnum > 0 AND NOT attisdropped"));
  // The parent's indexes, for the shard's table.
  BHXH_ASSIGN_OR_RETURN(std::string indexes,
                        one("WITH p AS (SELECT CAST(? AS TEXT) AS n) "
                            "SELECT COALESCE(string_agg(regexp_replace(regexp_replace(pg_get_indexdef(indexrelid), "
                            "' ON ONLY \\S+ ', ' ON ' || p.n || ' '), '^CREATE INDEX (\\S+)', 'CREATE INDEX ' || p.n || "
                            "'_\\1') || ';', ' '), '') FROM p, pg_index WHERE indrelid = (SELECT inhparent FROM "
                            "pg_inherits WHERE inhrelid = to_regclass(p.n))"));
  BHXH_ASSIGN_OR_RETURN(int64_t rows, coordinator.QueryInt("SELECT COUNT(*) FROM " + partition));
  if (rows != 0)
    return Status::Invalid("partition", "Phân vùng " + partition + " đã có dữ liệu: chuyển bằng scripts/shard/shard.sh",
                           "partition " + partition + " holds rows: move it with scripts/shard/shard.sh");
  BHXH_RETURN_IF_ERROR(shard.Exec("CREATE TABLE " + partition + " (" + cols + "); " + indexes));
  return coordinator.Exec("ALTER TABLE " + parent + " DETACH PARTITION " + partition + "; DROP TABLE " + partition +
                          "; CREATE FOREIGN TABLE " + partition + " PARTITION OF " + parent + " " + bound + " SERVER " +
                          server + " OPTIONS (table_name '" + partition + "')");
}

}  // namespace bhxh
