// PostgreSQL backend over libpq: '?' placeholders become $n, results are
// fetched whole per statement, bulk loads use COPY ... FROM STDIN (text),
// bulk reads COPY (query) TO STDOUT (text), parsed row by row.
#include <libpq-fe.h>

#include <atomic>
#include <charconv>

#include "store/db.h"

namespace bhxh {
namespace {

// Bumped whenever a connection finds its server gone or no longer the
// primary. Every connection opened before is then unusable: after a
// failover the others point at the old primary too, and finding that out one
// failed request at a time would fail as many requests as the pool holds.
std::atomic<uint64_t> g_lost_epoch{0};

// SQLSTATEs that say "this server cannot take the work now", not "the work
// is wrong": class 08 (connection exception), 57P01-57P03 (shut down by an
// administrator or a crash, cannot connect now), 25006 (read-only: the server
// is a standby, i.e. the primary moved).
bool ServerLost(PGconn* c, const char* state) {
  if (PQstatus(c) == CONNECTION_BAD) return true;
  if (!state) return false;
  std::string_view s(state);
  return s.starts_with("08") || s == "57P01" || s == "57P02" || s == "57P03" || s == "25006";
}

Status PgError(PGconn* c, const std::string& what, PGresult* r = nullptr) {
  std::string msg = what + ": " + (r ? PQresultErrorMessage(r) : PQerrorMessage(c));
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  if (state && std::string(state) == "23505") return Status::Error("conflict", "", "Dữ liệu trùng lặp: " + msg, msg);
  if (ServerLost(c, state)) {
    ++g_lost_epoch;
    // An interrupted transaction was not committed — unless the connection
    // died after the server committed and before its answer arrived. Either
    // way a request sent again with the same idempotency key is done once.
    return Status::Error("unavailable", "",
                         "Tạm thời không kết nối được cơ sở dữ liệu (máy chủ dừng hoặc đang chuyển sang máy dự phòng); "
                         "vui lòng gửi lại — gửi lại với cùng khoá chống trùng không bao giờ ghi hai lần: " +
                             msg,
                         "the database is unreachable for now (server down or failing over); send it again — "
                         "sent again with the same idempotency key it is never recorded twice: " +
                             msg);
  }
  return Status::Error("storage", "", "Lỗi lưu trữ: " + msg, msg);
}

// Rewrites the n-th '?' outside quotes (from 1) as `with(n)`.
template <typename F>
std::string Placeholders(std::string_view sql, F with, int* count = nullptr) {
  std::string out;
  bool in_str = false;
  int n = 0;
  for (char c : sql) {
    if (c == '\'') in_str = !in_str;
    if (c == '?' && !in_str)
      out += with(++n);
    else
      out.push_back(c);
  }
  if (count) *count = n;
  return out;
}

// Rewrites '?' outside quotes as $1, $2, ...
std::string Renumber(std::string_view sql, int* count) {
  return Placeholders(sql, [](int n) { return "$" + std::to_string(n); }, count);
}

// A column's text as an integer; booleans come as t / f.
int64_t IntOf(std::string_view v) {
  if (v == "t") return 1;
  if (v == "f") return 0;
  int64_t out = 0;
  std::from_chars(v.data(), v.data() + v.size(), out);
  return out;
}

// A statement's parameters as text, NULL until bound (1-based, as in SQL).
struct Params {
  explicit Params(int n) : vals(static_cast<size_t>(n)), null(static_cast<size_t>(n), true) {}
  void Null(int i) { null.at(static_cast<size_t>(i - 1)) = true; }
  void Set(int i, std::string v) {
    vals.at(static_cast<size_t>(i - 1)) = std::move(v);
    null[static_cast<size_t>(i - 1)] = false;
  }
  void Clear() { std::fill(null.begin(), null.end(), true); }
  std::vector<std::string> vals;
  std::vector<bool> null;
};

class PgStmt : public Stmt {
 public:
  PgStmt(PGconn* c, std::string sql, int nparams) : c_(c), sql_(std::move(sql)), p_(nparams) {}
  ~PgStmt() override {
    if (res_) PQclear(res_);
  }
  void BindNull(int i) override { p_.Null(i); }
  void BindInt(int i, int64_t v) override { p_.Set(i, std::to_string(v)); }
  void BindText(int i, std::string_view v) override { p_.Set(i, std::string(v)); }
  Result<bool> Step() override {
    if (!res_) {
      std::vector<const char*> p(p_.vals.size());
      for (size_t i = 0; i < p.size(); ++i) p[i] = p_.null[i] ? nullptr : p_.vals[i].c_str();
      res_ = PQexecParams(c_, sql_.c_str(), static_cast<int>(p.size()), nullptr, p.data(), nullptr, nullptr, 0);
      auto st = PQresultStatus(res_);
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        Status s = PgError(c_, "query", res_);
        PQclear(res_);
        res_ = nullptr;
        return s;
      }
      row_ = -1;
      rows_ = PQntuples(res_);
    }
    ++row_;
    return row_ < rows_;
  }
  bool IsNull(int c) const override { return PQgetisnull(res_, row_, c); }
  int64_t Int(int c) const override {
    return IntOf(View(c));
  }
  std::string Text(int c) const override { return std::string(View(c)); }
  std::string_view View(int c) const override {
    return {PQgetvalue(res_, row_, c), static_cast<size_t>(PQgetlength(res_, row_, c))};
  }
  void Reset() override {
    if (res_) PQclear(res_);
    res_ = nullptr;
    p_.Clear();
  }

