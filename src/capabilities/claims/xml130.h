// The XML 130 tables (130/QĐ-BYT as amended by 4750 and 3176): field
// specifications loaded from data/claims/xml130_fields.csv, the rule book
// from data/claims/rules.csv, and the parsing of XML1 (summary), XML2
// (drugs) and XML3 (services and supplies) into records. Other tables are
// kept as received. Amounts are read exactly as thousandths of a dong.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "claims/envelope.h"

namespace bhxh {

// The fields of XML1–XML3 that the engine itself reads, under the standard's
// names, as numbers: a record resolves each element's name once, when it is
// indexed, and the checks then find a field by its number instead of
// comparing names (name lookups were about a sixth of a claim's CPU). Any
// other field is still found by name.
#define BHXH_XML130_READ_FIELDS(X)                                                                                \
  X(DON_GIA)                                                                                                      \
  X(DON_GIA_BH) X(DON_GIA_BV) X(GIOI_TINH) X(GT_THE_DEN) X(GT_THE_TU) X(HO_TEN) X(MA_BENH_CHINH) X(MA_BENH_KT)    \
      X(MA_BN) X(MA_DICH_VU) X(MA_DKBD) X(MA_DOITUONG_KCB) X(MA_LK) X(MA_LOAI_KCB) X(MA_NHOM) X(MA_THE_BHYT)      \
          X(MA_THUOC) X(MA_VAT_TU) X(MUC_HUONG) X(NGAY_KQ) X(NGAY_MIEN_CCT) X(NGAY_RA) X(NGAY_SINH) X(NGAY_TH_YL) \
              X(NGAY_VAO) X(NGAY_YL) X(NGUOI_THUC_HIEN) X(PHAM_VI) X(SO_CCCD) X(SO_LUONG) X(SO_NGAY_DTRI) X(STT)  \
                  X(THANH_TIEN_BH) X(THANH_TIEN_BV) X(TT_THAU) X(TYLE_TT_BH) X(TYLE_TT_DV) X(T_BHTT) X(T_BNCCT)   \
                      X(T_NGUONKHAC) X(T_THUOC) X(T_TONGCHI_BH) X(T_TONGCHI_BV) X(T_VTYT)
enum class XmlField : uint8_t {
#define BHXH_XML130_ENUM(n) n,
  BHXH_XML130_READ_FIELDS(BHXH_XML130_ENUM)
#undef BHXH_XML130_ENUM
      kCount
};
inline constexpr size_t kReadFields = static_cast<size_t>(XmlField::kCount);
// The standard's name of a field ("MA_LK").
const char* FieldName(XmlField f);
// The number of a name the engine reads; XmlField::kCount for any other name.
XmlField FieldOf(std::string_view name);

// The standard's field types (130/QĐ-BYT, "Kiểu dữ liệu"): text, number,
// yyyymmddHHMM, yyyymmdd, a birth date with unknown parts as zeros, and
// ;-separated lists of dates or card numbers.
enum class FieldKind : uint8_t { kText, kNumber, kD12, kD8, kB12, kL8, kL15 };

struct FieldSpec {
  std::string table, name, type;  // type: C, N, D12, D8, B12, L8, L15
  int length = 0, decimals = 0;
  bool required = false;
  FieldKind kind = FieldKind::kText;     // `type`, read once when the schema is loaded
  XmlField read = XmlField::kCount;      // the engine's number for this name, kCount when it reads none
};

struct RuleSpec {
  std::string id, severity, legal_basis, message_vi;
  bool needs_store = false;
  int64_t param = 0;
};

// Field positions by name, looked up with a view of a record's name
// (no string made per lookup).
struct FieldNameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using FieldNameIndex = std::unordered_map<std::string, int, FieldNameHash, std::equal_to<>>;

class ClaimSchema {
 public:
  // Loads `dir`/xml130_fields.csv and `dir`/rules.csv.
  static Result<ClaimSchema> Load(const std::string& dir);
  const FieldSpec* Field(const std::string& table, std::string_view name) const;
  const std::vector<FieldSpec>& Fields(const std::string& table) const;
  // Position of `name` in Fields(table), -1 when the table has no such field.
  int FieldIndex(const std::string& table, std::string_view name) const;
  // The same positions by name for one table (null when the schema has no
  // such table), for a caller that looks up every field of a record.
  const FieldNameIndex* NameIndex(const std::string& table) const;
  const RuleSpec& Rule(const std::string& id) const;  // unknown ids are a programming error

