#include "store/partitioned.h"

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "base/parse.h"
#include "base/text.h"

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

Result<std::string> CurrentDatabase(Db& db) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT current_database()"));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("current_database() gave no row");
  return st->Text(0);
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
                 "COALESCE(array_to_string(f.ftoptions, E'\\n'), ''), CAST(c.reltuples AS BIGINT) "
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
    p.rows_estimate = st->Int(6);
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

// One connection of a write: the coordinator's, or a shard database's
// (one connection, one transaction, one prepared id, however many
// partitions of however many tables it holds: a shard with 17 provinces
// would otherwise hold 17 connections and 17 prepared transactions per
// write; max_prepared_transactions is per server, and concurrent runs
// exhausted it in the tests). A connection runs one COPY at a time.
//
// In a spread write each connection also has a thread that writes the
// rows the caller buffered for it, a batch at a time, in order, so that the
// caller's thread never waits on one server while another is idle.
struct PartitionedWrite::Conn {
  Db* db = nullptr;
  std::unique_ptr<Db> owned;            // a shard's or an extra local one; null for the caller's
  std::string gid, partitions;          // partitions: their names, for messages
  std::unique_ptr<BulkWriter> copy;     // the COPY open on this connection
  const Switching* copying = nullptr;   // whose rows it takes
  bool prepared = false;
  Status EndCopy() {
    if (!copy) return Status::Ok();
    Status s = copy->Finish();
    copy.reset();
    copying = nullptr;
    return s;
  }

  // Threaded feeding. A bounded queue keeps memory flat (a few MB per
  // connection) whatever the write's size.
  static constexpr size_t kMaxQueued = 8;
  std::thread thread;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::pair<Switching*, std::string>> queue;
  bool busy = false, stopping = false;
  std::atomic<bool> failed{false};
  Status error;  // the thread's first error (under mu)
  bool threaded() const { return thread.joinable(); }
  void Start();
  void Push(Switching* w, std::string cells) {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return queue.size() < kMaxQueued || failed.load(); });
    if (failed.load()) return;  // nothing more is written; the error is answered
    queue.emplace_back(w, std::move(cells));
    cv.notify_all();
  }
  // Until every batch handed over is written; the thread's first error.
  Status Wait() {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return (queue.empty() && !busy) || failed.load(); });
    cv.wait(lock, [&] { return !busy; });
    return error;
  }
  Status FirstError() {
    std::lock_guard lock(mu);
    return error;
  }
  // Ends the thread; batches not yet written are dropped (the write is
  // being abandoned, or Wait came first).
  void Stop() {
    if (!threaded()) return;
    {
      std::lock_guard lock(mu);
      stopping = true;
      queue.clear();
    }
    cv.notify_all();
    thread.join();
  }
};

// The writer of one target on one connection: a foreign partition on its
// shard, or a table on the coordinator. Writing a row for another target of
// the same connection ends that target's COPY and opens this one; rows
// arrive grouped (the caller's promise), so this happens a few times per
// chunk, not per row. An error in the switch is kept and answered by
// EndRow.
//
// On a threaded connection the values are first encoded in a batch (a tag
// byte, then the value) that the connection's thread replays into the COPY.
class PartitionedWrite::Switching final : public BulkWriter {
 public:
  Switching(Conn& c, std::string table, const std::vector<std::string>& columns)
      : c_(c), table_(std::move(table)), columns_(columns) {}
  void Int(int64_t v) override {
    if (c_.threaded()) {
      char b[9];
      b[0] = 'I';
      std::memcpy(b + 1, &v, 8);
      cells_.append(b, 9);
      return;
    }
    PutInt(v);
  }
  void Text(std::string_view v) override {
    if (c_.threaded()) {
      const auto n = static_cast<uint32_t>(v.size());
      char b[5];
      b[0] = 'T';
      std::memcpy(b + 1, &n, 4);
      cells_.append(b, 5);
      cells_.append(v);
      return;
    }
    PutText(v);
  }
  void Null() override {
    if (c_.threaded()) {
      cells_.push_back('N');
      return;
    }
    PutNull();
  }
  Status EndRow() override {
    if (c_.threaded()) {
      cells_.push_back('E');
      if (cells_.size() >= kBatch) Hand();
      if (c_.failed.load()) return c_.FirstError();
      return Status::Ok();
    }
    return PutEndRow();
  }
  Status Finish() override { return error_; }  // the connection's COPY ends in PartitionedWrite::Finish

