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
      // The audit trail as a hash chain: each row carries its place (seq),
      // the previous row's hash and its own; the head row is the lock every
      // writer takes (UPDATE first, so SQLite and PostgreSQL both serialise
      // the chain's writers) and the head's daily signatures are the seals.
      // Rows written before this version are chained at the next start.
      {2026120201, "platform_audit_chain", R"SQL(
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN row_hash TEXT;
CREATE UNIQUE INDEX audit_log_seq ON audit_log(seq);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TABLE audit_seals (
  seq BIGINT PRIMARY KEY,          -- the chain head that was signed
  day TEXT NOT NULL,               -- the Vietnam day the seal closes (YYYY-MM-DD)
  head_hash TEXT NOT NULL,
  key_id TEXT NOT NULL,            -- first 16 hex of SHA-256 of the public key
  public_key TEXT NOT NULL,        -- Ed25519, hex
  signature TEXT NOT NULL,         -- Ed25519 over "bhxh-audit-seal-v1|day|seq|head_hash", hex
  sealed_at TEXT NOT NULL,
  sealed_by TEXT NOT NULL
);
CREATE INDEX audit_seals_day ON audit_seals(day);
)SQL"},
      // A second factor for accounts that have one (a code the system sends
      // to the account's phone or e-mail, checked before a session opens),
      // the short-lived challenges it and an account's enrolment use, and
      // the outbox every message the system sends goes through.
      {2026120601, "platform_second_factor", R"SQL(
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN second_factor TEXT;   -- NULL (none), 'sms' or 'email'
CREATE TABLE auth_challenges (
  id_sha256 TEXT PRIMARY KEY,      -- the challenge id is shown once, like a session token
  purpose TEXT NOT NULL,           -- 'login', 'enrolment'
  subject TEXT NOT NULL,           -- the user name, or the CCCD being enrolled
  code_hash TEXT NOT NULL,         -- SHA-256 of id and code
  channel TEXT NOT NULL,           -- 'sms' or 'email'
  recipient TEXT NOT NULL,
  payload TEXT NOT NULL,           -- what the purpose needs once the code is right (JSON)
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX auth_challenges_subject ON auth_challenges(purpose, subject, created_at);
CREATE TABLE outbox (
  id {ID},
  channel TEXT NOT NULL,           -- 'sms' or 'email'
  recipient TEXT NOT NULL,
  purpose TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  delivery_note TEXT
);
CREATE INDEX outbox_pending ON outbox(delivered_at, id);
)SQL"},
      // Commune scope: the commune (within the account's province) of an
      // officer or collection agent who works one commune.
      {2026120602, "platform_commune_scope", R"SQL(
ALTER TABLE users ADD COLUMN commune TEXT;
ALTER TABLE accounts ADD COLUMN commune TEXT;
)SQL"},
  };
}

}  // namespace bhxh
