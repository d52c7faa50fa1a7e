#include "testing/test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include "base/csv.h"
#include "base/text.h"
#include "store/partitioned.h"

namespace bhxh::testing {
namespace fs = std::filesystem;

std::string DataDir() { return DefaultDataDir(); }

Actor TestOfficer() { return {"officer:test", {"officer"}, "01", "", "", ""}; }

std::string SeedText(const std::string& name) {
  const char* env = std::getenv("BHXH_SEEDS");
  for (std::string dir :
       {std::string(env ? env : ""), std::string("../../shared/seeds"), std::string("../shared/seeds")}) {
    if (dir.empty()) continue;
    auto t = ReadFile(dir + "/" + name);
    if (t.ok()) return *t;
  }
  ADD_FAILURE() << "seed decision " << name << " not found (set BHXH_SEEDS to the shared/seeds folder)";
  return "";
}

namespace {

std::string Bin(const std::string& tool) {
  for (const char* dir : {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/bin"}) {
    std::string p = std::string(dir) + "/" + tool;
    if (access(p.c_str(), X_OK) == 0) return p;
  }
  return "";
}

class PgServer {
 public:
  static PgServer& Get() {
    static PgServer s;
    return s;
  }
  bool ok() const { return !socket_dir_.empty(); }
  const std::string& why() const { return why_; }
  std::string Base() const { return "host=" + socket_dir_ + " port=55432 user=bhxh"; }
  ~PgServer() {
    if (ok()) {
      std::string cmd = As() + Bin("pg_ctl") + " -D " + dir_ + "/data -m immediate stop >/dev/null 2>&1";
      (void)std::system(cmd.c_str());
      fs::remove_all(dir_);
    }
  }

 private:
  std::string As() const { return getuid() == 0 ? "runuser -u postgres -- " : ""; }
  PgServer() {
    std::string initdb = Bin("initdb"), pg_ctl = Bin("pg_ctl");
    if (initdb.empty() || pg_ctl.empty()) {
      why_ = "initdb/pg_ctl not found (apt install postgresql)";
      return;
    }
    char tmpl[] = "/tmp/bhxh-pg-XXXXXX";
    if (!mkdtemp(tmpl)) {
      why_ = "mkdtemp failed";
      return;
    }
    dir_ = tmpl;
    if (getuid() == 0) {
      std::string chown = "chown postgres " + dir_;
      if (std::system(chown.c_str()) != 0) {
        why_ = "chown to postgres failed";
        return;
      }
    }
    std::string cmd = As() + initdb + " -D " + dir_ + "/data -U bhxh --auth=trust -E UTF8 --locale=C.UTF-8 >" + dir_ +
                      "/initdb.log 2>&1";
    if (std::system(cmd.c_str()) != 0) {
      why_ = "initdb failed, see " + dir_ + "/initdb.log";
      return;
    }
    cmd = As() + pg_ctl + " -D " + dir_ + "/data -l " + dir_ + "/server.log -w -o \"-k " + dir_ +
          " -p 55432 -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_prepared_transactions=20\" start "
          ">/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) {
      why_ = "pg_ctl start failed, see " + dir_ + "/server.log";
      return;
    }
    socket_dir_ = dir_;
  }
  std::string dir_, socket_dir_, why_;
};

}  // namespace

// The SQLite files a test process made, removed when it exits so a test
// run leaves nothing in /tmp.
class TempFiles {
 public:
  static TempFiles& Get() {
    static TempFiles t;
    return t;
  }
  void Add(const std::string& path) {
    std::lock_guard lock(mu_);
    paths_.push_back(path);
  }
  ~TempFiles() {
    std::error_code ec;
    for (const auto& p : paths_)
      for (const char* ext : {"", "-wal", "-shm", "-journal"}) fs::remove(p + ext, ec);
  }