 private:
  PGconn* c_;
  std::string sql_;
  Params p_;
  PGresult* res_ = nullptr;
  int row_ = -1, rows_ = 0;
};

// A statement read through COPY (query) TO STDOUT (Db::Stream). Each row
// arrives as one line: fields separated by tabs, NULL as \N, and the
// backslash escapes of COPY's text format, undone in place in libpq's row
// buffer (the decoded text is never longer).
class PgStream : public Stmt {
 public:
  PgStream(PGconn* c, std::string sql, int nparams) : c_(c), sql_(std::move(sql)), p_(nparams) {}
  ~PgStream() override { Stop(); }
  void BindNull(int i) override { p_.Null(i); }
  void BindInt(int i, int64_t v) override { p_.Set(i, std::to_string(v)); }
  void BindText(int i, std::string_view v) override { p_.Set(i, std::string(v)); }
  Result<bool> Step() override {
    if (state_ == kIdle) {
      // Quoted literals, not bare numbers: '5' is of unknown type and takes
      // its type from where it stands, as an untyped parameter does.
      bool bad = false;
      std::string sql = Placeholders(sql_, [&](int n) -> std::string {
        const size_t k = static_cast<size_t>(n - 1);
        if (k >= p_.vals.size() || p_.null[k]) return "NULL";
        char* q = PQescapeLiteral(c_, p_.vals[k].data(), p_.vals[k].size());
        if (!q) {
          bad = true;
          return "NULL";
        }
        std::string lit(q);
        PQfreemem(q);
        return lit;
      });
      if (bad) return PgError(c_, "query parameter");
      PGresult* r = PQexec(c_, ("COPY (" + sql + ") TO STDOUT").c_str());
      if (PQresultStatus(r) != PGRES_COPY_OUT) {
        Status s = PgError(c_, "query", r);
        PQclear(r);
        return s;
      }
      PQclear(r);
      state_ = kReading;
    }
    if (state_ == kDone) return false;
    Free();
    int len = PQgetCopyData(c_, &row_, 0);
    if (len >= 0) {
      Split(len);
      return true;
    }
    // -1: the rows are over, the command's result follows; -2: failed.
    state_ = kDone;
    Status s = len == -1 ? Status::Ok() : PgError(c_, "copy out");
    while (PGresult* r = PQgetResult(c_)) {
      if (s.ok() && PQresultStatus(r) != PGRES_COMMAND_OK) s = PgError(c_, "query", r);
      PQclear(r);
    }
    if (!s.ok()) return s;
    return false;
  }
  bool IsNull(int c) const override { return c < 0 || static_cast<size_t>(c) >= fields_.size() || fields_[c].null; }
  int64_t Int(int c) const override { return IntOf(View(c)); }
  std::string Text(int c) const override { return std::string(View(c)); }
  std::string_view View(int c) const override {
    return IsNull(c) ? std::string_view() : fields_[c].text;
  }
  void Reset() override {
    Stop();
    state_ = kIdle;
    p_.Clear();
  }

