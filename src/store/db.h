// Durable storage behind one interface: SQLite (the embedded default) or
// PostgreSQL (by connection URL).
//
// SQL is written once with '?' placeholders and the subset both engines
// share (RETURNING, ON CONFLICT, standard types); the PostgreSQL backend
// renumbers placeholders. Transactions are explicit (Tx is RAII: it rolls
// back unless Commit succeeds), so a failed submission leaves nothing
// behind. Bulk loads go through BulkWriter: prepared inserts on SQLite,
// COPY on PostgreSQL; bulk reads through Stream (COPY TO on PostgreSQL). A Db is used by one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace bhxh {

enum class Dialect { kSqlite, kPostgres };

class Stmt {
 public:
  virtual ~Stmt() = default;
  // 1-based parameter index, as in SQL.
  virtual void BindNull(int i) = 0;
  virtual void BindInt(int i, int64_t v) = 0;
  virtual void BindText(int i, std::string_view v) = 0;
  // Runs the statement on the first call; true while a row is available.
  virtual Result<bool> Step() = 0;
  // 0-based column index of the current row.
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual std::string Text(int col) const = 0;
  // The same text without a copy; valid until the next Step or Reset.
  virtual std::string_view View(int col) const = 0;
  // Clears the result so the statement can run again with new bindings.
  virtual void Reset() = 0;

  // Convenience: binds in order, from 1.
  template <typename... Args>
  Stmt& Bind(const Args&... args) {
    int i = 1;
    (BindOne(i++, args), ...);
    return *this;
  }
  // Runs a statement that returns no rows (or ignores them).
  Status Run();

 private:
  void BindOne(int i, int64_t v) { BindInt(i, v); }
  void BindOne(int i, int v) { BindInt(i, v); }
  void BindOne(int i, const std::string& v) { BindText(i, v); }
  void BindOne(int i, const char* v) { BindText(i, v); }
  void BindOne(int i, std::string_view v) { BindText(i, v); }
  void BindOne(int i, std::nullptr_t) { BindNull(i); }
};

// Rows are buffered: they reach the table only as batches fill and at
// Finish. Finish one writer before opening the next on the same Db (one COPY
// at a time on PostgreSQL; parent rows before children for foreign keys).
class BulkWriter {
 public:
  virtual ~BulkWriter() = default;
  virtual void Int(int64_t v) = 0;
  virtual void Text(std::string_view v) = 0;
  virtual void Null() = 0;
  virtual Status EndRow() = 0;
  virtual Status Finish() = 0;
};

class Db {
 public:
  // A connection closed inside a transaction: the server rolls it back.
  virtual ~Db() { Settle(Outcome::kRolledBack); }
  // `url`: "postgresql://..." / "postgres://..." / "host=... dbname=..." for
  // PostgreSQL, otherwise an SQLite file path (":memory:" allowed; an
  // optional "sqlite:" prefix is stripped).
  static Result<std::unique_ptr<Db>> Open(const std::string& url);

  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters.
  virtual Status Exec(std::string_view sql) = 0;
  virtual Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql) = 0;
  // A statement for reading many rows (a register loaded into columns): on
  // PostgreSQL it runs as COPY (query) TO STDOUT, its parameters inlined
  // as quoted literals (typed by their context, as parameters are), and its
  // rows are parsed as they arrive, so the engine works while the server
  // still sends — instead of waiting for the whole result held as text by
  // libpq. Until its last row is read (or it is Reset) the connection
  // serves nothing else. On SQLite it is Prepare.
  virtual Result<std::unique_ptr<Stmt>> Stream(std::string_view sql) { return Prepare(sql); }
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // True while a transaction is open (a pool must not hand out such a
  // connection).
  virtual bool InTransaction() const = 0;
  // False once the connection must not be used again: its server went away
  // or stopped being the primary (a failover). A pool drops such a
  // connection instead of handing it out; the next one it opens follows the
  // connection string to the new primary.
  virtual bool Usable() const { return true; }
  virtual Result<std::unique_ptr<BulkWriter>> Bulk(const std::string& table,
                                                   const std::vector<std::string>& columns) = 0;
  // A new connection to the same database, opened as this one was (a
  // bulk write spread over several connections, store/partitioned.h).
  // PostgreSQL only: SQLite has one writer, so a second connection would
  // only wait for the first.
  virtual Result<std::unique_ptr<Db>> Sibling() {
    return Status::Internal("a second connection to the same database is PostgreSQL's");
  }
  // The database this connection reaches, as it was opened (a libpq
  // connection string; empty for SQLite): equal for connections to the same
  // database, so a process can remember what it made there.
  virtual std::string Address() const { return ""; }

  // One integer from a query (e.g. COUNT(*)), or the error.
  Result<int64_t> QueryInt(std::string_view sql);

  // What became of the outermost transaction open on this connection, told
  // to work done elsewhere that must follow it (rows prepared on another
  // server, store/partitioned.h). kUnknown: the connection died while
  // committing, so only the server knows; such work is settled later.
  // Told last-registered first, as scopes unwind: what was set up first (a
  // lock) is let go after what it guarded (the prepared rows).
  enum class Outcome { kCommitted, kRolledBack, kUnknown };
  void AfterTransaction(std::function<void(Outcome)> f) { after_.push_back(std::move(f)); }

 protected:
  void Settle(Outcome o) {
    auto fs = std::move(after_);
    after_.clear();
    for (auto it = fs.rbegin(); it != fs.rend(); ++it) (*it)(o);
  }

 private:
  std::vector<std::function<void(Outcome)>> after_;
  friend class Tx;
  int savepoint_seq_ = 0;
};

// Begins on construction; rolls back on destruction unless committed.
// Inside an open transaction a Tx is a savepoint: its Commit releases the
// savepoint and its rollback undoes only its own work, so an engine's
// transaction can run inside the API's (which records an idempotency key
// atomically with the work).
class Tx {
 public:
  explicit Tx(Db& db) : db_(db) {
    if (db_.InTransaction()) {
      savepoint_ = "sp" + std::to_string(++db_.savepoint_seq_);
      status_ = db_.Exec("SAVEPOINT " + savepoint_);
    } else {
      status_ = db_.Begin();
    }
  }
  ~Tx() {
    if (!status_.ok() || done_) return;
    if (savepoint_.empty()) {
      (void)db_.Rollback();
    } else {
      (void)db_.Exec("ROLLBACK TO SAVEPOINT " + savepoint_);
      (void)db_.Exec("RELEASE SAVEPOINT " + savepoint_);
    }
  }
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  const Status& status() const { return status_; }
  // On failure the transaction is rolled back by the destructor.
  Status Commit() {
    Status s = savepoint_.empty() ? db_.Commit() : db_.Exec("RELEASE SAVEPOINT " + savepoint_);
    if (s.ok()) done_ = true;
    return s;
  }

 private:
  Db& db_;
  Status status_;
  std::string savepoint_;
  bool done_ = false;
};

// A PostgreSQL array literal of `values` ({"a","b"}, quotes and
// backslashes escaped), to bind as one parameter cast to TEXT[] or
// INTEGER[]: a list of any length is then one parameter, not one each.
std::string PgArray(const std::vector<std::string>& values);
std::string PgArray(const std::vector<int64_t>& values);

std::unique_ptr<Db> OpenSqlite(const std::string& path, Status* error);
std::unique_ptr<Db> OpenPostgres(const std::string& conninfo, Status* error);

}  // namespace bhxh