 private:
  std::mutex mu_;
  std::vector<std::string> paths_;
};

std::unique_ptr<Db> DatabaseBefore(const std::string& backend, int64_t version, const SchemaLayout& layout,
                                   std::string* why) {
  std::string url = FreshDatabaseUrl(backend, why);
  if (url.empty()) return nullptr;
  auto db = Db::Open(url);
  if (!db.ok()) {
    *why = db.status().ToString();
    return nullptr;
  }
  std::vector<Migration> before;
  for (const auto& m : AllMigrations())
    if (m.version < version) before.push_back(m);
  if (auto applied = Migrate(**db, before, layout); !applied.ok()) {
    *why = applied.status().ToString();
    return nullptr;
  }
  return std::move(db).value();
}

CoordinatorWithShard OpenCoordinatorWithShard(std::string* why) {
  CoordinatorWithShard out;
  std::string coord = FreshDatabaseUrl("postgres", why);
  if (coord.empty()) return out;
  std::string shard_url = FreshDatabaseUrl("postgres", why);
  if (shard_url.empty()) return out;
  auto fail = [&](const Status& s) {
    *why = s.ToString();
    return CoordinatorWithShard{};
  };
  auto ctx = AppContext::Open({DataDir(), coord, AllCapabilities(), true});
  if (!ctx.ok()) return fail(ctx.status());
  auto lease = (*ctx)->pool->Acquire();
  if (!lease.ok()) return fail(lease.status());
  auto shard = Db::Open(shard_url);
  if (!shard.ok()) return fail(shard.status());
  out.ctx = std::move(ctx).value();
  out.lease = std::make_unique<DbPool::Lease>(std::move(lease).value());
  out.shard = std::move(shard).value();
  if (Status s = AddShardServer(out.db(), "shard", shard_url); !s.ok()) return fail(s);
  return out;
}

Result<std::unique_ptr<Db>> OpenFreshDatabase(const std::string& backend) {
  std::string why;
  std::string url = FreshDatabaseUrl(backend, &why);
  if (url.empty()) return Status::Internal("no " + backend + " database for the test: " + why);
  return Db::Open(url);
}

namespace {

// The schema every test context migrates to, once per PostgreSQL server:
// a database migrated by AppContext::Open, renamed "bhxh_tmpl_<hash of the
// migrations and the partition layout>" and closed to connections, which
// FreshContext then copies (CREATE DATABASE … TEMPLATE). Migrating the
// ~400 tables and partitions was most of a PostgreSQL test's time (1.5 of
// 2 s); a copy takes a fraction of it. Test processes run side by side,
// so the first to need it builds it under an advisory lock and the others
// wait for it. A changed migration or province list makes another name.
Result<std::string> MigratedTemplate(const std::string& base) {
  std::string key;
  {
    std::vector<Migration> all = AllMigrations();
    std::sort(all.begin(), all.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (const auto& m : all) key += std::to_string(m.version) + m.name + m.sql + m.postgres_sql;
    BHXH_ASSIGN_OR_RETURN(Geo geo, Geo::Load(DataDir() + "/geo/provinces.csv"));
    for (const auto& [suffix, codes] : geo.ProvinceGroups()) {
      key += suffix + ":";
      for (const auto& c : codes) key += c + ",";
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>{}(key));
  const std::string name = std::string("bhxh_tmpl_") + hex;
  BHXH_ASSIGN_OR_RETURN(auto admin, Db::Open(base + " dbname=postgres"));
  BHXH_RETURN_IF_ERROR(admin->Exec("SELECT pg_advisory_lock(7305001)"));  // released when `admin` closes
  BHXH_ASSIGN_OR_RETURN(auto exists, admin->Prepare("SELECT 1 FROM pg_database WHERE datname = ?"));
  exists->Bind(name);
  BHXH_ASSIGN_OR_RETURN(bool have, exists->Step());
  if (have) return name;
  const std::string build = name + "_build";
  BHXH_RETURN_IF_ERROR(admin->Exec("DROP DATABASE IF EXISTS " + build));
  BHXH_RETURN_IF_ERROR(admin->Exec("CREATE DATABASE " + build));
  {
    BHXH_ASSIGN_OR_RETURN(auto ctx, AppContext::Open({DataDir(), base + " dbname=" + build, AllCapabilities(), true}));
  }
  // The context's connections are closed; their backends may take a moment
  // to leave, and a database is renamed only when nobody is in it.
  Status renamed = Status::Ok();
  for (int i = 0; i < 100; ++i) {
    renamed = admin->Exec("ALTER DATABASE " + build + " RENAME TO " + name);
    if (renamed.ok()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  BHXH_RETURN_IF_ERROR(renamed);
  BHXH_RETURN_IF_ERROR(admin->Exec("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false"));
  return name;
}

// CREATE DATABASE `name` on the server at `base`, a copy of `tmpl` if not
// empty. A template is copied only while nobody is in it: another
// process's copy (or a closed connection's backend) may still be leaving it.
Status CreateDatabase(const std::string& base, const std::string& name, const std::string& tmpl) {
  BHXH_ASSIGN_OR_RETURN(auto admin, Db::Open(base + " dbname=postgres"));
  const std::string create = "CREATE DATABASE " + name + (tmpl.empty() ? "" : " TEMPLATE " + tmpl);
  Status s = admin->Exec(create);
  for (int i = 0; !tmpl.empty() && !s.ok() && i < 100; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    s = admin->Exec(create);
  }
  return s;
}

std::vector<std::string> TestShards() {
  const char* env = std::getenv("BHXH_TEST_SHARDS");
  std::vector<std::string> out = Split(env ? env : "", ';');
  std::erase(out, std::string());
  return out;
}

// Each province partition of every partitioned table of `dbname` (open on
// `coordinator`) placed on the test shards in turn, in a database of the
// same name made on each shard, reached as the foreign server "shard<k>".
Status PlaceOnTestShards(Db& coordinator, const std::string& dbname, const std::vector<std::string>& shards) {
  std::vector<std::unique_ptr<Db>> shard_dbs;
  for (size_t i = 0; i < shards.size(); ++i) {
    BHXH_RETURN_IF_ERROR(CreateDatabase(shards[i], dbname, ""));
    BHXH_ASSIGN_OR_RETURN(auto shard, Db::Open(shards[i] + " dbname=" + dbname));
    shard_dbs.push_back(std::move(shard));
    BHXH_RETURN_IF_ERROR(AddShardServer(coordinator, "shard" + std::to_string(i), shards[i] + " dbname=" + dbname));
  }
  std::vector<std::string> tables;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, coordinator.Prepare("SELECT relname FROM pg_class WHERE relkind = 'p' AND "
                                                       "relnamespace = 'public'::regnamespace ORDER BY relname"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      tables.push_back(st->Text(0));
    }
  }
  if (tables.empty()) return Status::Internal("no partitioned table to place on the test shards");
  for (const auto& table : tables) {
    BHXH_ASSIGN_OR_RETURN(auto places, PartitionsOf(coordinator, table));
    size_t i = 0;
    for (const auto& place : places) {
      if (place.is_default) continue;  // rows of no province of today stay on the coordinator
      size_t k = i++ % shards.size();
      BHXH_RETURN_IF_ERROR(PlaceEmptyPartition(coordinator, *shard_dbs[k], place.partition, "shard" + std::to_string(k)));
    }
  }
  return Status::Ok();
}

// The migrated template with its partitions placed on the test shards, once
// per run of servers: "<migrated template>_sh" on the coordinator (closed to
// connections once complete) and a database of that name on each shard,
// which the coordinator's foreign servers point at. A test's databases are
// then copies of these on all three servers, the coordinator's servers
// pointed at the test's own shard databases: placing ~300 partitions one
// by one was most of each sharded test's setup.
Result<std::string> ShardedTemplate(const std::string& base, const std::vector<std::string>& shards) {
  BHXH_ASSIGN_OR_RETURN(std::string migrated, MigratedTemplate(base));
  const std::string name = migrated + "_sh";
  BHXH_ASSIGN_OR_RETURN(auto admin, Db::Open(base + " dbname=postgres"));
  BHXH_RETURN_IF_ERROR(admin->Exec("SELECT pg_advisory_lock(7305002)"));  // released when `admin` closes
  // Complete once closed to connections; one left half-built by a process
  // that stopped is made again.
  BHXH_ASSIGN_OR_RETURN(auto complete,
                        admin->Prepare("SELECT COUNT(*) FROM pg_database WHERE datname = ? AND NOT datallowconn"));
  complete->Bind(name);
  BHXH_ASSIGN_OR_RETURN(bool row, complete->Step());
  if (row && complete->Int(0) == 1) return name;
  complete->Reset();
  BHXH_RETURN_IF_ERROR(admin->Exec("DROP DATABASE IF EXISTS " + name));
  for (const auto& shard : shards) {
    BHXH_ASSIGN_OR_RETURN(auto shard_admin, Db::Open(shard + " dbname=postgres"));
    BHXH_RETURN_IF_ERROR(shard_admin->Exec("DROP DATABASE IF EXISTS " + name));
  }
  BHXH_RETURN_IF_ERROR(CreateDatabase(base, name, migrated));
  {
    BHXH_ASSIGN_OR_RETURN(auto coordinator, Db::Open(base + " dbname=" + name));
    BHXH_RETURN_IF_ERROR(PlaceOnTestShards(*coordinator, name, shards));
  }
  BHXH_RETURN_IF_ERROR(admin->Exec("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false"));
  return name;
}

// A new database; on PostgreSQL with `migrated`, a copy of the migrated
// template — with BHXH_TEST_SHARDS, of the sharded one, its twins made on
// each shard.
std::string NewDatabaseUrl(const std::string& backend, std::string* why, bool migrated) {
  static std::atomic<int> n{0};
  int id = ++n;
  if (backend == "sqlite") {
    std::string path =
        fs::temp_directory_path() / ("bhxh_test_" + std::to_string(getpid()) + "_" + std::to_string(id) + ".db");
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path + ext);
    TempFiles::Get().Add(path);
    return path;
  }
  // A server the test command started for the whole run ($BHXH_TEST_PG:
  // "host=DIR port=N user=U"), else one of this process's own.
  std::string base;
  if (const char* shared = std::getenv("BHXH_TEST_PG"); shared && *shared) {
    base = shared;
  } else {
    PgServer& pg = PgServer::Get();
    if (!pg.ok()) {
      *why = pg.why();
      return "";
    }
    base = pg.Base();
  }
  const std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(id);
  const std::vector<std::string> shards = migrated ? TestShards() : std::vector<std::string>{};
  Status s = [&]() -> Status {
    if (!migrated) return CreateDatabase(base, name, "");
    if (shards.empty()) {
      BHXH_ASSIGN_OR_RETURN(std::string tmpl, MigratedTemplate(base));
      return CreateDatabase(base, name, tmpl);
    }
    BHXH_ASSIGN_OR_RETURN(std::string tmpl, ShardedTemplate(base, shards));
    BHXH_RETURN_IF_ERROR(CreateDatabase(base, name, tmpl));
    for (const auto& shard : shards) BHXH_RETURN_IF_ERROR(CreateDatabase(shard, name, tmpl));
    BHXH_ASSIGN_OR_RETURN(auto coordinator, Db::Open(base + " dbname=" + name));
    for (size_t k = 0; k < shards.size(); ++k)
      BHXH_RETURN_IF_ERROR(
          coordinator->Exec("ALTER SERVER shard" + std::to_string(k) + " OPTIONS (SET dbname '" + name + "')"));
    return Status::Ok();
  }();
  if (!s.ok()) {
    *why = (migrated ? "the test database from the migrated template: " : "") + s.ToString();
    return "";
  }
  return base + " dbname=" + name;
}

}  // namespace

std::string FreshDatabaseUrl(const std::string& backend, std::string* why) {
  return NewDatabaseUrl(backend, why, false);
}

std::unique_ptr<AppContext> FreshContext(const std::string& backend, std::string* why) {
  // On PostgreSQL a copy of the migrated template (placed on the test
  // shards with BHXH_TEST_SHARDS); Open then finds every migration applied
  // and runs the capabilities' loads as usual.
  std::string url = NewDatabaseUrl(backend, why, true);
  if (url.empty()) return nullptr;
  auto ctx = AppContext::Open({DataDir(), url, AllCapabilities(), true});
  if (!ctx.ok()) {
    *why = ctx.status().ToString();
    return nullptr;
  }
  return std::move(ctx).value();
}

std::unique_ptr<AppContext> ContextWithoutDb(std::string* why) {
  auto ctx = AppContext::Open({DataDir(), "", AllCapabilities(), false});
  if (!ctx.ok()) {
    *why = ctx.status().ToString();
    return nullptr;
  }
  return std::move(ctx).value();
}

}  // namespace bhxh::testing