 private:
  std::map<std::string, std::vector<FieldSpec>> fields_;
  std::map<std::string, FieldNameIndex> field_index_;  // by table, then name
  std::map<std::string, RuleSpec> rules_;
};

// One XML record (a TONG_HOP, CHI_TIET_THUOC or CHI_TIET_DVKT element).
// Its names and values are views, not copies: a record read by
// ReadEncounters views its encounter's text (Encounter::text) and is valid
// while that encounter lives; a record filled by hand views the caller's
// strings. (Copying each field into a pair of strings of its own was about
// a quarter of the claims client's CPU, in allocation and page faults.)
struct Record {
  Record() { pos_.fill(-1); }
  std::string table;
  std::vector<std::pair<std::string_view, std::string_view>> fields;  // in document order, values trimmed
  // "" when absent; a name given twice reads its first value.
  std::string_view Get(XmlField f) const {
    int32_t p = pos_[static_cast<size_t>(f)];
    return p < 0 ? std::string_view() : fields[static_cast<size_t>(p)].second;
  }
  bool Has(XmlField f) const { return pos_[static_cast<size_t>(f)] >= 0; }
  std::string_view Get(std::string_view name) const;  // any name
  bool Has(std::string_view name) const;
  // Resolves the fields' names to their numbers; call after filling
  // `fields` (and `table`). With the schema, each name is looked up once in
  // its table's specifications, and the position kept for the format check.
  // `like`, a record of the same file already indexed: where a name stands
  // where it stood there (lines of one file share their layout), its
  // position is taken from it instead of looked up.
  void Index(const ClaimSchema* schema = nullptr, const Record* like = nullptr);
  // The position of field `i` in the schema's specifications of the table:
  // -1 when the table has no such name, -2 when indexed without the schema.
  int SpecAt(size_t i) const { return i < spec_.size() ? spec_[i] : -2; }

 private:
  std::array<int32_t, kReadFields> pos_{};  // position in `fields` by number, -1 when absent
  std::vector<int16_t> spec_;               // by position in `fields`; empty without the schema
};

struct Encounter {
  int hoso = 0;
  std::string ma_lk;
  std::optional<Record> xml1;
  std::string xml1_raw;  // the XML1 file as received
  std::vector<Record> xml2, xml3;
  std::vector<ClaimFile> others;  // XML4.. kept as received
  // The text the records view: each XML1–XML3 file as parsed in place
  // (entities decoded, names and values ended by NULs). Held by pointer so
  // that moving the encounter leaves the records' views where they are.
  std::vector<std::unique_ptr<std::string>> text;
};

// Splits an envelope's HOSO into encounters. Problems that make a file
// unusable (not XML, a line whose MA_LK matches no summary, no XML1) are
// appended to `errors`.
// With the schema, each record's fields are resolved against it once (see
// Record::Index).
std::vector<Encounter> ReadEncounters(const Envelope& env, std::vector<EnvelopeError>* errors,
                                      const ClaimSchema* schema = nullptr);
// The same, taking the envelope's files (parsed in place, kept by move).
std::vector<Encounter> ReadEncounters(Envelope&& env, std::vector<EnvelopeError>* errors,
                                      const ClaimSchema* schema = nullptr);

// "123.45" → 123450 (thousandths); nullopt when not a plain decimal.
std::optional<int64_t> Milli(std::string_view s);
// yyyymmddHHMM → minutes since 1970-01-01; nullopt when invalid.
std::optional<int64_t> Minutes12(std::string_view s);
// The reverse: minutes since 1970-01-01 → yyyymmddHHMM ("" for 0 or less).
std::string Stamp12(int64_t minutes);

}  // namespace bhxh
