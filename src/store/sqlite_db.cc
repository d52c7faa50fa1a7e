// SQLite backend: WAL journal, foreign keys on, one connection per Db.
#include <sqlite3.h>

#include "store/db.h"

namespace bhxh {
namespace {

Status SqliteError(sqlite3* db, const std::string& what) {
  std::string msg = what + ": " + (db ? sqlite3_errmsg(db) : "unknown");
  if (db && sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
    return Status::Error("conflict", "", "Dữ liệu trùng lặp: " + msg, msg);
  return Status::Error("storage", "", "Lỗi lưu trữ: " + msg, msg);
}

class SqliteStmt : public Stmt {
 public:
  SqliteStmt(sqlite3* db, sqlite3_stmt* st) : db_(db), st_(st) {}
  ~SqliteStmt() override { sqlite3_finalize(st_); }
  void BindNull(int i) override { sqlite3_bind_null(st_, i); }
  void BindInt(int i, int64_t v) override { sqlite3_bind_int64(st_, i, v); }
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  Result<bool> Step() override {
    if (done_) return false;
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    done_ = true;
    if (rc == SQLITE_DONE) return false;
    Status s = SqliteError(db_, "step");
    sqlite3_reset(st_);
    return s;
  }
  bool IsNull(int c) const override { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
  int64_t Int(int c) const override { return sqlite3_column_int64(st_, c); }
  std::string Text(int c) const override {
    const unsigned char* t = sqlite3_column_text(st_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(st_, c)) : "";
  }
  std::string_view View(int c) const override {
    const unsigned char* t = sqlite3_column_text(st_, c);  // before _bytes: it may convert
    return t ? std::string_view(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(st_, c)))
             : std::string_view();
  }
  void Reset() override {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    done_ = false;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_;
  bool done_ = false;
};

// Buffers rows and inserts them kRowsPerInsert at a time with one
// multi-row INSERT: far fewer VM steps per row than one INSERT per row.
class SqliteBulk : public BulkWriter {
 public:
  static constexpr size_t kRowsPerInsert = 64;
  SqliteBulk(Db* db, std::string head, std::string one_row, size_t cols)
      : db_(db), head_(std::move(head)), one_row_(std::move(one_row)), cols_(cols) {}
  void Int(int64_t v) override { vals_.push_back({0, v, {}}); }
  void Text(std::string_view v) override { vals_.push_back({1, 0, std::string(v)}); }
  void Null() override { vals_.push_back({2, 0, {}}); }
  Status EndRow() override {
    if (vals_.size() % cols_ != 0)
      return Status::Internal("bulk row has " + std::to_string(vals_.size() % cols_) + " extra values");
    if (vals_.size() == cols_ * kRowsPerInsert) return Flush(kRowsPerInsert);
    return Status::Ok();
  }
  Status Finish() override {
    size_t rows = vals_.size() / cols_;
    return rows ? Flush(rows) : Status::Ok();
  }

 private:
  struct Val {
    int kind;
    int64_t i;
    std::string s;
  };
  Status Flush(size_t rows) {
    Stmt* st = nullptr;
    if (rows == kRowsPerInsert) {
      if (!full_) {
        std::string sql = head_;
        for (size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + one_row_;
        BHXH_ASSIGN_OR_RETURN(full_, db_->Prepare(sql));
      }
      st = full_.get();
    } else {
      std::string sql = head_;
      for (size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + one_row_;
      BHXH_ASSIGN_OR_RETURN(tail_, db_->Prepare(sql));
      st = tail_.get();
    }
    for (size_t k = 0; k < vals_.size(); ++k) {
      const Val& v = vals_[k];
      int idx = static_cast<int>(k) + 1;
      if (v.kind == 0)
        st->BindInt(idx, v.i);
      else if (v.kind == 1)
        st->BindText(idx, v.s);
      else
        st->BindNull(idx);
    }
    Status s = st->Run();
    st->Reset();
    vals_.clear();
    return s;
  }
  Db* db_;
  std::string head_, one_row_;
  size_t cols_;
  std::vector<Val> vals_;
  std::unique_ptr<Stmt> full_, tail_;
};

class SqliteDb : public Db {
 public:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  ~SqliteDb() override { sqlite3_close_v2(db_); }
  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Exec(std::string_view sql) override {
    std::string s(sql);
    // Ending a savepoint has COMMIT's constraint: no statement mid-iteration.
    if (s.rfind("RELEASE", 0) == 0 || s.rfind("ROLLBACK", 0) == 0) ResetBusy();
    char* err = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "exec failed";
      sqlite3_free(err);
      return Status::Error("storage", "", "Lỗi lưu trữ: " + msg, msg);
    }
    return Status::Ok();
  }
  Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql) override {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK)
      return SqliteError(db_, "prepare " + std::string(sql.substr(0, 80)));
    return std::unique_ptr<Stmt>(new SqliteStmt(db_, st));
  }
  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  // A statement left mid-iteration (e.g. after reading a RETURNING row)
  // would make COMMIT fail; reset every busy statement first.
  Status Commit() override {
    ResetBusy();
    Status s = Exec("COMMIT");
    if (s.ok())
      Settle(Outcome::kCommitted);
    else if (!InTransaction())  // still open (busy): settled by the COMMIT or ROLLBACK that follows
      Settle(Outcome::kRolledBack);
    return s;
  }
  Status Rollback() override {
    ResetBusy();
    Status s = Exec("ROLLBACK");
    Settle(Outcome::kRolledBack);
    return s;
  }
  bool InTransaction() const override { return sqlite3_get_autocommit(db_) == 0; }

 private:
  void ResetBusy() {
    for (sqlite3_stmt* st = sqlite3_next_stmt(db_, nullptr); st; st = sqlite3_next_stmt(db_, st))
      if (sqlite3_stmt_busy(st)) sqlite3_reset(st);
  }

 public:
  Result<std::unique_ptr<BulkWriter>> Bulk(const std::string& table, const std::vector<std::string>& cols) override {
    std::string head = "INSERT INTO " + table + " (";
    std::string row = "(";
    for (size_t i = 0; i < cols.size(); ++i) {
      head += (i ? "," : "") + cols[i];
      row += i ? ",?" : "?";
    }
    head += ") VALUES ";
    row += ")";
    return std::unique_ptr<BulkWriter>(new SqliteBulk(this, head, row, cols.size()));
  }

 private:
  sqlite3* db_;
};

}  // namespace

std::unique_ptr<Db> OpenSqlite(const std::string& path, Status* error) {
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    *error = SqliteError(db, "open " + path);
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 10000);
  auto out = std::make_unique<SqliteDb>(db);
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                             "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-262144"}) {
    Status s = out->Exec(pragma);
    if (!s.ok()) {
      *error = s;
      return nullptr;
    }
  }
  return out;
}

}  // namespace bhxh
