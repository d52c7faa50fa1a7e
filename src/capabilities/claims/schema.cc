// The schema of this capability: its migrations, in the global version
// order kept by the store (store/migrations.h). Applied migrations are
// history: change the schema with a new migration, never by editing one.
#include "store/migrations.h"

namespace bhxh {

// The month of discharge on claims, lines and findings, and the list of
// tables split by it (both backends; PostgreSQL then splits them).
constexpr const char* kMonthColumns = R"SQL(
CREATE TABLE IF NOT EXISTS monthly_partitions (parent TEXT PRIMARY KEY, key_column TEXT NOT NULL);
INSERT INTO monthly_partitions VALUES ('claims', 'month'), ('claim_lines', 'month'), ('claim_findings', 'month');
ALTER TABLE claims ADD COLUMN month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claim_lines ADD COLUMN month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claim_findings ADD COLUMN month INTEGER NOT NULL DEFAULT 0;)SQL";

// claim_keys on both backends (partitioned by province on PostgreSQL).
constexpr const char* kClaimKeys = R"SQL(
CREATE TABLE claim_keys (
  facility TEXT NOT NULL,
  ma_lk TEXT NOT NULL,
  version INTEGER NOT NULL,
  claim_id BIGINT NOT NULL,
  month INTEGER NOT NULL,
  province TEXT NOT NULL DEFAULT ''
))SQL";

