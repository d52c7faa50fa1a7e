// The identity tables: ID tokens already used (a token is good once).
// Enrolments need no table of their own: their particulars travel in the
// platform's challenge until the code comes back, and the account is the
// platform's user.
#include "identity/module.h"

namespace bhxh {

std::vector<Migration> IdentityMigrations() {
  return {
      {2026120610, "identity", R"SQL(
CREATE TABLE identity_assertions (
  token_sha256 TEXT PRIMARY KEY,   -- SHA-256 of provider and the token's jti (or the whole token)
  provider TEXT NOT NULL,
  cccd TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT NOT NULL
);
CREATE INDEX identity_assertions_cccd ON identity_assertions(cccd);
-- Enrolment attempts whose particulars did not match the record: five an
-- hour per CCCD, so the record cannot be asked to confirm a birth date by
-- trying them all.
CREATE TABLE identity_mismatches (
  id {ID},
  cccd TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX identity_mismatches_cccd ON identity_mismatches(cccd, at);
)SQL"},
  };
}

}  // namespace bhxh