 private:
  struct Field {
    std::string_view text;
    bool null;
  };
  void Free() {
    if (row_) PQfreemem(row_);
    row_ = nullptr;
    fields_.clear();
  }
  // Left before its last row: the rest is read and dropped, so the
  // connection can serve the next statement. Not cancelled: a cancel would
  // fail the caller's transaction, and one that reached the server late
  // would stop whatever statement runs next.
  void Stop() {
    Free();
    if (state_ != kReading) return;
    char* buf = nullptr;
    while (PQgetCopyData(c_, &buf, 0) >= 0) PQfreemem(buf);
    while (PGresult* r = PQgetResult(c_)) PQclear(r);
    state_ = kDone;
  }
  void Split(int len) {
    char* p = row_;
    char* end = row_ + len;
    if (p < end && end[-1] == '\n') --end;
    char* start = p;
    char* w = p;
    bool null = false;
    while (true) {
      if (p == end || *p == '\t') {
        fields_.push_back({std::string_view(start, static_cast<size_t>(w - start)), null});
        if (p == end) break;
        start = w = ++p;
        null = false;
        continue;
      }
      if (*p == '\\' && p + 1 < end) {
        char e = p[1];
        p += 2;
        if (e == 'N' && w == start && (p == end || *p == '\t')) {
          null = true;
          continue;
        }
        switch (e) {
          case 'b': e = '\b'; break;
          case 'f': e = '\f'; break;
          case 'n': e = '\n'; break;
          case 'r': e = '\r'; break;
          case 't': e = '\t'; break;
          case 'v': e = '\v'; break;
          default: break;  // \\ and any other character stand for themselves
        }
        *w++ = e;
        continue;
      }
      *w++ = *p++;
    }
  }
  enum State { kIdle, kReading, kDone };
  PGconn* c_;
  std::string sql_;
  Params p_;
  State state_ = kIdle;
  char* row_ = nullptr;
  std::vector<Field> fields_;
};

class PgBulk : public BulkWriter {
 public:
  explicit PgBulk(PGconn* c) : c_(c) {}
  void Int(int64_t v) override {
    Sep();
    buf_ += std::to_string(v);
  }
  void Text(std::string_view v) override {
    Sep();
    for (char ch : v) {
      switch (ch) {
        case '\\':
          buf_ += "\\\\";
          break;
        case '\t':
          buf_ += "\\t";
          break;
        case '\n':
          buf_ += "\\n";
          break;
        case '\r':
          buf_ += "\\r";
          break;
        default:
          buf_.push_back(ch);
      }
    }
  }
  void Null() override {
    Sep();
    buf_ += "\\N";
  }
  Status EndRow() override {
    buf_.push_back('\n');
    first_ = true;
    if (buf_.size() > (1 << 20)) return Flush();
    return Status::Ok();
  }
  Status Finish() override {
    BHXH_RETURN_IF_ERROR(Flush());
    if (PQputCopyEnd(c_, nullptr) != 1) return PgError(c_, "copy end");
    PGresult* r = PQgetResult(c_);
    Status s = PQresultStatus(r) == PGRES_COMMAND_OK ? Status::Ok() : PgError(c_, "copy", r);
    PQclear(r);
    while ((r = PQgetResult(c_))) PQclear(r);
    return s;
  }