 private:
  static constexpr size_t kBatch = size_t{1} << 18;
  // Gives the connection's thread the rows buffered so far.
  void Hand() {
    if (cells_.empty()) return;
    c_.Push(this, std::move(cells_));
    cells_ = std::string();
    cells_.reserve(kBatch + 4096);
  }
  // On the connection's thread: the batch into the COPY. False on the
  // first error (kept in the connection).
  bool Replay(const std::string& b) {
    for (size_t p = 0; p < b.size();) {
      switch (b[p]) {
        case 'I': {
          int64_t v;
          std::memcpy(&v, b.data() + p + 1, 8);
          PutInt(v);
          p += 9;
          break;
        }
        case 'T': {
          uint32_t n;
          std::memcpy(&n, b.data() + p + 1, 4);
          PutText(std::string_view(b.data() + p + 5, n));
          p += 5 + n;
          break;
        }
        case 'N':
          PutNull();
          ++p;
          break;
        default: {  // 'E'
          ++p;
          if (Status s = PutEndRow(); !s.ok()) {
            std::lock_guard lock(c_.mu);
            if (c_.error.ok()) c_.error = s;
            c_.failed = true;
            return false;
          }
        }
      }
    }
    return true;
  }
  void PutInt(int64_t v) {
    if (Ready()) c_.copy->Int(v);
  }
  void PutText(std::string_view v) {
    if (Ready()) c_.copy->Text(v);
  }
  void PutNull() {
    if (Ready()) c_.copy->Null();
  }
  Status PutEndRow() {
    if (!error_.ok()) return error_;
    if (!c_.copy || c_.copying != this) return Status::Internal("partitioned write: a row with no value");
    return c_.copy->EndRow();
  }
  bool Ready() {
    if (c_.copying == this) return true;
    if (!error_.ok()) return false;
    error_ = c_.EndCopy();
    if (!error_.ok()) return false;
    auto w = c_.db->Bulk(table_, columns_);
    if (!w.ok()) {
      error_ = w.status();
      return false;
    }
    c_.copy = std::move(w).value();
    c_.copying = this;
    return true;
  }
  friend class PartitionedWrite;
  friend struct Conn;
  Conn& c_;
  std::string table_;
  const std::vector<std::string>& columns_;
  Status error_;
  std::string cells_;  // rows not yet handed to the connection's thread
};

void PartitionedWrite::Conn::Start() {
  thread = std::thread([this] {
    std::unique_lock lock(mu);
    while (true) {
      cv.wait(lock, [&] { return stopping || !queue.empty(); });
      if (queue.empty()) return;
      auto [w, cells] = std::move(queue.front());
      queue.pop_front();
      busy = true;
      lock.unlock();
      cv.notify_all();  // room in the queue
      if (!failed.load()) (void)w->Replay(cells);
      lock.lock();
      busy = false;
      cv.notify_all();
    }
  });
}

struct PartitionedWrite::Target {
  std::string table;
  std::vector<std::string> columns;
  std::vector<PartitionPlace> places;
  std::map<std::string, size_t> by_key;            // key -> index in places
  std::vector<std::unique_ptr<Switching>> remote;  // by index in places (null: local); empty: no foreign partition
  std::vector<size_t> slot;                        // by index in places: the local connection of its rows
  std::vector<std::unique_ptr<Switching>> local;   // by local connection: rows kept on the coordinator, through the parent
};

