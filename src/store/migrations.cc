#include "store/migrations.h"

#include <algorithm>
#include <ctime>
#include <set>

namespace bhxh {
namespace {
std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Codes are checked before they reach SQL text: they come from a data file.
bool PlainCode(const std::string& s) {
  if (s.empty() || s.size() > 8) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
  return true;
}

Result<std::string> ProvincePartitions(const std::string& table, const SchemaLayout& layout) {
  std::string sql;
  for (const auto& [suffix, codes] : layout.provinces) {
    if (!PlainCode(suffix) || codes.empty())
      return Status::Internal("partition layout: bad province group '" + suffix + "'");
    sql += "CREATE TABLE " + table + "_p" + suffix + " PARTITION OF " + table + " FOR VALUES IN (";
    for (size_t i = 0; i < codes.size(); ++i) {
      if (!PlainCode(codes[i])) return Status::Internal("partition layout: bad province code '" + codes[i] + "'");
      sql += (i ? ", '" : "'") + codes[i] + "'";
    }
    sql += ");\n";
  }
  sql += "CREATE TABLE " + table + "_pother PARTITION OF " + table + " DEFAULT;\n";
  return sql;
}

Result<std::string> Substitute(const std::string& sql, Dialect d, const SchemaLayout& layout) {
  std::string id = d == Dialect::kSqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
  std::string out = sql;
  for (size_t p; (p = out.find("{ID}")) != std::string::npos;) out.replace(p, 4, id);
  // {APPEND_ONLY table}: triggers that refuse UPDATE and DELETE on the table,
  // so that rows written once (a journal) stay as written even for a client
  // that bypasses the engines.
  const std::string tag = "{APPEND_ONLY ";
  for (size_t p; (p = out.find(tag)) != std::string::npos;) {
    size_t end = out.find('}', p);
    if (end == std::string::npos) break;
    std::string table = out.substr(p + tag.size(), end - p - tag.size());
    std::string sql;
    if (d == Dialect::kSqlite) {
      for (const char* op : {"UPDATE", "DELETE"})
        sql += std::string("CREATE TRIGGER ") + table + "_no_" + (op[0] == 'U' ? "update" : "delete") + " BEFORE " +
               op + " ON " + table + " BEGIN SELECT RAISE(ABORT, 'append_only: " + table + "'); END;\n";
    } else {
      sql = "CREATE OR REPLACE FUNCTION " + table + "_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN "
            "RAISE EXCEPTION 'append_only: " + table + "'; END $f$;\nCREATE TRIGGER " + table +
            "_no_change BEFORE UPDATE OR DELETE ON " + table + " FOR EACH ROW EXECUTE FUNCTION " + table +
            "_append_only();\n";
    }
    out.replace(p, end - p + 1, sql);
  }
  const std::string parts = "{PARTITIONS_BY_PROVINCE ";
  for (size_t p; (p = out.find(parts)) != std::string::npos;) {
    size_t end = out.find('}', p);
    if (end == std::string::npos) break;
    BHXH_ASSIGN_OR_RETURN(std::string made,
                          ProvincePartitions(out.substr(p + parts.size(), end - p - parts.size()), layout));
    out.replace(p, end - p + 1, made);
  }
  return out;
}
}  // namespace

Result<int> Migrate(Db& db, std::vector<Migration> all, const SchemaLayout& layout) {
  std::sort(all.begin(), all.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 1; i < all.size(); ++i)
    if (all[i].version == all[i - 1].version)
      return Status::Internal("two migrations with version " + std::to_string(all[i].version) + ": " + all[i - 1].name +
                              " and " + all[i].name);
  BHXH_RETURN_IF_ERROR(
      db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
              "applied_at TEXT NOT NULL)"));
  std::set<int64_t> done;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT version FROM schema_migrations"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      done.insert(st->Int(0));
    }
  }
  int applied = 0;
  for (const Migration& m : all) {
    if (done.count(m.version)) continue;
    Tx tx(db);
    BHXH_RETURN_IF_ERROR(tx.status());
    const std::string& text = db.dialect() == Dialect::kPostgres && !m.postgres_sql.empty() ? m.postgres_sql : m.sql;
    BHXH_ASSIGN_OR_RETURN(std::string sql, Substitute(text, db.dialect(), layout));
    Status s = db.Exec(sql);
    if (!s.ok())
      return Status::Error(s.code(), "migration " + std::to_string(m.version), s.message_vi(),
                           m.name + ": " + s.message_en());
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)"));
    BHXH_RETURN_IF_ERROR(st->Bind(m.version, m.name, NowIso()).Run());
    BHXH_RETURN_IF_ERROR(tx.Commit());
    ++applied;
  }
  return applied;
}

}  // namespace bhxh
