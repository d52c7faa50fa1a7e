// Benefit cases decided from the national record, and the register of
// beneficiaries.
//
// PrepareCase reads the person (sex, birth date) and the months of the
// national record (collection dues through the citizen's book); a month the
// employer has not paid is not counted and is listed in the case, citing the
// law row `unpaid_months.counted` in force on the event date. Months before
// the record, from the paper book, come in as `prior_history` in the
// calculator's history shape. The same calculator (calc.h) computes the
// amounts; the case stores the request, the result with its steps, and the
// excluded months.
//
// A case is prepared by one actor and decided by another (DecideCase refuses
// the same actor: four eyes). Approving a case with a monthly amount puts
// the person in the register of beneficiaries, paid from the amount's first
// month, to the payee's bank account (cashless) or a cash point. A
// correction is a new version of the case (`supersedes`); when it is
// approved, the earlier version is marked superseded and its register entry
// ends the month before the new one starts. Every write is one transaction
// with its audit row; PrepareCase is idempotent on its key.
//
// Checks run when a case is prepared (each a warning on the case, with its
// legal basis): sickness days over the yearly limit, sickness overlapping a
// maternity leave, a second one-time withdrawal for the same period.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/jsonio/json.h"
#include "benefits/calc.h"
#include "geo/geo.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct CaseInput {
  std::string cccd;
  Json request;  // {regime, event_date, facts?, prior_history?}: the calculator's shape without person/history
  std::string payee, bank, bank_account, cash_point;
  std::optional<int64_t> supersedes;
  std::string idempotency_key;
};

struct CaseView {
  int64_t id = 0;
  int version = 1;
  std::optional<int64_t> supersedes;
  std::string cccd, full_name, province;
  std::string regime;
  Date event_date;
  std::string status;  // prepared | approved | rejected | superseded
  bool eligible = false;
  Vnd monthly = 0, lump_sum = 0;
  Json result;                    // the calculator's result (steps, amounts)
  std::vector<std::string> excluded;  // "MM/YYYY: reason" months not counted
  std::vector<std::string> checks;    // warnings from the case checks
  std::string payee, bank, bank_account, cash_point;
  std::string prepared_by, prepared_at, decided_by, decided_at, note;
  bool replayed = false;
};

// The calculator's person and history as the national record gives them
// on the event date — what PrepareCase computes from — for a worker's
// estimate or an officer's look before preparing a case: the person's sex
// and birth date, the paid months as history items (unpaid ones listed in
// `excluded`, as in a case). With `assume_continued`, the last item's
// salary is assumed to go on from the month after the record's last
// collected month to the month before the event (an estimate of a future
// retirement, marked as such in its `source`).
struct RecordRequest {
  Json request;  // {regime, event_date, person, history}: the calculator's shape
  std::vector<std::string> excluded;
  std::string full_name;
  Month counted_through;
  bool continued = false;  // an assumed item was added
};
Result<RecordRequest> RequestFromRecord(Db& db, const Geo& geo, const LawBook& law, const std::string& cccd,
                                        const std::string& regime, Date event, bool assume_continued);

Result<CaseView> PrepareCase(Db& db, const Geo& geo, const LawBook& law, const BenefitLaw& bl, const CaseInput& in,
                             const Actor& actor);
// approve = false rejects. `note` is required when rejecting.
Result<CaseView> DecideCase(Db& db, int64_t id, bool approve, const std::string& note, const Actor& actor);
Result<CaseView> GetCase(Db& db, int64_t id);

struct CasePage {
  std::vector<CaseView> items;  // without result/steps
  int64_t total = 0;
};
// `provinces` empty: all. `status` empty: any.
Result<CasePage> ListCases(Db& db, const std::string& status, const std::string& cccd,
                           const std::vector<std::string>& provinces, int limit, int offset);

struct BeneficiaryView {
  int64_t id = 0, case_id = 0;
  std::string cccd, full_name, province, regime;
  Vnd monthly = 0;
  Month start;
  std::optional<Month> end;
  std::string payee, bank, bank_account, cash_point;
  std::string status, stop_reason;
};
struct BeneficiaryPage {
  std::vector<BeneficiaryView> items;
  int64_t total = 0;
};
Result<BeneficiaryPage> ListBeneficiaries(Db& db, const std::string& status, const std::string& cccd,
                                          const std::vector<std::string>& provinces, int limit, int offset);

// Every case of the filter as a workbook for officers (number, person,
// regime, event, status, amounts, who prepared and decided, when).
Result<std::string> CasesXlsx(Db& db, const std::string& status, const std::vector<std::string>& provinces);

// The province and the person (CCCD) of a case, for the route table's
// scope check (an officer's province, a citizen's own cases).
struct CaseOwnerKey {
  std::string province, cccd;
};
Result<CaseOwnerKey> CaseOwnerOf(Db& db, int64_t id);

// Regimes paid monthly by the payroll, and the fund each is paid from.
const char* FundOfRegime(std::string_view regime);  // "retirement" | "accident" | "unemployment" | "budget"

}  // namespace bhxh
