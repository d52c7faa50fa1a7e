// The card lookup in the shape of the HI assessment portal
// (…/api/egw/KQNhanLichSuKCB2024, hi-claims.md §4): the facility sends the
// card code (or SI number), the name and the date of birth as printed; the
// answer carries the portal's field names — maKetQua, ghiChu, hoTen,
// ngaySinh and the card's dates as dd/MM/yyyy, maDKBD, ngayDu5Nam — and the
// person's recent visits (dsLichSuKCB2018: maHoSo, maCSKCB, ngayVao/ngayRa
// as yyyyMMddHHmm, the main diagnosis and the treatment result), read from
// the claims this system holds.
#pragma once

#include <string>
#include <vector>

#include "eligibility/card_index.h"
#include "platform/jsonio/json.h"
#include "store/db.h"

namespace bhxh {

struct PastVisit {
  std::string ma_lk, facility, kind;
  int64_t admitted = 0, discharged = 0;  // minutes since 1970-01-01, 0 unknown
  std::string diagnosis_code, diagnosis, result;
};

// The person's latest visits (current versions), newest first.
Result<std::vector<PastVisit>> RecentVisits(Db& db, const std::string& si_number, int limit);

// "dd/MM/yyyy" (or "yyyy", as cards print a year alone) → "yyyy-MM-dd" / "yyyy".
Result<std::string> PortalDateToIso(const std::string& text, const std::string& field);

Json PortalCardAnswer(const EligibilityAnswer& a, const std::vector<PastVisit>& visits);

}  // namespace bhxh