PartitionedWrite::PartitionedWrite(Db& db, std::string token)
    : db_(db), token_(std::move(token)), local_(std::make_shared<Conn>()) {
  local_->db = &db_;
  locals_.push_back(local_);
}

PartitionedWrite::~PartitionedWrite() {
  if (!finished_) AbortRemotes();
}

void PartitionedWrite::StopThreads() {
  local_->Stop();
  for (auto& r : shards_) r->Stop();
}

Status PartitionedWrite::DrainAll() {
  if (!local_->threaded()) return Status::Ok();
  for (auto& t : targets_) {
    for (auto& w : t.local)
      if (w) w->Hand();
    for (auto& w : t.remote)
      if (w) w->Hand();
  }
  Status first = local_->Wait();
  for (auto& r : shards_) {
    Status s = r->Wait();
    if (first.ok() && !s.ok()) first = r->partitions.empty() ? s : ShardError(r->partitions, s);
  }
  return first;
}

void PartitionedWrite::AbortRemotes() {
  StopThreads();
  for (auto& t : targets_) {
    t.remote.clear();
    t.local.clear();
  }
  local_->copy.reset();  // the coordinator's transaction rolls back with its caller
  local_->copying = nullptr;
  for (auto& r : shards_) {
    r->copy.reset();  // an unfinished COPY ends with the connection
    r->copying = nullptr;
    if (r->prepared) {
      (void)r->db->Exec("ROLLBACK PREPARED '" + r->gid + "'");
      InFlight(r->gid, false);
    } else if (r->db->InTransaction()) {
      (void)r->db->Rollback();
    }
  }
  shards_.clear();
  locals_.resize(1);
  aborted_ = true;
}

Result<int> BulkWriteConnections() {
  if (const char* v = std::getenv("BHXH_WRITE_CONNECTIONS"); v && *v) {
    auto n = ParseInt(v, "BHXH_WRITE_CONNECTIONS", 0);
    if (!n.ok() || *n < 1 || *n > 16)
      return Status::Invalid("BHXH_WRITE_CONNECTIONS",
                             std::string("BHXH_WRITE_CONNECTIONS phải là số nguyên từ 1 đến 16, không phải '") + v + "'",
                             std::string("BHXH_WRITE_CONNECTIONS must be a whole number from 1 to 16, not '") + v + "'");
    return static_cast<int>(*n);
  }
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(cores, 1u, 4u));
}

