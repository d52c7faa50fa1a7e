// The national insurance database's registry (M1, M5): persons by CCCD,
// employers with their dated status history, participation periods and HI
// cards. Every write validates its input (errors name the field and rule),
// runs in one transaction and writes its audit row; reads never write.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/cccd.h"
#include "base/date.h"
#include "base/money.h"
#include "geo/geo.h"
#include "law/contribution.h"
#include "law/lawbook.h"
#include "platform/audit/audit.h"
#include "store/db.h"

namespace bhxh {

struct PersonInput {
  std::string cccd, si_number, full_name, dob, sex, province, commune, deceased_on;
};

struct Person {
  int64_t id = 0;
  std::string cccd, si_number, full_name;
  PartialDate dob;
  Sex sex = Sex::kMale;
  std::string province, commune;
  std::optional<Date> deceased_on;
};

// Registered information to correct (Law 41/2024 Art. 29; procedure SO-01):
// only the fields given change.
struct PersonCorrection {
  std::optional<std::string> full_name, dob, sex, province, commune;
  bool empty() const { return !full_name && !dob && !sex && !province && !commune; }
};

struct EmployerInput {
  std::string code, tax_code, name, type, province;
  int region = 0;
  std::string status = "active";
  std::string status_from;  // YYYY-MM-DD; default today
};

struct StatusChange {
  Date effective_from;
  std::string status;
};

struct Employer {
  int64_t id = 0;
  std::string code, tax_code, name, type, province;
  int region = 0;
  std::vector<StatusChange> history;  // oldest first
  // Status in force on `d` ("active" before the first record).
  std::string StatusOn(Date d) const;
};

struct CardInput {
  std::string cccd, code, valid_from, valid_to, facility, five_year_date;
};

struct Card {
  int64_t id = 0;
  int64_t person_id = 0;
  CardCode code;
  Date valid_from, valid_to;
  std::string facility;
  std::optional<Date> five_year_date;
  std::string status;
  // Reported decreased: the portal's reason (121–124) and the end date
  // printed on the card; valid_to is then the last day it covers.
  std::string decrease_code;
  std::optional<Date> valid_to_issued;
};

struct Period {
  int64_t id = 0, person_id = 0, employer_id = 0;  // employer 0: voluntary/household
  Month from;
  std::optional<Month> to;  // inclusive
  Vnd salary = 0;
  FundMask funds = 0;
  std::string group;
  // The province the period is recorded under (its partition on
  // PostgreSQL): the employer's, or the person's residence without one.
  std::string province;
};

// A period without an employer: voluntary SI (chosen income) or HI by
// household, student or state budget. Periods with an employer come only
// through declarations.
struct PeriodInput {
  std::string cccd, group, from_month, to_month, salary, funds;
};

struct EmployerPage {
  std::vector<Employer> employers;
  int64_t total = 0;
};

// A worker of an employer: the person and the periods at that employer.
struct Worker {
  Person person;
  std::vector<Period> periods;  // at this employer, oldest first
  bool current = false;         // a period is open at the as-of month
};

struct PersonPage {
  std::vector<Person> persons;
  int64_t total = 0;  // matches in all
};

bool IsEmployerType(std::string_view t);
Status CheckDeathDate(Date d, const PartialDate& dob);
bool IsEmployerStatus(std::string_view s);

class Registry {
 public:
  Registry(Db& db, const Geo& geo, const LawBook& law) : db_(db), geo_(geo), law_(law) {}

  // Validates: CCCD (12 digits, province list, century/sex digit vs dob and
  // sex), SI number (10 digits, optional), name (non-empty UTF-8), dob
  // (partial allowed), residence province (a code in force today or
  // historically). Conflict if the CCCD or SI number exists.
  Result<Person> RegisterPerson(const PersonInput& in, const Actor& actor);
  Result<Person> PersonByCccd(const std::string& cccd);
  // Corrects a person's registered name, date of birth, sex, residence
  // province or commune, checked as at registration (the CCCD's century/sex
  // digit and birth year must still agree with the corrected values); the
  // previous and new values go to the audit row. The SI number and the
  // CCCD never change here.
  Result<Person> CorrectPerson(const std::string& cccd, const PersonCorrection& c, const Actor& actor);
  Result<Person> PersonBySiNumber(const std::string& si);
  Result<Person> PersonById(int64_t id);
  // Diacritic- and case-insensitive name search ("nguyen van an"), within
  // `provinces` (residence codes; empty: all), a page at a time.
  Result<PersonPage> SearchPersons(const std::string& query, const std::vector<std::string>& provinces, int limit,
                                   int64_t offset);
  Status MarkDeceased(const std::string& cccd, const std::string& date, const Actor& actor);

  Result<Employer> RegisterEmployer(const EmployerInput& in, const Actor& actor);
  Result<Employer> EmployerByCode(const std::string& code);
  // By code, tax code or name (diacritics ignored), within `provinces`
  // (codes as recorded; empty: all), a page at a time.
  Result<EmployerPage> SearchEmployers(const std::string& query, const std::vector<std::string>& provinces, int limit,
                                       int64_t offset);
  // Everyone who has worked for the employer, current workers first, then by name.
  Result<std::vector<Worker>> WorkersOf(int64_t employer_id, Month as_of);
  Result<Employer> EmployerById(int64_t id);
  Status SetEmployerStatus(const std::string& code, const std::string& date, const std::string& status,
                           const Actor& actor);

  Result<Card> IssueCard(const CardInput& in, const Actor& actor);
  // A new version of the person's current card (HI Law Art.18–19): the same
  // code and validity, the registered facility changed when `facility` is
  // given (an exchange), the five-year date kept; the card it replaces is
  // withdrawn. Not found when the person has no active card valid `on`.
  Result<Card> ReissueCard(const std::string& cccd, const std::string& facility, Date on, const Actor& actor);
  Result<std::vector<Card>> CardsOfPerson(int64_t person_id);
  Result<std::vector<Period>> PeriodsOfPerson(int64_t person_id);
  // Validates the group (not an employee group), months (from <= to), the
  // chosen income against the scheme's floor and cap for voluntary SI, and
  // that it does not overlap another employer-less period of the person.
  Result<Period> AddPeriod(const PeriodInput& in, const Actor& actor);

  // Validation only (also used by declarations before any write).
  Status ValidatePersonInput(const PersonInput& in, Person* out) const;

 private:
  Result<Person> PersonWhere(const std::string& where, const std::string& value);
  Result<Employer> EmployerWhere(const std::string& where, const std::string& value);
  Db& db_;
  const Geo& geo_;
  const LawBook& law_;
};

// Row readers shared with engines that select the same columns.
extern const char* kPersonColumns;
extern const char* kPersonColumnsOfP;  // the same, of a table aliased p
Person ReadPerson(const Stmt& st);

}  // namespace bhxh
