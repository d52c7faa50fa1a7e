// Officials' integrity controls (M13; 1712/QĐ-BHXH): asset and income
// declarations (Law on Anti-corruption 36/2018/QH14 Art.33–41, Decree
// 130/2020/NĐ-CP), the yearly random verification draw, periodic job
// rotation (Art.24–26, Decree 59/2019/NĐ-CP) and complaints and
// denunciations with their legal deadlines.
//
// Contract:
//  - Thresholds, deadlines, shares and periods are dated rows of
//    data/officials/parameters.csv; positions and what they require are
//    data/officials/positions.csv (the agency's to confirm).
//  - Who must declare what by when is computed from the official's position
//    and the date placed in it; overdue declarants are listed per unit.
//  - The verification draw is reproducible: SHA-256 of year and unit seeds
//    it; candidates in code order; at least `verification.share` of the
//    eligible annual declarants (⌈N × share⌉) and at least
//    `verification.min_leaders` head or deputy; declarants verified in the
//    previous `verification.lookback_years` years are not eligible. The draw
//    and each result are audit rows.
//  - Rotation: a rotating position's period from positions.csv (within
//    rotation.min_years..max_years); due when the time in post reaches it by
//    the end of the plan year; exempt within
//    `rotation.retirement_exempt_months` of the retirement date.
//  - Every write is one transaction with its audit row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/cccd.h"
#include "base/date.h"
#include "base/money.h"
#include "law/params.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

class BenefitLaw;

struct Position {
  std::string code, name, declares;  // declares: annual | first | none
  bool leader = false;
  int rotation_years = 0;
  std::string source;
};

class OfficialsData {
 public:
  static Result<OfficialsData> Load(const std::string& dir);
  const ParamTable& params() const { return params_; }
  const std::vector<Position>& positions() const { return positions_; }
  const Position* FindPosition(const std::string& code) const;

 private:
  ParamTable params_;
  std::vector<Position> positions_;
};

struct Official {
  int64_t id = 0;
  std::string code, full_name, sex, birth_date, unit, province, position, position_since;
};

struct OfficialInput {
  std::string code, full_name, sex, birth_date, unit, province, position, position_since;
};
[[nodiscard]] Result<Official> RegisterOfficial(Db& db, const OfficialsData& data, const OfficialInput& in, const Actor& by);
// A new position from a date (an appointment or a rotation).
[[nodiscard]] Result<Official> AssignPosition(Db& db, const OfficialsData& data, const std::string& code,
                                              const std::string& position, const std::string& since, const Actor& by);
[[nodiscard]] Result<std::vector<Official>> ListOfficials(Db& db, const std::string& unit, const std::vector<std::string>& provinces);

struct AssetItem {
  std::string kind;  // land | house | precious | cash | securities | vehicle | other | abroad
  std::string description;
  Vnd value = 0;
};
struct AssetDeclaration {
  int64_t id = 0;
  std::string official_code, kind;  // first | annual | additional | appointment
  int year = 0;
  std::string submitted_on;
  std::vector<AssetItem> items;
  Vnd assets = 0, income = 0;
  std::optional<Vnd> change;        // assets + income against the previous declaration
  bool over_additional_threshold = false;  // |change| ≥ declaration.additional_threshold
  std::vector<std::string> notes;   // Vietnamese: items under the per-item threshold, ...
  bool replayed = false;
};
struct AssetDeclarationInput {
  std::string kind, submitted_on, idempotency_key;
  int year = 0;
  std::vector<AssetItem> items;
  Vnd income = 0;
};
[[nodiscard]] Result<AssetDeclaration> SubmitAssetDeclaration(Db& db, const OfficialsData& data, const std::string& official_code,
                                                              const AssetDeclarationInput& in, const Actor& by);

struct DeclarationDue {
  Official official;
  std::string kind;      // first | annual
  std::string deadline;  // YYYY-MM-DD
  std::string status;    // submitted | due | overdue
  std::string submitted_on;
};
// Who must declare for `year` (annual) and who still owes a first
// declaration, with the status on `today`.
[[nodiscard]] Result<std::vector<DeclarationDue>> DeclarationStatus(Db& db, const OfficialsData& data, int year, Date today,
                                                                    const std::string& unit,
                                                                    const std::vector<std::string>& provinces);

struct VerificationItem {
  std::string official_code, full_name, position;
  bool leader = false;
  std::string result = "pending";  // pending | consistent | inconsistent
  std::string note;
};
struct VerificationDraw {
  int64_t id = 0;
  int year = 0;
  std::string unit, seed;
  int eligible = 0;
  std::vector<VerificationItem> items;
  bool replayed = false;
};
// The plan year's draw among the unit's annual declarants who declared for
// the year before.
[[nodiscard]] Result<VerificationDraw> DrawVerification(Db& db, const OfficialsData& data, int year, const std::string& unit,
                                                        const Actor& by);
[[nodiscard]] Result<VerificationDraw> RecordVerificationResult(Db& db, int64_t draw_id, const std::string& official_code,
                                                                const std::string& result, const std::string& note,
                                                                const Actor& by);

struct RotationRow {
  Official official;
  std::string position_name;
  int period_years = 0;
  double years_in_post = 0;  // at the end of the plan year
  std::string due_on;        // position_since + period
  std::string status;        // due | overdue | not_due | exempt_retirement
  std::string retirement_on;
};
[[nodiscard]] Result<std::vector<RotationRow>> RotationPlan(Db& db, const OfficialsData& data, const BenefitLaw& benefit_law,
                                                            int year, Date today, const std::vector<std::string>& provinces);

}  // namespace bhxh
