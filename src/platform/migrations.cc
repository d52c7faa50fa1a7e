// The platform's own tables: accounts and their tokens, the audit trail,
// idempotency keys. (Version 0 creates what version 1 created before the
// capabilities had folders; on a database made then it changes nothing.)
#include "platform/migrations.h"

namespace bhxh {

std::vector<Migration> PlatformMigrations() {
  return {
      {0, "platform", R"SQL(
CREATE TABLE IF NOT EXISTS accounts (
  token_sha256 TEXT PRIMARY KEY,
  actor TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,            -- officer | employer | facility | citizen
  province TEXT,
  employer_code TEXT,
  facility_code TEXT
);
CREATE TABLE IF NOT EXISTS audit_log (
  id {ID},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_key TEXT,
  detail TEXT
);
CREATE TABLE IF NOT EXISTS idempotency (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
)SQL"},
      {2026120101, "platform_scoped_idempotency", R"SQL(
ALTER TABLE accounts ADD COLUMN cccd TEXT;
ALTER TABLE accounts ADD COLUMN revoked_at TEXT;
CREATE TABLE idempotency_keys (
  actor TEXT NOT NULL,
  operation TEXT NOT NULL,         -- "POST /declarations"
  key TEXT NOT NULL,
  request_sha256 TEXT NOT NULL,    -- the request the key was first used for
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (actor, operation, key)
);
CREATE INDEX audit_log_entity_key ON audit_log(entity_key);
)SQL"},
      {2026120102, "platform_users_sessions", R"SQL(
CREATE TABLE users (
  id {ID},
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,     -- Argon2id, libsodium crypto_pwhash_str
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,             -- "officer" or "inspector,auditor"
  province TEXT,
  employer_code TEXT,
  facility_code TEXT,
  cccd TEXT,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_login_at TEXT,
  disabled_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  token_sha256 TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
)SQL"},
  };
}

}  // namespace bhxh
