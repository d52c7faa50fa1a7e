// Settlement with facilities (issue #4 §5) and the published winning-bid
// drug prices (§4). Settlement counts only the current version of each
// encounter, discharged in the quarter: claimed, approved, rejected by
// reason (a line's rejection is attributed to its first reason), advances
// recorded for the quarter, and the amount to settle.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/money.h"
#include "claims/catalogue.h"
#include "platform/audit/audit.h"
#include "store/db.h"

namespace bhxh {

struct Settlement {
  std::string facility, quarter;  // YYYY-Qn
  int64_t encounters = 0;
  int64_t claimed = 0, approved = 0, rejected = 0;  // thousandths of a dong
  std::map<std::string, int64_t> rejected_by_reason;
  Vnd advances = 0;
  int64_t to_settle = 0;  // approved − advances, thousandths
};

Result<Settlement> SettleQuarter(Db& db, const std::string& facility, const std::string& quarter);

// An advance to a facility moves money, so it is prepared by one officer and
// counts in the settlement only once another officer approves it
// (segregation of duties, 1712/QĐ-BHXH §II.2); a rejection needs its reason.
// Recording the same reference again with the same facts is a replay.
struct AdvanceInput {
  std::string facility, quarter, amount, paid_on, reference;
};
struct Advance {
  int64_t id = 0;
  std::string facility, quarter, paid_on, reference, status;  // pending | approved | rejected
  Vnd amount = 0;
  std::string prepared_by, decided_by, decided_at, note;
  bool replayed = false;
};
[[nodiscard]] Result<Advance> RecordAdvance(Db& db, const AdvanceInput& in, const Actor& actor);
[[nodiscard]] Result<Advance> DecideAdvance(Db& db, int64_t id, bool approve, const std::string& note,
                                            const Actor& actor);
// Newest first; an empty facility list or status means all.
[[nodiscard]] Result<std::vector<Advance>> ListAdvances(Db& db, const std::vector<std::string>& facilities,
                                                        const std::string& status, int limit);

struct PublishedPrice {
  std::string facility, facility_name, province, drug_code, name, tt_thau;
  int64_t unit_price = 0;
  std::string valid_from, valid_to;
};
// Prices in force on `on`, filtered by province and/or facility (empty = all).
Result<std::vector<PublishedPrice>> PublishedPrices(Db& db, const std::string& province, const std::string& facility,
                                                    const std::string& on);
std::string PricesCsv(const std::vector<PublishedPrice>& p);
// The same as an XLSX workbook (bytes), one sheet, Vietnamese headers.
// As a workbook; `on` is the date the prices are in force (its title line).
Result<std::string> PricesXlsx(const std::vector<PublishedPrice>& p, Date on);

}  // namespace bhxh