std::vector<Migration> ClaimsMigrations() {
  return {
      {4, "claims", R"SQL(
CREATE TABLE facilities (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL,           -- central | province | district | commune
  province TEXT NOT NULL
);
CREATE TABLE claim_submissions (
  id {ID},
  txn TEXT NOT NULL UNIQUE,
  facility TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL,
  encounters INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE claims (
  id {ID},
  facility TEXT NOT NULL,
  ma_lk TEXT NOT NULL,
  version INTEGER NOT NULL,
  is_current INTEGER NOT NULL,
  submission_id BIGINT NOT NULL,
  patient_key TEXT NOT NULL,
  card_code TEXT NOT NULL,
  kind TEXT NOT NULL,            -- MA_LOAI_KCB
  admitted_at BIGINT,            -- minutes since 1970-01-01
  discharged_at BIGINT,
  day TEXT NOT NULL,             -- discharge date, YYYY-MM-DD
  treatment_days INTEGER NOT NULL,
  total_bv BIGINT NOT NULL,      -- thousandths of a dong
  claimed BIGINT NOT NULL,       -- fund share claimed (T_BHTT)
  approved BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  drug_lines INTEGER NOT NULL,
  high_cost BIGINT NOT NULL,     -- fund share of high-cost services (surgery, imaging)
  xml1 TEXT NOT NULL,            -- XML1 as received
  others TEXT NOT NULL           -- XML4.. as received (JSON)
);
CREATE UNIQUE INDEX claims_version ON claims(facility, ma_lk, version);
CREATE INDEX claims_day ON claims(day, facility);
CREATE INDEX claims_patient ON claims(patient_key, admitted_at);
CREATE TABLE claim_lines (
  claim_id BIGINT NOT NULL,
  tbl TEXT NOT NULL,
  stt TEXT NOT NULL,
  code TEXT NOT NULL,
  group_code TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  unit_price BIGINT NOT NULL,
  claimed BIGINT NOT NULL,
  approved BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  reasons TEXT NOT NULL
);
CREATE INDEX claim_lines_claim ON claim_lines(claim_id);
CREATE TABLE claim_findings (
  claim_id BIGINT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  tbl TEXT NOT NULL,
  stt TEXT NOT NULL,
  field TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX claim_findings_claim ON claim_findings(claim_id);
CREATE TABLE drug_prices (
  facility TEXT NOT NULL,
  drug_code TEXT NOT NULL,
  name TEXT NOT NULL,
  tt_thau TEXT NOT NULL,
  unit_price BIGINT NOT NULL,    -- thousandths of a dong
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  PRIMARY KEY (facility, drug_code, tt_thau, valid_from)
);
CREATE TABLE service_prices (
  facility TEXT NOT NULL,
  service_code TEXT NOT NULL,
  name TEXT NOT NULL,
  group_code TEXT NOT NULL,
  unit_price BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  PRIMARY KEY (facility, service_code, valid_from)
);
CREATE TABLE advances (
  id {ID},
  facility TEXT NOT NULL,
  quarter TEXT NOT NULL,         -- YYYY-Qn
  amount BIGINT NOT NULL,        -- dong
  paid_on TEXT NOT NULL,
  reference TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL
);
)SQL"},
      {5, "supply_prices", R"SQL(
CREATE TABLE supply_prices (
  facility TEXT NOT NULL,
  supply_code TEXT NOT NULL,
  name TEXT NOT NULL,
  group_code TEXT NOT NULL,
  unit_price BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  PRIMARY KEY (facility, supply_code, valid_from)
);
)SQL"},
      {6, "claim_line_order_time", R"SQL(
ALTER TABLE claim_lines ADD COLUMN ordered_at BIGINT;
)SQL"},
      // An advance moves money to a facility: prepared by one officer, paid
      // only when another approves it (segregation of duties, 1712/QĐ-BHXH
      // §II.2). Advances recorded before this rule stand as approved.
      {2026120310, "advance_approval", R"SQL(
ALTER TABLE advances ADD COLUMN status TEXT NOT NULL DEFAULT 'approved';
ALTER TABLE advances ADD COLUMN decided_by TEXT;
ALTER TABLE advances ADD COLUMN decided_at TEXT;
ALTER TABLE advances ADD COLUMN note TEXT;
)SQL"},
      // The check-in table (XML0, QĐ 4750): who is being treated, before
      // the claim; one row per facility and MA_LK, replaced when re-sent.
      {2026120520, "claim_checkins", R"SQL(
CREATE TABLE claim_checkins (
  id {ID},
  facility TEXT NOT NULL,
  ma_lk TEXT NOT NULL,
  card_code TEXT NOT NULL,
  cccd TEXT NOT NULL,
  full_name TEXT NOT NULL,
  patient_group TEXT NOT NULL,   -- MA_DOITUONG_KCB
  kind TEXT NOT NULL,            -- MA_LOAI_KCB
  admitted_at BIGINT NOT NULL,   -- minutes since 1970-01-01
  card_result TEXT NOT NULL,     -- the card check's code on the admission date ('' without a card)
  card_message TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  UNIQUE (facility, ma_lk)
);
CREATE INDEX claim_checkins_day ON claim_checkins(admitted_at, facility);
)SQL"},
      // Claims, their lines and their findings carry the province of the
      // facility that sent them. On PostgreSQL the three tables become
      // partitioned by province (one partition per province of today, the
      // codes merged into it included; a partition may live on a shard as a
      // postgres_fdw foreign table), so a facility's claims, lines and
      // findings are written where its province lives, in one prepared
      // transaction per shard (store/partitioned.h). A partitioned table
      // whose partitions may be foreign keeps no unique index: a claim's id
      // comes from the coordinator's sequence before the row is written, and
      // the (facility, MA_LK, version) order is kept by the submission's
      // lock on its facility (review.cc). SQLite keeps one table each with
      // the column.
      {2026121001, "claims_by_province",
       R"SQL(
ALTER TABLE claims ADD COLUMN province TEXT NOT NULL DEFAULT '';
ALTER TABLE claim_lines ADD COLUMN province TEXT NOT NULL DEFAULT '';
ALTER TABLE claim_findings ADD COLUMN province TEXT NOT NULL DEFAULT '';
UPDATE claims SET province = COALESCE((SELECT f.province FROM facilities f WHERE f.code = claims.facility), '');
UPDATE claim_lines SET province = COALESCE((SELECT c.province FROM claims c WHERE c.id = claim_lines.claim_id), '');
UPDATE claim_findings SET province = COALESCE((SELECT c.province FROM claims c WHERE c.id = claim_findings.claim_id), '');
)SQL",
       R"SQL(
ALTER TABLE claims RENAME TO claims_before_partitioning;
ALTER TABLE claim_lines RENAME TO claim_lines_before_partitioning;
ALTER TABLE claim_findings RENAME TO claim_findings_before_partitioning;
ALTER SEQUENCE claims_id_seq OWNED BY NONE;
DROP INDEX IF EXISTS claims_version;
DROP INDEX IF EXISTS claims_day;
DROP INDEX IF EXISTS claims_patient;
DROP INDEX IF EXISTS claim_lines_claim;
DROP INDEX IF EXISTS claim_findings_claim;
CREATE TABLE claims (
  id BIGINT NOT NULL DEFAULT nextval('claims_id_seq'),
  facility TEXT NOT NULL,
  ma_lk TEXT NOT NULL,
  version INTEGER NOT NULL,
  is_current INTEGER NOT NULL,
  submission_id BIGINT NOT NULL,
  patient_key TEXT NOT NULL,
  card_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  admitted_at BIGINT,
  discharged_at BIGINT,
  day TEXT NOT NULL,
  treatment_days INTEGER NOT NULL,
  total_bv BIGINT NOT NULL,
  claimed BIGINT NOT NULL,
  approved BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  drug_lines INTEGER NOT NULL,
  high_cost BIGINT NOT NULL,
  xml1 TEXT NOT NULL,
  others TEXT NOT NULL,
  province TEXT NOT NULL DEFAULT ''
) PARTITION BY LIST (province);
{PARTITIONS_BY_PROVINCE claims}
CREATE TABLE claim_lines (
  claim_id BIGINT NOT NULL,
  tbl TEXT NOT NULL,
  stt TEXT NOT NULL,
  code TEXT NOT NULL,
  group_code TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  unit_price BIGINT NOT NULL,
  claimed BIGINT NOT NULL,
  approved BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  reasons TEXT NOT NULL,
  ordered_at BIGINT,
  province TEXT NOT NULL DEFAULT ''
) PARTITION BY LIST (province);
{PARTITIONS_BY_PROVINCE claim_lines}
CREATE TABLE claim_findings (
  claim_id BIGINT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  tbl TEXT NOT NULL,
  stt TEXT NOT NULL,
  field TEXT NOT NULL,
  message TEXT NOT NULL,
  province TEXT NOT NULL DEFAULT ''
) PARTITION BY LIST (province);
{PARTITIONS_BY_PROVINCE claim_findings}
INSERT INTO claims (id, facility, ma_lk, version, is_current, submission_id, patient_key, card_code, kind,
                    admitted_at, discharged_at, day, treatment_days, total_bv, claimed, approved, rejected,
                    drug_lines, high_cost, xml1, others, province)
  SELECT c.id, c.facility, c.ma_lk, c.version, c.is_current, c.submission_id, c.patient_key, c.card_code, c.kind,
         c.admitted_at, c.discharged_at, c.day, c.treatment_days, c.total_bv, c.claimed, c.approved, c.rejected,
         c.drug_lines, c.high_cost, c.xml1, c.others, COALESCE(f.province, '')
  FROM claims_before_partitioning c LEFT JOIN facilities f ON f.code = c.facility;
INSERT INTO claim_lines (claim_id, tbl, stt, code, group_code, quantity, unit_price, claimed, approved, rejected,
                         reasons, ordered_at, province)
  SELECT l.claim_id, l.tbl, l.stt, l.code, l.group_code, l.quantity, l.unit_price, l.claimed, l.approved,
         l.rejected, l.reasons, l.ordered_at, COALESCE(c.province, '')
  FROM claim_lines_before_partitioning l LEFT JOIN claims c ON c.id = l.claim_id;
INSERT INTO claim_findings (claim_id, rule, severity, tbl, stt, field, message, province)
  SELECT x.claim_id, x.rule, x.severity, x.tbl, x.stt, x.field, x.message, COALESCE(c.province, '')
  FROM claim_findings_before_partitioning x LEFT JOIN claims c ON c.id = x.claim_id;
ALTER SEQUENCE claims_id_seq OWNED BY claims.id;
DROP TABLE claims_before_partitioning;
DROP TABLE claim_lines_before_partitioning;
DROP TABLE claim_findings_before_partitioning;
CREATE INDEX claims_id ON claims(id);
CREATE INDEX claims_version ON claims(facility, ma_lk, version);
CREATE INDEX claims_day ON claims(day, facility);
CREATE INDEX claims_patient ON claims(patient_key, admitted_at);
CREATE INDEX claim_lines_claim ON claim_lines(claim_id);
CREATE INDEX claim_findings_claim ON claim_findings(claim_id);
)SQL"},
      // Claims are settled by the month of discharge (NGAY_RA), and the
      // national volume (about 1.9 billion lines a year, ten billion over
      // the five years reviewers look back) is only manageable a month at
      // a time: a month's partition is indexed, vacuumed, archived or
      // detached by itself, and a month's settlement reads only its own.
      // Claims, lines and findings carry the month of discharge (yyyymm; 0
      // for a day that is not a date). On PostgreSQL each province
      // partition on this server becomes partitioned by range of it: a
      // partition per month (made when a month's first claims arrive,
      // store/partitioned.h EnsureMonths) and a DEFAULT one. The key is a
      // column of its own, not `day`, and is never indexed: a query bounds
      // it to skip the months that cannot matter, and the planner still
      // picks the index the query is about (bounded on `day` instead, a
      // fresh month not yet analysed made it read the month whole through
      // the day index). `monthly_partitions` says which tables split so
      // (read by EnsureMonths, PlaceEmptyPartition and scripts/shard/shard.sh,
      // which build a shard's table the same way). A province already on a
      // shard keeps its table there as it is until it is moved (README,
      // "Upgrading a sharded deployment").
      {2026121501, "claims_by_month",
       std::string(kMonthColumns) + R"SQL(
UPDATE claims SET month = CAST(substr(day, 1, 4) || substr(day, 6, 2) AS INTEGER)
  WHERE day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]';
UPDATE claim_lines SET month = COALESCE((SELECT c.month FROM claims c WHERE c.id = claim_lines.claim_id), 0);
UPDATE claim_findings SET month = COALESCE((SELECT c.month FROM claims c WHERE c.id = claim_findings.claim_id), 0);
)SQL",
       std::string(kMonthColumns) + R"SQL(
UPDATE claims SET month = CAST(substr(day, 1, 4) || substr(day, 6, 2) AS INTEGER)
  WHERE day ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$';
UPDATE claim_lines l SET month = c.month FROM claims c WHERE c.id = l.claim_id AND l.province = c.province AND c.month <> 0;
UPDATE claim_findings x SET month = c.month FROM claims c WHERE c.id = x.claim_id AND x.province = c.province AND c.month <> 0;
DO $$
DECLARE
  r record;
  m integer;
BEGIN
  FOR r IN SELECT c.relname AS part, i.inhparent::regclass::text AS parent,
                  pg_get_expr(c.relpartbound, c.oid) AS bound
           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent IN ('claims'::regclass, 'claim_lines'::regclass, 'claim_findings'::regclass)
             AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', r.parent, r.part);
    EXECUTE format('ALTER TABLE %I RENAME TO %I', r.part, r.part || '_flat');
    EXECUTE format('CREATE TABLE %I PARTITION OF %I %s PARTITION BY RANGE (month)', r.part, r.parent, r.bound);
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', r.part || '_other', r.part);
    FOR m IN EXECUTE format('SELECT DISTINCT month FROM %I WHERE month BETWEEN 190001 AND 999812 AND month %% 100 BETWEEN 1 AND 12',
                            r.part || '_flat')
    LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%s) TO (%s)', r.part || '_m' || m, r.part, m,
                     CASE WHEN m % 100 = 12 THEN m + 89 ELSE m + 1 END);
    END LOOP;
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', r.part, r.part || '_flat');
    EXECUTE format('DROP TABLE %I', r.part || '_flat');
  END LOOP;
