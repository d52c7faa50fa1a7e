#include "claims/precheck.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/cccd.h"
#include "base/date.h"
#include "base/money.h"
#include "base/parse.h"
#include "base/re.h"
#include "base/text.h"

namespace bhxh {

bool EncounterReport::rejected() const {
  for (const auto& f : findings)
    if (f.severity == "reject") return true;
  return false;
}

namespace {

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool ValidD8(std::string_view s) {
  if (s.size() != 8 || !IsDigits(s)) return false;
  return Date::IsValidYmd(DigitsValue(s.substr(0, 4)), DigitsValue(s.substr(4, 2)), DigitsValue(s.substr(6, 2)));
}

bool ValidBirth12(std::string_view s) {
  if (s.size() != 12 || !IsDigits(s)) return false;
  int y = DigitsValue(s.substr(0, 4)), m = DigitsValue(s.substr(4, 2)), d = DigitsValue(s.substr(6, 2));
  int h = DigitsValue(s.substr(8, 2)), mi = DigitsValue(s.substr(10, 2));
  if (y < 1880 || m > 12 || h > 23 || mi > 59) return false;
  if (m == 0) return d == 0;
  return d == 0 || Date::IsValidYmd(y, m, d);
}

Date DayOf(int64_t minutes) { return Date::FromDays(static_cast<int32_t>(minutes / 1440)); }

class Checker {
 public:
  Checker(const ClaimSchema& s, const LawBook& law) : s_(s), law_(law) {}

  void Add(EncounterReport& rep, const std::string& rule, std::string_view table, std::string_view stt,
           std::string_view field, std::string_view detail) {
    rep.findings.push_back(MakeFinding(s_, rule, table, stt, field, detail));
  }
  int64_t Tol(const std::string& rule) const { return s_.Rule(rule).param; }

  // Field formats of one record.
  void Format(EncounterReport& rep, const Record& r) {
    std::string_view stt = r.Get(XmlField::STT);
    const std::vector<FieldSpec>& specs = s_.Fields(r.table);
    // Per field of the table: 0 absent, 1 present, 2 present with a value
    // (a name given twice counts by its first value, as Get reads it).
    seen_.assign(specs.size(), 0);
    const auto* index = s_.NameIndex(r.table);
    for (size_t k = 0; k < r.fields.size(); ++k) {
      const auto& [name, value] = r.fields[k];
      int i = r.SpecAt(k);  // resolved when the record was read, unless read without the schema
      if (i == -2) {
        i = -1;
        if (index) {
          auto at = index->find(name);
          if (at != index->end()) i = at->second;
        }
      }
      if (i < 0) {
        Add(rep, "FMT-UNKNOWN", r.table, stt, name, "");
        continue;
      }
      const FieldSpec* f = &specs[static_cast<size_t>(i)];
      if (seen_[static_cast<size_t>(i)] == 0) seen_[static_cast<size_t>(i)] = value.empty() ? 1 : 2;
      if (value.empty()) continue;
      bool ok = true;
      std::string why;
      if (f->kind == FieldKind::kText) {
        if (Utf8Length(value) > static_cast<size_t>(f->length)) {
          Add(rep, "FMT-LENGTH", r.table, stt, name,
              std::to_string(Utf8Length(value)) + " > " + std::to_string(f->length) + " ký tự");
        }
        continue;
      } else if (f->kind == FieldKind::kNumber) {
        // Amounts, quantities and rates of the standard are never negative.
        if (value[0] == '-') {
          ok = false;
          why = "không được âm";
        } else if (value.find(',') != std::string_view::npos) {
          ok = false;
          why = "dùng dấu chấm (.) làm dấu thập phân";
        } else {
          size_t dot = value.find('.');
          std::string_view w = value.substr(0, dot), d = dot == std::string_view::npos ? "" : value.substr(dot + 1);
          if (!IsDigits(w) || (!d.empty() && !IsDigits(d)) || (dot != std::string_view::npos && d.empty())) {
            ok = false;
            why = "phải là số";
          } else if (static_cast<int>(d.size()) > f->decimals) {
            ok = false;
            why = "tối đa " + std::to_string(f->decimals) + " chữ số thập phân";
          } else if (static_cast<int>(w.size() + d.size()) > f->length) {
            Add(rep, "FMT-LENGTH", r.table, stt, name, "tối đa " + std::to_string(f->length) + " chữ số");
            continue;
          }
        }
      } else if (f->kind == FieldKind::kD12) {
        ok = Minutes12(value).has_value();
        why = "định dạng yyyymmddHHMM";
      } else if (f->kind == FieldKind::kD8) {
        ok = ValidD8(value);
        why = "định dạng yyyymmdd";
      } else if (f->kind == FieldKind::kB12) {
        ok = ValidBirth12(value);
        why = "định dạng yyyymmddHHMM (0000 cho phần không rõ)";
      } else if (f->kind == FieldKind::kL8) {
        for (const auto& p : Split(value, ';')) ok = ok && ValidD8(Trim(p));
        why = "danh sách ngày yyyymmdd cách nhau bởi ;";
      } else if (f->kind == FieldKind::kL15) {
        for (const auto& p : Split(value, ';'))
          if (!ParseCardCode(Trim(p)).ok()) {
            Add(rep, "CARD-FORMAT", r.table, stt, name, "\"" + Trim(p) + "\"");
          }
        continue;
      }
      if (!ok) Add(rep, "FMT-TYPE", r.table, stt, name, why + " (giá trị \"" + std::string(value) + "\")");
    }
    for (size_t i = 0; i < specs.size(); ++i)
      if (specs[i].required && seen_[i] != 2) Add(rep, "FMT-REQUIRED", r.table, stt, specs[i].name, "");
  }

