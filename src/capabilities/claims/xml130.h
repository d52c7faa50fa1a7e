// The XML 130 tables (130/QĐ-BYT as amended by 4750 and 3176): field
// specifications loaded from data/claims/xml130_fields.csv, the rule book
// from data/claims/rules.csv, and the parsing of XML1 (summary), XML2
// (drugs) and XML3 (services and supplies) into records. Other tables are
// kept as received. Amounts are read exactly as thousandths of a dong.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "claims/envelope.h"

namespace bhxh {

struct FieldSpec {
  std::string table, name, type;  // type: C, N, D12, D8, B12, L8, L15
  int length = 0, decimals = 0;
  bool required = false;
};

struct RuleSpec {
  std::string id, severity, legal_basis, message_vi;
  bool needs_store = false;
  int64_t param = 0;
};

class ClaimSchema {
 public:
  // Loads `dir`/xml130_fields.csv and `dir`/rules.csv.
  static Result<ClaimSchema> Load(const std::string& dir);
  const FieldSpec* Field(const std::string& table, const std::string& name) const;
  const std::vector<FieldSpec>& Fields(const std::string& table) const;
  const RuleSpec& Rule(const std::string& id) const;  // unknown ids are a programming error

 private:
  std::map<std::string, std::vector<FieldSpec>> fields_;
  std::map<std::string, RuleSpec> rules_;
};

// One XML record (a TONG_HOP, CHI_TIET_THUOC or CHI_TIET_DVKT element).
struct Record {
  std::string table;
  std::vector<std::pair<std::string, std::string>> fields;  // in document order
  const std::string& Get(const std::string& name) const;    // "" when absent
  bool Has(const std::string& name) const;
  // Builds the name index used by Get; call after filling `fields`.
  void Index();

 private:
  std::vector<uint32_t> index_;  // positions in `fields`, sorted by name (safe to copy)
};

struct Encounter {
  int hoso = 0;
  std::string ma_lk;
  std::optional<Record> xml1;
  std::string xml1_raw;  // the XML1 file as received
  std::vector<Record> xml2, xml3;
  std::vector<ClaimFile> others;  // XML4.. kept as received
};

// Splits an envelope's HOSO into encounters. Problems that make a file
// unusable (not XML, a line whose MA_LK matches no summary, no XML1) are
// appended to `errors`.
std::vector<Encounter> ReadEncounters(const Envelope& env, std::vector<EnvelopeError>* errors);

// "123.45" → 123450 (thousandths); nullopt when not a plain decimal.
std::optional<int64_t> Milli(const std::string& s);
// yyyymmddHHMM → minutes since 1970-01-01; nullopt when invalid.
std::optional<int64_t> Minutes12(const std::string& s);
// The reverse: minutes since 1970-01-01 → yyyymmddHHMM ("" for 0 or less).
std::string Stamp12(int64_t minutes);

}  // namespace bhxh