END $$;
)SQL"},
      // A facility's current version of each encounter (MA_LK), the one
      // place a new version looks up: claims split by month would otherwise
      // be searched in every month's partition of the province for each
      // encounter of every envelope (60 index probes each after five
      // years). Partitioned by province only, written in the same
      // transactions as the claims, on the same shard; its order is the
      // facility's lock (review.cc), as for the claims.
      {2026121502, "claim_keys",
       std::string(kClaimKeys) + R"SQL(;
INSERT INTO claim_keys (facility, ma_lk, version, claim_id, month, province)
  SELECT facility, ma_lk, version, id, month, province FROM claims c
  WHERE version = (SELECT MAX(version) FROM claims v WHERE v.facility = c.facility AND v.ma_lk = c.ma_lk);
CREATE UNIQUE INDEX claim_keys_key ON claim_keys(facility, ma_lk);
)SQL",
       std::string(kClaimKeys) + R"SQL( PARTITION BY LIST (province);
{PARTITIONS_BY_PROVINCE claim_keys}
INSERT INTO claim_keys (facility, ma_lk, version, claim_id, month, province)
  SELECT DISTINCT ON (facility, ma_lk) facility, ma_lk, version, id, month, province FROM claims
  ORDER BY facility, ma_lk, version DESC;