  // Exact line arithmetic, in thousandths of a dong.
  struct LineAmounts {
    int64_t bv = 0, bh = 0, bhtt = 0, bncct = 0, nguonkhac = 0;
  };
  LineAmounts Line(EncounterReport& rep, const Record& r) {
    LineAmounts a;
    std::string_view stt = r.Get(XmlField::STT);
    auto qty = Milli(r.Get(XmlField::SO_LUONG));
    bool x2 = r.table == "XML2";
    auto price_bv = Milli(r.Get(x2 ? XmlField::DON_GIA : XmlField::DON_GIA_BV));
    auto price_bh = Milli(r.Get(x2 ? XmlField::DON_GIA : XmlField::DON_GIA_BH));
    auto rate_dv = x2 ? std::optional<int64_t>(100'000) : Milli(r.Get(XmlField::TYLE_TT_DV));
    auto rate_bh = Milli(r.Get(XmlField::TYLE_TT_BH));
    auto bv = Milli(r.Get(XmlField::THANH_TIEN_BV)), bh = Milli(r.Get(XmlField::THANH_TIEN_BH));
    a.bv = bv.value_or(0);
    a.bh = bh.value_or(0);
    a.bhtt = Milli(r.Get(XmlField::T_BHTT)).value_or(0);
    a.bncct = Milli(r.Get(XmlField::T_BNCCT)).value_or(0);
    a.nguonkhac = Milli(r.Get(XmlField::T_NGUONKHAC)).value_or(0);
    if (!qty || !price_bv || !price_bh || !rate_dv || !rate_bh || !bv || !bh) return a;  // format already reported
    // qty and price in 1e-3, rates in 1e-3 percent: value = qty·price·rate/(1e3·1e3·1e5) in milli.
    auto expect = [](int64_t q, int64_t p, int64_t r1, int64_t r2) {
      __int128 v = static_cast<__int128>(q) * p;      // 1e-6 dong
      v = v * r1 / 100'000;                           // × rate1 %
      v = v * r2 / 100'000;                           // × rate2 %
      return static_cast<int64_t>((v + 500) / 1000);  // → milli, rounded
    };
    int64_t exp_bv = expect(*qty, *price_bv, *rate_dv, 100'000);
    int64_t exp_bh = expect(*qty, *price_bh, *rate_dv, *rate_bh);
    // Amounts in messages as the reviewer reads them ("3.751,5"), whatever form the file wrote them in.
    if (std::llabs(exp_bv - *bv) > Tol("ARITH-LINE-BV"))
      Add(rep, "ARITH-LINE-BV", r.table, stt, "THANH_TIEN_BV",
          "kê " + FormatMilli(*bv) + ", tính được " + FormatMilli(exp_bv));
    if (std::llabs(exp_bh - *bh) > Tol("ARITH-LINE-BH"))
      Add(rep, "ARITH-LINE-BH", r.table, stt, "THANH_TIEN_BH",
          "kê " + FormatMilli(*bh) + ", tính được " + FormatMilli(exp_bh));
    if (std::llabs(a.bhtt + a.bncct + a.nguonkhac - *bh) > Tol("ARITH-LINE-SPLIT"))
      Add(rep, "ARITH-LINE-SPLIT", r.table, stt, "T_BHTT",
          "T_BHTT + T_BNCCT + T_NGUONKHAC = " + FormatMilli(a.bhtt + a.bncct + a.nguonkhac) +
              ", THANH_TIEN_BH = " + FormatMilli(*bh));
    if (auto muc = Milli(r.Get(XmlField::MUC_HUONG))) {
      int64_t cap = static_cast<int64_t>(static_cast<__int128>(*bh) * *muc / 100'000);
      if (a.bhtt > cap + Tol("ARITH-LINE-FUND"))
        Add(rep, "ARITH-LINE-FUND", r.table, stt, "T_BHTT", FormatMilli(a.bhtt) + " > " + FormatMilli(cap));
    }
    return a;
  }

  void Encounter(EncounterReport& rep, const bhxh::Encounter& e) {
    const Record& x1 = *e.xml1;
    Format(rep, x1);
    std::map<std::string, int> stts[2];
    for (const auto* lines : {&e.xml2, &e.xml3}) {
      int t = lines == &e.xml2 ? 0 : 1;
      for (const auto& r : *lines) {
        Format(rep, r);
        if (++stts[t][std::string(r.Get(XmlField::STT))] == 2)
          Add(rep, "FMT-DUPLICATE-STT", r.table, r.Get(XmlField::STT), "STT", "");
      }
    }
    // Totals.
    int64_t sum_bv = 0, sum_bh = 0, sum_bhtt = 0, sum_bncct = 0, drugs = 0, supplies = 0;
    for (const auto& r : e.xml2) {
      LineAmounts a = Line(rep, r);
      sum_bv += a.bv;
      sum_bh += a.bh;
      sum_bhtt += a.bhtt;
      sum_bncct += a.bncct;
      drugs += a.bv;
    }
    for (const auto& r : e.xml3) {
      LineAmounts a = Line(rep, r);
      sum_bv += a.bv;
      sum_bh += a.bh;
      sum_bhtt += a.bhtt;
      sum_bncct += a.bncct;
      std::string_view g = r.Get(XmlField::MA_NHOM);
      if (g == "10" || g == "11") supplies += a.bv;
    }
    auto total = [&](XmlField field, int64_t computed) {
      if (x1.Get(field).empty()) return;
      auto v = Milli(x1.Get(field));
      if (v && std::llabs(*v - computed) > Tol("ARITH-TOTAL"))
        Add(rep, "ARITH-TOTAL", "XML1", x1.Get(XmlField::STT), FieldName(field),
            "kê " + FormatMilli(*v) + ", tổng chi tiết " + FormatMilli(computed));
    };
    total(XmlField::T_TONGCHI_BV, sum_bv);
    total(XmlField::T_TONGCHI_BH, sum_bh);
    total(XmlField::T_THUOC, drugs);
    total(XmlField::T_VTYT, supplies);
    total(XmlField::T_BNCCT, sum_bncct);
    total(XmlField::T_BHTT, sum_bhtt);
    auto tbh = Milli(x1.Get(XmlField::T_TONGCHI_BH)), tbhtt = Milli(x1.Get(XmlField::T_BHTT));
    int64_t tbncct = Milli(x1.Get(XmlField::T_BNCCT)).value_or(0),
            tnk = Milli(x1.Get(XmlField::T_NGUONKHAC)).value_or(0);
    if (tbh && tbhtt && std::llabs(*tbhtt - (*tbh - tbncct - tnk)) > Tol("ARITH-BHTT"))
      Add(rep, "ARITH-BHTT", "XML1", x1.Get(XmlField::STT), "T_BHTT",
          "T_BHTT = " + FormatMilli(*tbhtt) + ", T_TONGCHI_BH − T_BNCCT" + (tnk ? " − T_NGUONKHAC" : std::string()) +
              " = " + FormatMilli(*tbh - tbncct - tnk));

    // Dates of the stay.
    auto in = Minutes12(x1.Get(XmlField::NGAY_VAO)), out = Minutes12(x1.Get(XmlField::NGAY_RA));
    if (in && out && *out < *in)
      Add(rep, "TIME-DISCHARGE-BEFORE-ADMISSION", "XML1", x1.Get(XmlField::STT), "NGAY_RA", "");
    std::string_view kind = x1.Get(XmlField::MA_LOAI_KCB);
    // A day count too large to be a stay (SO_NGAY_DTRI = 99999999999) is a
    // wrong count like any other, never a parse failure.
    auto days_written = ParseInt(x1.Get(XmlField::SO_NGAY_DTRI), "SO_NGAY_DTRI", 0, 100000);
    if (in && out && IsDigits(x1.Get(XmlField::SO_NGAY_DTRI))) {
      int days = days_written.ok() ? static_cast<int>(*days_written) : -1;
      int expected = -1;
      if (kind == "01" || kind == "07" || kind == "09")
        expected = 0;
      else if (kind == "02" || kind == "03" || kind == "04" || kind == "06")
        expected = DayOf(*out).days() - DayOf(*in).days() + 1;
      if (expected >= 0 && days != expected)
        Add(rep, "TIME-TREATMENT-DAYS", "XML1", x1.Get(XmlField::STT), "SO_NGAY_DTRI",
            "kê " + std::to_string(days) + ", theo ngày vào/ra là " + std::to_string(expected));
      int64_t beds = 0;
      for (const auto& r : e.xml3) {
        std::string_view g = r.Get(XmlField::MA_NHOM);
        if (g == "14" || g == "15") beds += Milli(r.Get(XmlField::SO_LUONG)).value_or(0);
      }
      if (beds > 0 && days > 0 && beds > static_cast<int64_t>(days) * 1000)
        Add(rep, "TIME-BED-DAYS", "XML3", "", "SO_LUONG",
            FormatMilli(beds) + " ngày giường > " + std::to_string(days) + " ngày điều trị");
    }
    for (const auto* lines : {&e.xml2, &e.xml3}) {
      for (const auto& r : *lines) {
        auto yl = Minutes12(r.Get(XmlField::NGAY_YL));
        if (!yl) continue;
        if (in && *yl < *in)
          Add(rep, "TIME-ORDER-BEFORE-ADMISSION", r.table, r.Get(XmlField::STT), "NGAY_YL",
              std::string(r.Get(XmlField::NGAY_YL)) + " < " + std::string(x1.Get(XmlField::NGAY_VAO)));
        if (out && *yl > *out)
          Add(rep, "TIME-ORDER-AFTER-DISCHARGE", r.table, r.Get(XmlField::STT), "NGAY_YL",
              std::string(r.Get(XmlField::NGAY_YL)) + " > " + std::string(x1.Get(XmlField::NGAY_RA)));
        auto th = Minutes12(r.Get(XmlField::NGAY_TH_YL));
        if (th && *th < *yl) Add(rep, "TIME-RESULT-BEFORE-ORDER", r.table, r.Get(XmlField::STT), "NGAY_TH_YL", "");
        auto kq = Minutes12(r.Get(XmlField::NGAY_KQ));
        if (kq && (*kq < *yl || (th && *kq < *th)))
          Add(rep, "TIME-RESULT-BEFORE-ORDER", r.table, r.Get(XmlField::STT), "NGAY_KQ", "");
      }
    }

    // Card validity from the claim's own card fields.
    std::optional<CardCode> card;
    std::vector<std::string> codes = Split(x1.Get(XmlField::MA_THE_BHYT), ';'),
                             from = Split(x1.Get(XmlField::GT_THE_TU), ';'),
                             to = Split(x1.Get(XmlField::GT_THE_DEN), ';');
    if (in && !x1.Get(XmlField::MA_THE_BHYT).empty()) {
      Date day_in = DayOf(*in);
      bool valid = false;
      std::optional<Date> valid_to;
      for (size_t i = 0; i < codes.size(); ++i) {
        auto c = ParseCardCode(Trim(codes[i]));
        if (!c.ok()) continue;
        if (!card) card = *c;
        if (i >= from.size() || i >= to.size() || !ValidD8(Trim(from[i])) || !ValidD8(Trim(to[i]))) continue;
        Date f = *Date::ParseCompact(Trim(from[i]), "GT_THE_TU"), t = *Date::ParseCompact(Trim(to[i]), "GT_THE_DEN");
        if (f <= day_in && day_in <= t) {
          valid = true;
          card = *c;
          if (!valid_to || t > *valid_to) valid_to = t;
        }
      }
      if (card && !valid)
        Add(rep, "CARD-NOT-VALID", "XML1", x1.Get(XmlField::STT), "GT_THE_DEN",
            "thẻ " + std::string(x1.Get(XmlField::GT_THE_TU)) + "–" + std::string(x1.Get(XmlField::GT_THE_DEN)) +
                ", vào viện " + day_in.ToString());
      if (valid && out && DayOf(*out) > *valid_to)
        Add(rep, "CARD-EXPIRES-BEFORE-DISCHARGE", "XML1", x1.Get(XmlField::STT), "GT_THE_DEN", "");
    }

    // MUC_HUONG against the card level, the route and the low-cost rule.
    if (card && in) {
      Date day_in = DayOf(*in);
      auto level = law_.Level(card->level, day_in);
      auto ref = law_.Amount("reference_level", day_in);
      auto thr = law_.Percent("hi_low_cost_threshold", day_in);
      std::string_view route = x1.Get(XmlField::MA_DOITUONG_KCB);
      bool correct_route = !route.empty() && (route[0] == '1' || route[0] == '2' || route[0] == '7');
      bool low_cost = ref.ok() && thr.ok() && tbh && *tbh < ApplyRate(*ref, *thr) * 1000;
      bool exempt = false;  // five consecutive years and co-payment exemption from NGAY_MIEN_CCT
      if (ValidD8(x1.Get(XmlField::NGAY_MIEN_CCT)) &&
          *Date::ParseCompact(x1.Get(XmlField::NGAY_MIEN_CCT), "") <= day_in)
        exempt = true;
      if (level.ok()) {
        int64_t pct = level->percent / 10'000;
        int64_t expected = (low_cost || exempt || pct == 100) ? 100 : pct;
        for (const auto* lines : {&e.xml2, &e.xml3}) {
          for (const auto& r : *lines) {
            auto m = Milli(r.Get(XmlField::MUC_HUONG));
            if (!m) continue;
            int64_t muc = *m / 1000;
            bool in_scope = r.Get(XmlField::PHAM_VI) == "1" && Milli(r.Get(XmlField::TYLE_TT_BH)).value_or(0) > 0;
            if (muc == 0) {
              if (in_scope) Add(rep, "BENEFIT-ZERO", r.table, r.Get(XmlField::STT), "MUC_HUONG", "");
              continue;
            }
            if (correct_route) {
              if (muc != expected && !(muc == pct && low_cost))
                Add(rep, "BENEFIT-LEVEL", r.table, r.Get(XmlField::STT), "MUC_HUONG",
                    "kê " + std::to_string(muc) + ", thẻ mức " + std::to_string(card->level) + " (" +
                        std::to_string(pct) + "%)" + (low_cost ? ", chi phí dưới ngưỡng 15%" : "") + " → " +
                        std::to_string(expected));
              else if (muc == pct && low_cost && pct != 100)
                Add(rep, "BENEFIT-LOW-COST", r.table, r.Get(XmlField::STT), "MUC_HUONG", "");
            } else if (muc > pct) {
              Add(rep, "BENEFIT-LEVEL", r.table, r.Get(XmlField::STT), "MUC_HUONG",
                  "trái tuyến: kê " + std::to_string(muc) + " > mức thẻ " + std::to_string(pct));
            }
          }
        }
      }
    }

    // Exam fees by order, performers, ICD codes.
    std::vector<const Record*> exams;
    for (const auto& r : e.xml3) {
      std::string_view g = r.Get(XmlField::MA_NHOM);
      if (g == "13") exams.push_back(&r);
      if ((g == "1" || g == "2" || g == "3" || g == "8" || g == "18") && r.Get(XmlField::NGUOI_THUC_HIEN).empty())
        Add(rep, "PERFORMER-REQUIRED", r.table, r.Get(XmlField::STT), "NGUOI_THUC_HIEN", "");
    }
    std::stable_sort(exams.begin(), exams.end(), [](const Record* a, const Record* b) {
      return a->Get(XmlField::NGAY_YL) < b->Get(XmlField::NGAY_YL);
    });
    for (size_t i = 0; i < exams.size(); ++i) {
      int64_t want = i == 0 ? 100 : i <= 3 ? 30 : i == 4 ? 10 : 0;
      auto got = Milli(exams[i]->Get(XmlField::TYLE_TT_DV));
      if (got && *got != want * 1000)
        Add(rep, "EXAM-FEE-RATE", "XML3", exams[i]->Get(XmlField::STT), "TYLE_TT_DV",
            "lần khám thứ " + std::to_string(i + 1) + " phải là " + std::to_string(want) + "%, kê " +
                std::string(exams[i]->Get(XmlField::TYLE_TT_DV)));
    }
    static const Regex icd("[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,2})?");
    std::string_view main = x1.Get(XmlField::MA_BENH_CHINH);
    if (!main.empty() && !icd.FullMatch(main))
      Add(rep, "ICD-FORMAT", "XML1", x1.Get(XmlField::STT), "MA_BENH_CHINH", main);
    std::string_view extra = x1.Get(XmlField::MA_BENH_KT);
    if (!extra.empty()) {
      auto parts = Split(extra, ';');
      if (parts.size() > 12)
        Add(rep, "ICD-FORMAT", "XML1", x1.Get(XmlField::STT), "MA_BENH_KT", std::to_string(parts.size()) + " mã");
      for (const auto& p : parts)
        if (!icd.FullMatch(Trim(p))) {
          Add(rep, "ICD-FORMAT", "XML1", x1.Get(XmlField::STT), "MA_BENH_KT", Trim(p));
          break;
        }
    }
  }

 private:
  const ClaimSchema& s_;
  const LawBook& law_;
  std::vector<uint8_t> seen_;  // Format's per-field marks, kept between records
};

}  // namespace

Finding MakeFinding(const ClaimSchema& schema, const std::string& rule, std::string_view table, std::string_view stt,
                    std::string_view field, std::string_view detail) {
  const RuleSpec& r = schema.Rule(rule);
  std::string message = r.message_vi;
  if (!detail.empty()) message.append(": ").append(detail);
  return {rule,         r.severity, std::string(table), std::string(stt), std::string(field), std::move(message),
          r.legal_basis};
}

std::string PatientKey(const Record& x1) {
  auto c = ParseCardCode(Trim(Split(x1.Get(XmlField::MA_THE_BHYT), ';')[0]));
  if (c.ok()) return "si:" + c->si_number;
  if (!x1.Get(XmlField::SO_CCCD).empty()) return "id:" + std::string(x1.Get(XmlField::SO_CCCD));
  return "bn:" + std::string(x1.Get(XmlField::MA_BN));
}

CheckReport PreCheck(const Envelope& env, const ClaimSchema& schema, const LawBook& law) {
  CheckReport rep;
  rep.facility = env.macskcb;
  rep.errors = env.errors;
  std::vector<Encounter> encs = ReadEncounters(env, &rep.errors, &schema);
  CheckEncounters(encs, schema, law, &rep);
  return rep;
}

void CheckEncounters(const std::vector<Encounter>& encs, const ClaimSchema& schema, const LawBook& law,
                     CheckReport* out) {
  CheckReport& rep = *out;
  Checker ck(schema, law);
  std::map<std::string, int> seen_lk;
  for (const auto& e : encs) {
    EncounterReport er;
    er.ma_lk = e.ma_lk;
    er.hoso = e.hoso;
    ck.Encounter(er, e);
    if (++seen_lk[e.ma_lk] == 2) ck.Add(er, "DUPLICATE-ENCOUNTER", "XML1", e.xml1->Get(XmlField::STT), "MA_LK", "");
    rep.lines += static_cast<int>(e.xml2.size() + e.xml3.size());
    rep.encounters.push_back(std::move(er));
  }
  // Across encounters of the envelope: overlapping inpatient stays, repeated services.
  std::map<std::string, std::vector<size_t>> by_patient;
  for (size_t i = 0; i < encs.size(); ++i) by_patient[PatientKey(*encs[i].xml1)].push_back(i);
  int64_t window = schema.Rule("TIME-REPEATED-SERVICE").param * 60;
  for (const auto& [patient, idx] : by_patient) {
    for (size_t a = 0; a < idx.size(); ++a) {
      for (size_t b = a + 1; b < idx.size(); ++b) {
        const Record& x = *encs[idx[a]].xml1;
        const Record& y = *encs[idx[b]].xml1;
        if (x.Get(XmlField::MA_LOAI_KCB) == "03" && y.Get(XmlField::MA_LOAI_KCB) == "03" &&
            x.Get(XmlField::MA_LK) != y.Get(XmlField::MA_LK)) {
          auto xi = Minutes12(x.Get(XmlField::NGAY_VAO)), xo = Minutes12(x.Get(XmlField::NGAY_RA));
          auto yi = Minutes12(y.Get(XmlField::NGAY_VAO)), yo = Minutes12(y.Get(XmlField::NGAY_RA));
          if (xi && xo && yi && yo && *xi < *yo && *yi < *xo) {
            ck.Add(rep.encounters[idx[a]], "TIME-OVERLAPPING-STAYS", "XML1", x.Get(XmlField::STT), "NGAY_VAO",
                   "trùng với " + std::string(y.Get(XmlField::MA_LK)));
            ck.Add(rep.encounters[idx[b]], "TIME-OVERLAPPING-STAYS", "XML1", y.Get(XmlField::STT), "NGAY_VAO",
                   "trùng với " + std::string(x.Get(XmlField::MA_LK)));
          }
        }
      }
    }
    // Services (labs, imaging, functional tests) repeated within the window.
    std::vector<std::tuple<std::string, int64_t, size_t, const Record*>> svc;
    for (size_t i : idx)
      for (const auto& r : encs[i].xml3) {
        std::string_view g = r.Get(XmlField::MA_NHOM);
        auto t = Minutes12(r.Get(XmlField::NGAY_YL));
        if ((g == "1" || g == "2" || g == "3") && t && !r.Get(XmlField::MA_DICH_VU).empty())
          svc.emplace_back(r.Get(XmlField::MA_DICH_VU), *t, i, &r);
      }
    std::sort(svc.begin(), svc.end(), [](const auto& a, const auto& b) {
      return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    for (size_t k = 1; k < svc.size(); ++k)
      if (std::get<0>(svc[k]) == std::get<0>(svc[k - 1]) && std::get<1>(svc[k]) - std::get<1>(svc[k - 1]) < window)
        ck.Add(rep.encounters[std::get<2>(svc[k])], "TIME-REPEATED-SERVICE", "XML3",
               std::get<3>(svc[k])->Get(XmlField::STT), "MA_DICH_VU", std::get<0>(svc[k]));
  }
}

}  // namespace bhxh