Result<std::unique_ptr<PartitionedWrite>> PartitionedWrite::Open(Db& db, std::vector<PartitionedTable> tables,
                                                                 const std::string& token, WriteOptions options) {
  if (!PlainName(token, true)) return Status::Internal("partitioned write token: " + token);
  if (tables.empty()) return Status::Internal("partitioned write: no table");
  std::unique_ptr<PartitionedWrite> w(new PartitionedWrite(db, token));
  w->targets_.resize(tables.size());
  for (size_t t = 0; t < tables.size(); ++t) {
    Target& target = w->targets_[t];
    target.table = tables[t].table;
    target.columns = std::move(tables[t].columns);
    for (const auto& c : target.columns)
      if (!PlainName(c)) return Status::Internal("partitioned write column: " + c);
    BHXH_ASSIGN_OR_RETURN(target.places, PartitionsOf(db, target.table));
  }
  // A spread write: extra connections to the coordinator, when it has
  // local partitions to deal and can prepare transactions.
  std::string database;
  if (options.connections > 1 && db.dialect() == Dialect::kPostgres && db.InTransaction()) {
    size_t local_places = 0;
    for (const auto& target : w->targets_)
      for (const auto& p : target.places) local_places += p.server.empty() && !p.is_default;
    BHXH_ASSIGN_OR_RETURN(int64_t can_prepare,
                          db.QueryInt("SELECT CAST(current_setting('max_prepared_transactions') AS INTEGER)"));
    if (local_places > 1 && can_prepare > 0) {
      BHXH_ASSIGN_OR_RETURN(database, CurrentDatabase(db));
      const size_t extra = std::min<size_t>(static_cast<size_t>(options.connections), local_places) - 1;
      for (size_t k = 1; k <= extra; ++k) {
        auto r = std::make_shared<Conn>();
        BHXH_ASSIGN_OR_RETURN(r->owned, db.Sibling());
        r->db = r->owned.get();
        BHXH_RETURN_IF_ERROR(r->db->Begin());
        r->gid = "bhxh/" + tables[0].table + "/" + token + "/local" + std::to_string(k) + "/" + database;
        w->shards_.push_back(r);
        w->locals_.push_back(r);
      }
    }
  }
  std::map<std::string, std::shared_ptr<Conn>> by_conninfo;
  for (size_t t = 0; t < tables.size(); ++t) {
    Target& target = w->targets_[t];
    target.remote.resize(target.places.size());
    target.slot.assign(target.places.size(), 0);
    target.local.resize(w->locals_.size());
    // Local partitions dealt among the local connections, the largest
    // first to the least loaded (DEFAULT stays with the caller's).
    if (w->locals_.size() > 1) {
      std::vector<std::pair<int64_t, size_t>> sized;
      for (size_t i = 0; i < target.places.size(); ++i) {
        const PartitionPlace& p = target.places[i];
        if (!p.server.empty() || p.is_default) continue;
        int64_t rows = 0;
        if (options.rows_by_key.empty()) {
          rows = std::max<int64_t>(p.rows_estimate, 0);
        } else {
          for (const auto& v : p.values)
            if (auto it = options.rows_by_key.find(v); it != options.rows_by_key.end()) rows += it->second;
        }
        sized.emplace_back(rows, i);
      }
      std::stable_sort(sized.begin(), sized.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      std::vector<int64_t> load(w->locals_.size(), 0);
      size_t turn = 0;
      for (const auto& [rows, i] : sized) {
        size_t best = turn++ % load.size();  // equal loads (no counts yet): in turn
        for (size_t k = 0; k < load.size(); ++k)
          if (load[k] < load[best]) best = k;
        target.slot[i] = best;
        load[best] += rows;
      }
    }
    bool any_remote = false;
    for (size_t i = 0; i < target.places.size(); ++i) {
      const PartitionPlace& p = target.places[i];
      for (const auto& v : p.values) target.by_key[v] = i;
      if (p.server.empty()) continue;
      any_remote = true;
      ++w->remote_partitions_;
      auto& r = by_conninfo[p.conninfo];
      if (!r) {
        r = std::make_shared<Conn>();
        auto conn = Db::Open(p.conninfo);
        if (!conn.ok()) return ShardError(p.partition, conn.status());
        r->owned = std::move(conn).value();
        r->db = r->owned.get();
        if (Status s = r->db->Begin(); !s.ok()) return ShardError(p.partition, s);
        // Prepared transactions' ids are unique per server, not per
        // database: the shard's database is part of the id.
        auto shard_database = CurrentDatabase(*r->db);
        if (!shard_database.ok()) return ShardError(p.partition, shard_database.status());
        r->gid = "bhxh/" + tables[0].table + "/" + token + "/" + p.server + "/" + *shard_database;
        w->shards_.push_back(r);
      }
      r->partitions += (r->partitions.empty() ? "" : ", ") + p.partition;
      target.remote[i] = std::make_unique<Switching>(*r, p.remote_table, target.columns);
    }
    if (!any_remote) target.remote.clear();
  }
  if (w->remote_partitions_ && !db.InTransaction())
    return Status::Internal("a write to shards follows a transaction of the coordinator; none is open");
  // Every connection fed by its own thread when the write has more than
  // one (PostgreSQL: the servers then work at the same time).
  if (options.connections > 1 && db.dialect() == Dialect::kPostgres && !w->shards_.empty()) {
    w->local_->Start();
    for (auto& r : w->shards_) r->Start();
  }
  return w;
}

Result<size_t> PartitionedWrite::PlaceOf(const Target& target, const std::string& key) const {
  auto it = target.by_key.find(key);
  if (it != target.by_key.end()) return it->second;
  for (size_t k = 0; k < target.places.size(); ++k)
    if (target.places[k].is_default) return k;
  return Status::Invalid("partition",
                         "Không có phân vùng nào của bảng " + target.table + " nhận giá trị '" + key + "'",
                         "no partition of " + target.table + " takes '" + key + "'");
}

Status PartitionedWrite::DeleteWhere(const std::string& column, int64_t value, size_t t) {
  if (aborted_) return Status::Internal("partitioned write: used after it failed");
  if (!PlainName(column)) return Status::Internal("partitioned delete column: " + column);
  if (t >= targets_.size()) return Status::Internal("partitioned write: no table " + std::to_string(t));
  BHXH_RETURN_IF_ERROR(DrainAll());
  const Target& target = targets_[t];
  auto run = [&](Conn& c, const std::string& name) -> Status {
    BHXH_RETURN_IF_ERROR(c.EndCopy());
    BHXH_ASSIGN_OR_RETURN(auto st, c.db->Prepare("DELETE FROM " + name + " WHERE " + column + " = ?"));
    return st->Bind(value).Run();
  };
  if (target.remote.empty()) return run(*local_, target.table);
  for (size_t i = 0; i < target.places.size(); ++i) {
    if (const auto& w = target.remote[i]) {
      if (Status s = run(w->c_, target.places[i].remote_table); !s.ok()) return ShardError(target.places[i].partition, s);
    } else {
      BHXH_RETURN_IF_ERROR(run(*local_, target.places[i].partition));
    }
  }
  return Status::Ok();
}

Result<BulkWriter*> PartitionedWrite::For(const std::string& key, size_t t) {
  if (aborted_) return Status::Internal("partitioned write: used after it failed");
  if (t >= targets_.size()) return Status::Internal("partitioned write: no table " + std::to_string(t));
  Target& target = targets_[t];
  size_t slot = 0;
  if (!target.places.empty() && (!target.remote.empty() || locals_.size() > 1)) {
    BHXH_ASSIGN_OR_RETURN(size_t i, PlaceOf(target, key));
    if (!target.remote.empty() && target.remote[i]) return target.remote[i].get();
    slot = target.slot[i];
  }
  if (!target.local[slot]) target.local[slot] = std::make_unique<Switching>(*locals_[slot], target.table, target.columns);
  return target.local[slot].get();
}

Result<PartitionedWrite::Place> PartitionedWrite::Where(const std::string& key, size_t t) {
  if (aborted_) return Status::Internal("partitioned write: used after it failed");
  if (t >= targets_.size()) return Status::Internal("partitioned write: no table " + std::to_string(t));
  BHXH_RETURN_IF_ERROR(DrainAll());
  const Target& target = targets_[t];
  if (target.places.empty()) {  // not partitioned (SQLite)
    BHXH_RETURN_IF_ERROR(local_->EndCopy());
    return Place{&db_, target.table};
  }
  BHXH_ASSIGN_OR_RETURN(size_t i, PlaceOf(target, key));
  if (!target.remote.empty() && target.remote[i]) {
    const auto& w = target.remote[i];
    if (Status s = w->c_.EndCopy(); !s.ok()) return ShardError(target.places[i].partition, s);
    return Place{w->c_.db, target.places[i].remote_table};
  }
  Conn& c = *locals_[target.slot[i]];
  BHXH_RETURN_IF_ERROR(c.EndCopy());
  return Place{c.db, target.places[i].partition};
}

Status PartitionedWrite::Finish() {
  if (Status s = DrainAll(); !s.ok()) {
    AbortRemotes();
    return s;
  }
  StopThreads();
  auto writers_error = [&](const Conn& c) {
    for (const auto& t : targets_) {
      for (const auto& w : t.local)
        if (w && &w->c_ == &c && !w->error_.ok()) return w->error_;
      for (const auto& w : t.remote)
        if (w && &w->c_ == &c && !w->error_.ok()) return w->error_;
    }
    return Status::Ok();
  };
  Status local = writers_error(*local_);
  if (local.ok()) local = local_->EndCopy();
  if (!local.ok()) {
    AbortRemotes();
    return local;
  }
  std::vector<std::shared_ptr<Conn>> remotes;
  for (auto& r : shards_) {
    Status s = writers_error(*r);
    if (s.ok()) s = r->EndCopy();
    if (s.ok()) s = r->db->Exec("PREPARE TRANSACTION '" + r->gid + "'");
    if (!s.ok()) {
      std::string partitions = r->partitions.empty() ? std::string("(local)") : r->partitions;
      AbortRemotes();
      if (s.message_en().find("prepared transactions are disabled") != std::string::npos)
        return Status::Error("unavailable", "partition",
                             "Máy chủ của phân vùng " + partitions +
                                 " chưa bật giao dịch hai pha (đặt max_prepared_transactions > 0)",
                             "the server of partition " + partitions +
                                 " has two-phase commit disabled (set max_prepared_transactions > 0)");
      return r->partitions.empty() ? s : ShardError(partitions, s);
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

Result<std::vector<int64_t>> NewIds(Db& db, const std::string& table, size_t n) {
  if (!PlainName(table)) return Status::Internal("table name: " + table);
  std::vector<int64_t> ids;
  ids.reserve(n);
  if (n == 0) return ids;
  if (db.dialect() == Dialect::kSqlite) {
    BHXH_ASSIGN_OR_RETURN(int64_t last, db.QueryInt("SELECT COALESCE(MAX(id), 0) FROM " + table));
    for (size_t i = 1; i <= n; ++i) ids.push_back(last + static_cast<int64_t>(i));
    return ids;
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)"));
  st->Bind(table, static_cast<int64_t>(n));
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    ids.push_back(st->Int(0));
  }
  if (ids.size() != n) return Status::Internal("sequence of " + table + " gave " + std::to_string(ids.size()) + " ids");
  return ids;
}

bool DueEvery(std::atomic<int64_t>& last, std::chrono::seconds every) {
  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  int64_t prev = last.load();
  if (every.count() > 0 && prev != 0 && now - prev < every.count()) return false;
  return last.compare_exchange_strong(prev, now) || every.count() == 0;  // else another thread is at it
}

std::function<Result<bool>(const std::string& token)> RecordedAs(Db& db, std::string prefix, std::string count_sql) {
  return [&db, prefix = std::move(prefix) + "-", count_sql = std::move(count_sql)](const std::string& token) -> Result<bool> {
    if (token.rfind(prefix, 0) != 0) return false;
    auto n = ParseInt(std::string_view(token).substr(prefix.size()), "token", 0);
    if (!n.ok()) return false;
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(count_sql));
    st->Bind(*n);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    return row && st->Int(0) > 0;
  };
}

Result<int> ResolvePrepared(Db& db, const std::string& table,
                            const std::function<Result<bool>(const std::string& token)>& committed,
                            std::chrono::seconds grace) {
  BHXH_ASSIGN_OR_RETURN(auto places, PartitionsOf(db, table));
  std::set<std::string> servers;
  for (const auto& p : places)
    if (!p.server.empty()) servers.insert(p.conninfo);
  // The coordinator itself (""): a spread write's extra connections
  // prepare there. A new connection, for COMMIT PREPARED cannot run inside
  // the caller's transaction.
  if (!places.empty()) servers.insert("");
  int settled = 0;
  const std::string prefix = "bhxh/" + table + "/";
  for (const auto& conninfo : servers) {
    BHXH_ASSIGN_OR_RETURN(auto shard, conninfo.empty() ? db.Sibling() : Db::Open(conninfo));
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

namespace {

// A month as yyyymm (1900-01 to 9998-12), or false.
bool IsMonth(int m) { return m / 100 >= 1900 && m / 100 <= 9998 && m % 100 >= 1 && m % 100 <= 12; }
// The month after `m` (yyyymm): the end of its partition's range.
int NextMonth(int m) { return m % 100 == 12 ? m + 89 : m + 1; }

// Makes `part` (on `target`, a table partitioned by range of `column`, a
// month as yyyymm) have a partition for month `m`, in its own transaction:
// created beside
// the table, given the rows of that month its DEFAULT partition holds
// (rows written before the month existed), then attached. Waits at most a
// second for the locks (attaching locks the DEFAULT partition whole, and
// a long report may be reading it): a month not made now keeps its rows in
// the DEFAULT partition, where nothing is lost, and is made next time.
Status EnsureMonthOn(Db& target, const std::string& part, const std::string& column, int m) {
  const std::string child = part + "_m" + std::to_string(m), from = std::to_string(m),
                    to = std::to_string(NextMonth(m));
  if (!PlainName(child)) return Status::Internal("month partition name not plain: " + child);
  BHXH_ASSIGN_OR_RETURN(int64_t exists, target.QueryInt("SELECT COUNT(*) FROM pg_class WHERE oid = to_regclass('" +
                                                        child + "')"));
  if (exists) return Status::Ok();
  Tx tx(target);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_RETURN_IF_ERROR(target.Exec("SET LOCAL lock_timeout = '1s'; SELECT pg_advisory_xact_lock(hashtext('" + child +
                                   "'))"));
  BHXH_ASSIGN_OR_RETURN(exists, target.QueryInt("SELECT COUNT(*) FROM pg_class WHERE oid = to_regclass('" + child +
                                                "')"));
  if (exists) return Status::Ok();  // made by another process meanwhile
  BHXH_ASSIGN_OR_RETURN(auto def, target.Prepare("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = "
                                                 "i.inhrelid WHERE i.inhparent = to_regclass(?) AND "
                                                 "pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'"));
  def->Bind(part);
  BHXH_ASSIGN_OR_RETURN(bool has_default, def->Step());
  std::string sql = "CREATE TABLE " + child + " (LIKE " + part + " INCLUDING DEFAULTS);\n";
  if (has_default) {
    std::string d = def->Text(0);
    if (!PlainName(d)) return Status::Internal("default partition name not plain: " + d);
    sql += "WITH moved AS (DELETE FROM " + d + " WHERE " + column + " >= " + from + " AND " + column + " < " + to +
           " RETURNING *) INSERT INTO " + child + " SELECT * FROM moved;\n";
  }
  sql += "ALTER TABLE " + part + " ATTACH PARTITION " + child + " FOR VALUES FROM (" + from + ") TO (" + to + ")";
  BHXH_RETURN_IF_ERROR(target.Exec(sql));
  return tx.Commit();
}

// Months this process made or found, by the coordinator's address, table,
// key and month: an envelope of a month already seen costs no query (a
// month dropped by hand since only sends its rows to the DEFAULT partition,
// where nothing is lost, until the process restarts).
std::mutex g_months_mu;
std::set<std::string> g_months_made;

}  // namespace

Result<std::string> MonthlyColumn(Db& db, const std::string& table) {
  if (db.dialect() != Dialect::kPostgres) return std::string();
  BHXH_ASSIGN_OR_RETURN(int64_t has, db.QueryInt("SELECT COUNT(*) FROM pg_class WHERE oid = "
                                                 "to_regclass('monthly_partitions')"));
  if (!has) return std::string();
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT key_column FROM monthly_partitions WHERE parent = ?"));
  st->Bind(table);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::string();
  std::string column = st->Text(0);
  if (!PlainName(column)) return Status::Internal("monthly_partitions: column not plain: " + column);
  return column;
}

Status EnsureMonths(Db& db, const std::string& table, const std::string& key, const std::vector<int>& months) {
  for (int m : months)
    if (!IsMonth(m))
      return Status::Invalid("month", "Tháng không hợp lệ (yyyymm): " + std::to_string(m),
                             "not a month (yyyymm): " + std::to_string(m));
  if (db.dialect() != Dialect::kPostgres || months.empty()) return Status::Ok();
  auto seen = [&](int m) { return db.Address() + "|" + table + "|" + key + "|" + std::to_string(m); };
  {
    std::lock_guard lock(g_months_mu);
    if (std::all_of(months.begin(), months.end(), [&](int m) { return g_months_made.count(seen(m)); }))
      return Status::Ok();
  }
  auto remember = [&](int m) {
    std::lock_guard lock(g_months_mu);
    g_months_made.insert(seen(m));
  };
  BHXH_ASSIGN_OR_RETURN(std::string column, MonthlyColumn(db, table));
  if (column.empty()) {
    for (int m : months) remember(m);
    return Status::Ok();
  }
  BHXH_ASSIGN_OR_RETURN(auto places, PartitionsOf(db, table));
  const PartitionPlace* place = nullptr;  // the key's partition, else the DEFAULT one
  for (const auto& p : places)
    if (std::find(p.values.begin(), p.values.end(), key) != p.values.end() || (!place && p.is_default)) place = &p;
  if (!place) return Status::Ok();  // no partition takes the key: the write will say so
  const bool remote = !place->server.empty();
  const std::string part = remote ? place->remote_table : place->partition;
  std::vector<int> todo;
  for (int m : months) {
    if (remote) {
      todo.push_back(m);
      continue;
    }
    BHXH_ASSIGN_OR_RETURN(int64_t n, db.QueryInt("SELECT COUNT(*) FROM pg_class WHERE oid = to_regclass('" + part +
                                                 "_m" + std::to_string(m) + "')"));
    if (n > 0)
      remember(m);  // already there: nothing to open
    else
      todo.push_back(m);
  }
  if (todo.empty()) return Status::Ok();
  // The months are made on a connection of their own, in transactions of
  // their own, never the caller's: DDL inside a write would hold the
  // province's tables locked until it commits.
  BHXH_ASSIGN_OR_RETURN(auto target, remote ? Db::Open(place->conninfo) : db.Sibling());
  BHXH_ASSIGN_OR_RETURN(int64_t split, target->QueryInt("SELECT COUNT(*) FROM pg_partitioned_table WHERE partrelid = "
                                                        "to_regclass('" + part + "')"));
  if (!split) {  // a shard's table from before months: as it is until moved
    for (int m : months) remember(m);
    return Status::Ok();
  }
  for (int m : todo) {
    Status s = EnsureMonthOn(*target, part, column, m);
    if (!s.ok()) return remote ? ShardError(place->partition, s) : s;
    remember(m);
  }
  return Status::Ok();
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
  // A table split by month is split so on the shard too (its months are
  // made there as their claims arrive, EnsureMonths).
  BHXH_ASSIGN_OR_RETURN(std::string monthly, MonthlyColumn(coordinator, parent));
  std::string split = monthly.empty() ? "" : " PARTITION BY RANGE (" + monthly + "); CREATE TABLE " + partition +
                                                 "_other PARTITION OF " + partition + " DEFAULT";
  BHXH_RETURN_IF_ERROR(shard.Exec("CREATE TABLE " + partition + " (" + cols + ")" + split + "; " + indexes));
  return coordinator.Exec("ALTER TABLE " + parent + " DETACH PARTITION " + partition + "; DROP TABLE " + partition +
                          "; CREATE FOREIGN TABLE " + partition + " PARTITION OF " + parent + " " + bound + " SERVER " +
                          server + " OPTIONS (table_name '" + partition + "')");
}

}  // namespace bhxh