CREATE INDEX claim_keys_key ON claim_keys(facility, ma_lk);
)SQL"},
      // A submission's amounts are kept with it (the list of submissions
      // read them by summing its claims: every claim of every month,
      // three times per row listed), and a submission's claims are found
      // by a BRIN on PostgreSQL (ids grow as envelopes are written, so a
      // range per block is almost free to keep) for a replayed envelope.
      {2026121503, "submission_totals",
       R"SQL(
ALTER TABLE claim_submissions ADD COLUMN claimed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE claim_submissions ADD COLUMN approved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE claim_submissions ADD COLUMN rejected BIGINT NOT NULL DEFAULT 0;
UPDATE claim_submissions SET
  claimed = COALESCE((SELECT SUM(c.claimed) FROM claims c WHERE c.submission_id = claim_submissions.id), 0),
  approved = COALESCE((SELECT SUM(c.approved) FROM claims c WHERE c.submission_id = claim_submissions.id), 0),
  rejected = COALESCE((SELECT SUM(c.rejected) FROM claims c WHERE c.submission_id = claim_submissions.id), 0);
CREATE INDEX claims_submission ON claims(submission_id);
)SQL",
       R"SQL(
ALTER TABLE claim_submissions ADD COLUMN claimed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE claim_submissions ADD COLUMN approved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE claim_submissions ADD COLUMN rejected BIGINT NOT NULL DEFAULT 0;
UPDATE claim_submissions s SET claimed = t.claimed, approved = t.approved, rejected = t.rejected
  FROM (SELECT submission_id, SUM(claimed) AS claimed, SUM(approved) AS approved, SUM(rejected) AS rejected
        FROM claims GROUP BY submission_id) t
  WHERE t.submission_id = s.id;