 private:
  void Sep() {
    if (!first_) buf_.push_back('\t');
    first_ = false;
  }
  Status Flush() {
    if (!buf_.empty() && PQputCopyData(c_, buf_.data(), static_cast<int>(buf_.size())) != 1)
      return PgError(c_, "copy data");
    buf_.clear();
    return Status::Ok();
  }
  PGconn* c_;
  std::string buf_;
  bool first_ = true;
};

class PgDb : public Db {
 public:
  PgDb(PGconn* c, std::string conninfo) : c_(c), conninfo_(std::move(conninfo)), epoch_(g_lost_epoch.load()) {}
  ~PgDb() override { PQfinish(c_); }
  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Exec(std::string_view sql) override {
    std::string s(sql);
    PGresult* r = PQexec(c_, s.c_str());
    auto st = PQresultStatus(r);
    Status out = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? Status::Ok() : PgError(c_, "exec", r);
    PQclear(r);
    return out;
  }
  Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql) override {
    int n = 0;
    std::string s = Renumber(sql, &n);
    return std::unique_ptr<Stmt>(new PgStmt(c_, std::move(s), n));
  }
  Result<std::unique_ptr<Stmt>> Stream(std::string_view sql) override {
    int n = 0;
    (void)Renumber(sql, &n);
    return std::unique_ptr<Stmt>(new PgStream(c_, std::string(sql), n));
  }
  Status Begin() override { return Exec("BEGIN"); }
  // COMMIT of a transaction that had failed answers OK and rolls back.
  Status Commit() override {
    bool failed = PQtransactionStatus(c_) == PQTRANS_INERROR;
    Status s = Exec("COMMIT");
    Settle(s.ok() && !failed ? Outcome::kCommitted
           : s.code() == "unavailable" ? Outcome::kUnknown
                                       : Outcome::kRolledBack);
    return s;
  }
  Status Rollback() override {
    Status s = Exec("ROLLBACK");
    Settle(Outcome::kRolledBack);
    return s;
  }
  bool InTransaction() const override { return PQtransactionStatus(c_) != PQTRANS_IDLE; }
  // Also reads what the socket holds (PQconsumeInput does not block): a
  // server that died closed it, and libpq then marks the connection bad —
  // so an idle connection to a dead primary is found before it is used. Read
  // twice: a backend that outlived its postmaster first sends its FATAL
  // message, then closes; the first read takes the message, the second the
  // close.
  bool Usable() const override {
    if (PQstatus(c_) != CONNECTION_OK || epoch_ != g_lost_epoch.load()) return false;
    for (int i = 0; i < 2; ++i)
      if (PQconsumeInput(c_) == 0 || PQstatus(c_) != CONNECTION_OK) return false;
    return true;
  }
  Result<std::unique_ptr<BulkWriter>> Bulk(const std::string& table, const std::vector<std::string>& cols) override {
    std::string sql = "COPY " + table + " (";
    for (size_t i = 0; i < cols.size(); ++i) sql += (i ? "," : "") + cols[i];
    sql += ") FROM STDIN";
    PGresult* r = PQexec(c_, sql.c_str());
    if (PQresultStatus(r) != PGRES_COPY_IN) {
      Status s = PgError(c_, "copy", r);
      PQclear(r);
      return s;
    }
    PQclear(r);
    return std::unique_ptr<BulkWriter>(new PgBulk(c_));
  }
  Result<std::unique_ptr<Db>> Sibling() override;
  std::string Address() const override { return conninfo_; }

 private:
  PGconn* c_;
  std::string conninfo_;  // as given, so a sibling follows a multi-host string to the primary as this one did
  uint64_t epoch_;  // g_lost_epoch when opened
};

}  // namespace

std::unique_ptr<Db> OpenPostgres(const std::string& conninfo, Status* error) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    *error = PgError(c, "connect");
    PQfinish(c);
    return nullptr;
  }
  PGresult* r = PQexec(c, "SET client_min_messages TO WARNING");
  PQclear(r);
  return std::make_unique<PgDb>(c, conninfo);
}

Result<std::unique_ptr<Db>> PgDb::Sibling() {
  Status err;
  std::unique_ptr<Db> db = OpenPostgres(conninfo_, &err);
  if (!db) return err;
  return db;
}

}  // namespace bhxh
