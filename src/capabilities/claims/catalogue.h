// The facilities' approved lists, loaded from the store into memory for
// review: each facility's winning-bid drug prices (with the bid package,
// TT_THAU) and approved service prices, with validity dates; and the
// facilities themselves (level, province). Imports are CSV, validated row
// by row (every error reported with its line), applied whole or not at all.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/row_error.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct PriceEntry {
  std::string code, name, tt_thau, group;
  int64_t unit_price = 0;  // thousandths of a dong
  Date valid_from, valid_to;
};

struct FacilityInfo {
  std::string code, name, level, province;
};

class Catalogue {
 public:
  Status Load(Db& db);
  bool HasFacility(const std::string& facility) const {
    return drugs_.count(facility) || services_.count(facility) || supplies_.count(facility);
  }
  // The entry valid on `d`; for drugs, the one of `tt_thau` when given.
  // Codes are looked up as views (std::less<>): a claim line's fields are
  // views of its file's text.
  const PriceEntry* Drug(const std::string& facility, std::string_view code, std::string_view tt_thau, Date d) const;
  const PriceEntry* Service(const std::string& facility, std::string_view code, Date d) const;
  const PriceEntry* Supply(const std::string& facility, std::string_view code, Date d) const;
  const FacilityInfo* Facility(const std::string& code) const;
  const std::map<std::string, FacilityInfo>& Facilities() const { return facilities_; }

 private:
  using Index =
      std::map<std::string, std::map<std::string, std::vector<PriceEntry>, std::less<>>>;  // facility → code → entries
  Index drugs_, services_, supplies_;
  std::map<std::string, FacilityInfo> facilities_;
};

struct ImportResult {
  bool accepted = false;
  int rows = 0;
  std::vector<RowError> errors;
};

// kind: "drugs" (facility,drug_code,name,tt_thau,unit_price,valid_from,valid_to),
// "services" (facility,service_code,name,group_code,unit_price,valid_from,valid_to),
// "supplies" (facility,supply_code,name,group_code,unit_price,valid_from,valid_to),
// "facilities" (code,name,level,province). Prices in dong, '.' decimals. The text may
// also be an XLSX workbook (first sheet, same header row); Excel date cells are converted.
Result<ImportResult> ImportCatalogue(Db& db, const std::string& kind, const std::string& csv_text, const Actor& actor);

}  // namespace bhxh