CREATE INDEX claims_submission ON claims USING brin (submission_id);
)SQL"},
      // Where a patient's claims are, nationally: one row per patient,
      // month of discharge and province that holds a claim of theirs
      // (PostgreSQL only). A partitioned table has no index across its
      // partitions, so reading an envelope's patients' stored claims asked
      // every province's recent months for all 500 of them: measured with
      // 6 million claims in 35 provinces × 3 months, 1.5–3 s an envelope
      // (the planner's custom plan, parallel scans of every partition),
      // 0.1 s with a cached generic plan, and 22–40 ms looking here first
      // and then only the provinces named (review.cc, StoredRule). Written
      // with the claims, in their transaction, never updated: a row says
      // where to look; which claim is current is still read from the claims.
      // SQLite keeps one claims table, indexed by patient: nothing to add.
      {2026121701, "claim_patients", "SELECT 1;",
       R"SQL(
CREATE TABLE claim_patients (
  patient_key TEXT NOT NULL,
  month INTEGER NOT NULL,
  province TEXT NOT NULL,
  PRIMARY KEY (patient_key, month, province)
);
INSERT INTO claim_patients (patient_key, month, province)
  SELECT DISTINCT patient_key, month, province FROM claims WHERE month <> 0;
)SQL"},
  };
}

}  // namespace bhxh
