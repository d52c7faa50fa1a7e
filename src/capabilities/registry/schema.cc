// The schema of this capability: its migrations, in the global version
// order kept by the store (store/migrations.h). Applied migrations are
// history: change the schema with a new migration, never by editing one.
#include "store/migrations.h"

namespace bhxh {

std::vector<Migration> RegistryMigrations() {
  return {
      {1, "registry", R"SQL(
CREATE TABLE persons (
  id {ID},
  cccd TEXT NOT NULL UNIQUE,
  si_number TEXT UNIQUE,
  full_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  dob TEXT NOT NULL,             -- YYYY, YYYY-MM or YYYY-MM-DD
  sex INTEGER NOT NULL,
  province TEXT,                 -- residence, code as at registration
  commune TEXT,
  deceased_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX persons_name_key ON persons(name_key);
CREATE TABLE employers (
  id {ID},
  code TEXT NOT NULL UNIQUE,
  tax_code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,            -- enterprise | state_agency | cooperative | household_business | other
  province TEXT NOT NULL,
  region INTEGER NOT NULL,       -- wage region 1-4
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE employer_status (
  employer_id BIGINT NOT NULL REFERENCES employers(id),
  effective_from TEXT NOT NULL,
  status TEXT NOT NULL,          -- active | suspended | dissolved | bankrupt
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (employer_id, effective_from)
);
CREATE TABLE periods (
  id {ID},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  employer_id BIGINT REFERENCES employers(id),   -- NULL: voluntary or household
  from_month INTEGER NOT NULL,                   -- year*12 + month-1
  to_month INTEGER,                              -- inclusive; NULL = open
  salary BIGINT NOT NULL,
  funds INTEGER NOT NULL,                        -- bit mask of funds covered
  group_code TEXT NOT NULL,
  declaration_id BIGINT
);
CREATE INDEX periods_employer ON periods(employer_id);
CREATE INDEX periods_person ON periods(person_id);
CREATE TABLE hi_cards (
  id {ID},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  code TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  facility TEXT NOT NULL,
  five_year_date TEXT,
  status TEXT NOT NULL,          -- active | withdrawn
  issued_by TEXT NOT NULL
);
CREATE INDEX hi_cards_person ON hi_cards(person_id);
CREATE INDEX hi_cards_code ON hi_cards(code);
)SQL"},
      // A card reported decreased ("báo giảm": the employer declared the
      // worker's leave) covers through the last month contributed: valid_to
      // is cut there, the date printed on the card is kept in
      // valid_to_issued, and decrease_code is the card-lookup portal's
      // reason (hi-claims.md §4): 121 moved to another province, 122 within
      // the province, 123 re-joined the same employer, 124 stopped.
      {2026121102, "hi_card_decrease", R"SQL(
ALTER TABLE hi_cards ADD COLUMN decrease_code TEXT;
ALTER TABLE hi_cards ADD COLUMN valid_to_issued TEXT;
)SQL"},
      // Periods carry the province they are recorded under: the employer's
      // for a period of work (as the employer was registered when the
      // period was written: history stays under the province that recorded
      // it), the person's residence for a period without an employer
      // (voluntary SI, HI by household). On PostgreSQL the table is
      // partitioned by it like dues, so a province's periods — what its
      // monthly collection reads — can live on its shard. A partitioned
      // table whose partitions may be foreign keeps no primary key and no
      // foreign key: ids still come from the table's sequence (indexed, not
      // unique), and the person and employer of a period are checked by the
      // engines that write it (declarations, Registry::AddPeriod), which
      // find them first. SQLite keeps one table with the column.
      {2026121601, "periods_by_province",
       R"SQL(
ALTER TABLE periods ADD COLUMN province TEXT NOT NULL DEFAULT '';
UPDATE periods SET province = COALESCE((SELECT e.province FROM employers e WHERE e.id = periods.employer_id),
                                       (SELECT p.province FROM persons p WHERE p.id = periods.person_id), '');
)SQL",
       R"SQL(
ALTER TABLE periods RENAME TO periods_before_partitioning;
ALTER SEQUENCE periods_id_seq OWNED BY NONE;
DROP INDEX IF EXISTS periods_employer;
DROP INDEX IF EXISTS periods_person;
CREATE TABLE periods (
  id BIGINT NOT NULL DEFAULT nextval('periods_id_seq'),
  person_id BIGINT NOT NULL,
  employer_id BIGINT,
  from_month INTEGER NOT NULL,
  to_month INTEGER,
  salary BIGINT NOT NULL,
  funds INTEGER NOT NULL,
  group_code TEXT NOT NULL,
  declaration_id BIGINT,
  province TEXT NOT NULL DEFAULT ''
) PARTITION BY LIST (province);
{PARTITIONS_BY_PROVINCE periods}
INSERT INTO periods (id, person_id, employer_id, from_month, to_month, salary, funds, group_code, declaration_id,
                     province)
  SELECT o.id, o.person_id, o.employer_id, o.from_month, o.to_month, o.salary, o.funds, o.group_code,
         o.declaration_id, COALESCE(e.province, p.province, '')
  FROM periods_before_partitioning o LEFT JOIN employers e ON e.id = o.employer_id
  LEFT JOIN persons p ON p.id = o.person_id;
ALTER SEQUENCE periods_id_seq OWNED BY periods.id;
DROP TABLE periods_before_partitioning;
CREATE INDEX periods_id ON periods(id);
CREATE INDEX periods_employer ON periods(employer_id);
CREATE INDEX periods_person ON periods(person_id);
)SQL"},
  };
}

}  // namespace bhxh
