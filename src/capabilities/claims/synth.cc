#include "claims/synth.h"

#include <cstdio>
#include <map>

#include "base/money.h"
#include "claims/envelope.h"

namespace bhxh {

const std::vector<std::pair<std::string, std::string>> kSynthDefects = {
    {"line_price", "ARITH-LINE-BV"},       {"total", "ARITH-TOTAL"},
    {"benefit", "BENEFIT-LEVEL"},          {"order_before_admission", "TIME-ORDER-BEFORE-ADMISSION"},
    {"expired_card", "CARD-NOT-VALID"},    {"bed_days", "TIME-BED-DAYS"},
    {"exam_fee", "EXAM-FEE-RATE"},         {"no_performer", "PERFORMER-REQUIRED"},
    {"overlap", "TIME-OVERLAPPING-STAYS"}, {"bad_date", "FMT-TYPE"},
};

namespace {

uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::string Money(int64_t milli) {  // thousandths → "1234.50"
  char buf[40];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(milli / 1000),
                static_cast<long long>((milli % 1000) / 10));
  return buf;
}

std::string When(Date d, int hh, int mm) {
  auto y = d.ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d", y.year, y.month, y.day, hh, mm);
  return buf;
}

std::string Ymd8(Date d) {
  auto y = d.ymd();
  char buf[12];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y.year, y.month, y.day);
  return buf;
}

struct Line {
  bool drug;
  std::map<std::string, std::string> f;
  int64_t bv = 0, bh = 0, bhtt = 0, bncct = 0;
};

std::string Xml(const std::string& tag, const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string s = "<" + tag + ">";
  for (const auto& [k, v] : fields) s += "<" + k + ">" + v + "</" + k + ">";
  return s + "</" + tag + ">";
}

}  // namespace

std::vector<CardRecord> SynthCards(int count, Date day, const std::string& facility) {
  std::vector<CardRecord> recs;
  recs.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    CardRecord r;
    char si[16];
    std::snprintf(si, sizeof si, "01%08d", i);
    r.si_number = si;
    r.cccd = "001085" + std::string(si).substr(4);  // as SynthEnvelope writes SO_CCCD
    r.full_name = "Nguyễn Văn An";
    r.dob = {1985, 3, 2};
    r.card_code = std::string("DN401") + si;
    r.valid_from = Date::FromYmd(day.year(), 1, 1);
    r.valid_to = Date::FromYmd(day.year(), 12, 31);
    r.facility = facility;
    recs.push_back(std::move(r));
  }
  return recs;
}

SynthCatalogue SynthCatalogueFor(const std::vector<std::string>& facilities, Date from, Date to, bool national_mix) {
  SynthCatalogue c{"facility,drug_code,name,tt_thau,unit_price,valid_from,valid_to\n",
                   "facility,service_code,name,group_code,unit_price,valid_from,valid_to\n"};
  std::string range = "," + from.ToString() + "," + to.ToString() + "\n";
  for (const std::string& f : facilities) {
    std::string bid = "QĐ " + f + ";G1;N4;" + std::to_string(to.year());
    // Paracetamol is claimed at 450-1,050 VND, amoxicillin at 1,200 (see SynthEnvelope).
    c.drugs_csv += f + ",40.17,Paracetamol 500mg," + bid + ",1100" + range;
    c.drugs_csv += f + ",40.678,Amoxicillin 500mg," + bid + ",1200" + range;
    c.services_csv += f + ",02.1896,Khám Nội,13,38700" + range;
    c.services_csv += f + ",02.1897,Khám Tai Mũi Họng,13,38700" + range;
    c.services_csv += f + ",22.0120.1370,Tổng phân tích tế bào máu,1,46200" + range;
    c.services_csv += f + ",K01.1911,Giường Nội khoa loại 1,15,199100" + range;
    if (!national_mix) continue;
    for (const char* d : {"40.15,Omeprazol 20mg,900", "40.1010,Vitamin B1 250mg,300", "40.338,Loratadin 10mg,700",
                          "40.990,Natri clorid 0.9% 500ml,9000", "40.170,Ceftriaxon 1g,25000"}) {
      std::string row(d);
      size_t cut = row.rfind(',');
      c.drugs_csv += f + "," + row.substr(0, cut) + "," + bid + row.substr(cut) + range;
    }
    c.services_csv += f + ",23.0075.1494,Định lượng Glucose [Máu],1,21500" + range;
    c.services_csv += f + ",23.0020.1494,Định lượng Creatinin [Máu],1,21500" + range;
    c.services_csv += f + ",23.0166.1596,Điện giải đồ (Na+ K+ Cl-),1,29000" + range;
    c.services_csv += f + ",18.0119.0028,Chụp X-quang ngực thẳng,2,65400" + range;
  }
  return c;
}

std::string SynthEnvelope(const LawBook& law, const SynthOptions& opt) {
  std::map<int, std::vector<std::string>> defects;
  for (const auto& d : opt.defects) defects[d.encounter].push_back(d.kind);
  auto has = [&](int i, const char* k) {
    for (const auto& x : defects[i])
      if (x == k) return true;
    return false;
  };
  // The low-cost threshold (15% of the reference level) in thousandths of a dong.
  int64_t low_cost = 0;
  auto ref = law.Amount("reference_level", opt.day);
  auto thr = law.Percent("hi_low_cost_threshold", opt.day);
  if (ref.ok() && thr.ok()) low_cost = ApplyRate(*ref, *thr) * 1000;
  std::string hoso;
  for (int i = 0; i < opt.encounters; ++i) {
    uint64_t r = Mix(opt.seed * 1'000'003 + static_cast<uint64_t>(i));
    bool inpatient = has(i, "bed_days") || has(i, "overlap") || (r % 4 == 0);
    // "overlap" pairs encounter i with the same patient as encounter i-1's partner: use a shared card.
    int patient = has(i, "overlap") ? 90000000 : opt.patient_offset + i;
    char si[16];
    std::snprintf(si, sizeof si, "01%08d", patient);
    std::string card = std::string("DN4") + "01" + si;
    const SynthPatient* real =
        opt.patients.empty() ? nullptr : &opt.patients[static_cast<size_t>(i) % opt.patients.size()];
    if (real) {
      std::snprintf(si, sizeof si, "%s", real->si_number.c_str());
      card = real->card_code;
    }
    Date in_day = opt.day.AddDays(-(inpatient ? 4 : 0));
    Date out_day = opt.day;
    std::string ma_lk = opt.ma_lk_prefix + std::to_string(opt.seed) + "-" + std::to_string(i);
    int days = inpatient ? out_day.days() - in_day.days() + 1 : 0;
    std::vector<Line> lines;
    auto add_line = [&](bool drug, const std::string& code, const std::string& name, int group, int64_t qty,
                        int64_t price, int rate_dv, Date when, int hh) {
      Line l;
      l.drug = drug;
      l.bv = qty * price * 1000 * rate_dv / 100;
      l.bh = l.bv;  // in scope, TYLE_TT_BH 100
      l.f = {{"MA_NHOM", std::to_string(group)},
             {"PHAM_VI", "1"},
             {"TYLE_TT_BH", "100"},
             {"SO_LUONG", std::to_string(qty)},
             {"NGAY_YL", When(when, hh, 0)},
             {"MA_KHOA", "K01"},
             {"MA_BAC_SI", "000123/HNO-CCHN"}};
      if (drug) {
        l.f["MA_THUOC"] = code;
        l.f["TEN_THUOC"] = name;
        l.f["DON_GIA"] = std::to_string(price);
        l.f["DON_VI_TINH"] = "Viên";
      } else {
        l.f["MA_DICH_VU"] = code;
        l.f["TEN_DICH_VU"] = name;
        l.f["DON_GIA_BV"] = std::to_string(price);
        l.f["DON_GIA_BH"] = std::to_string(price);
        l.f["TYLE_TT_DV"] = std::to_string(rate_dv);
        if (group == 1 || group == 2 || group == 3 || group == 8 || group == 18) {
          l.f["NGUOI_THUC_HIEN"] = "000456/HNO-CCHN";
          l.f["NGAY_TH_YL"] = When(when, hh, 30);
          l.f["NGAY_KQ"] = When(when, hh + 1, 0);
        }
      }
      lines.push_back(std::move(l));
    };
    add_line(false, "02.1896", "Khám Nội", 13, 1, 38'700, 100, in_day, 8);
    if (has(i, "exam_fee")) add_line(false, "02.1897", "Khám Tai Mũi Họng", 13, 1, 38'700, 100, in_day, 9);
    int64_t qp = opt.quantity_percent;
    add_line(true, "40.17", "Paracetamol 500mg", 4, (10 + static_cast<int64_t>(r % 20)) * qp / 100,
             450 + static_cast<int64_t>(r % 7) * 100, 100, in_day, 8);
    add_line(true, "40.678", "Amoxicillin 500mg", 4, 14 * qp / 100, 1'200, 100, in_day, 8);
    if (!has(i, "overlap")) add_line(false, "22.0120.1370", "Tổng phân tích tế bào máu", 1, 1, 46'200, 100, in_day, 9);
    if (inpatient) {
      int bed_days = has(i, "bed_days") ? days + 2 : days;
      add_line(false, "K01.1911", "Giường Nội khoa loại 1", 15, bed_days, 199'100, 100, in_day.AddDays(1), 7);
    }
    if (opt.national_mix) {  // outpatient 9 1/3 lines, inpatient 13 1/3: 10 1/3 on average
      add_line(true, "40.15", "Omeprazol 20mg", 4, 14 * qp / 100, 900, 100, in_day, 8);
      add_line(true, "40.1010", "Vitamin B1 250mg", 4, 20 * qp / 100, 300, 100, in_day, 8);
      add_line(true, "40.338", "Loratadin 10mg", 4, 10 * qp / 100, 700, 100, in_day, 8);
      add_line(false, "23.0075.1494", "Định lượng Glucose [Máu]", 1, 1, 21'500, 100, in_day, 9);
      add_line(false, "23.0020.1494", "Định lượng Creatinin [Máu]", 1, 1, 21'500, 100, in_day, 9);
      if (r % 3 == 0) add_line(false, "18.0119.0028", "Chụp X-quang ngực thẳng", 2, 1, 65'400, 100, in_day, 10);
      if (inpatient) {
        add_line(true, "40.990", "Natri clorid 0.9% 500ml", 4, 2 * days, 9'000, 100, in_day, 8);
        add_line(true, "40.170", "Ceftriaxon 1g", 4, 2 * days, 25'000, 100, in_day, 8);
        add_line(false, "23.0166.1596", "Điện giải đồ (Na+ K+ Cl-)", 1, 1, 29'000, 100, in_day.AddDays(1), 9);
      }
    }
    if (has(i, "no_performer")) {
      for (auto& l : lines)
        if (l.f["MA_NHOM"] == "1") l.f.erase("NGUOI_THUC_HIEN");
    }
    int64_t total_bh = 0;
    for (const auto& l : lines) total_bh += l.bh;
    int level_pct = 80;
    if (auto lv = law.Level(card[2] - '0', in_day); lv.ok()) level_pct = static_cast<int>(lv->percent / 10'000);
    int muc = total_bh < low_cost ? 100 : level_pct;
    if (has(i, "benefit")) muc = 95;  // a level the card does not give, with amounts consistent with it
    for (auto& l : lines) {
      l.bhtt = l.bh * muc / 100;
      l.bncct = l.bh - l.bhtt;
      l.f["MUC_HUONG"] = std::to_string(muc);
    }
    if (has(i, "line_price")) lines[1].f["THANH_TIEN_BV_BUMP"] = "1";
    if (has(i, "order_before_admission")) lines[1].f["NGAY_YL"] = When(in_day.AddDays(-1), 7, 0);

    int64_t sum_bv = 0, sum_bh = 0, sum_bhtt = 0, sum_bncct = 0, drugs = 0;
    std::string x2 = "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC>",
                x3 = "<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT>";
    int stt2 = 0, stt3 = 0;
    for (auto& l : lines) {
      int64_t bv_claimed = l.bv + (l.f.count("THANH_TIEN_BV_BUMP") ? 5'000'000 : 0);
      l.f.erase("THANH_TIEN_BV_BUMP");
      sum_bv += bv_claimed;
      sum_bh += l.bh;
      sum_bhtt += l.bhtt;
      sum_bncct += l.bncct;
      if (l.drug) drugs += bv_claimed;
      std::vector<std::pair<std::string, std::string>> f = {{"MA_LK", ma_lk},
                                                            {"STT", std::to_string(l.drug ? ++stt2 : ++stt3)}};
      for (const auto& [k, v] : l.f) f.emplace_back(k, v);
      f.emplace_back("THANH_TIEN_BV", Money(bv_claimed));
      f.emplace_back("THANH_TIEN_BH", Money(l.bh));
      f.emplace_back("T_BNTT", Money(bv_claimed - l.bh));
      f.emplace_back("T_BNCCT", Money(l.bncct));
      f.emplace_back("T_BHTT", Money(l.bhtt));
      (l.drug ? x2 : x3) += Xml(l.drug ? "CHI_TIET_THUOC" : "CHI_TIET_DVKT", f);
    }
    x2 += "</DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";
    x3 += "</DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>";
    Date card_from = Date::FromYmd(in_day.year(), 1, 1), card_to = Date::FromYmd(in_day.year(), 12, 31);
    if (real) {
      card_from = *Date::Parse(real->card_from, "from");
      card_to = *Date::Parse(real->card_to, "to");
    }
    if (has(i, "expired_card")) {
      card_from = Date::FromYmd(in_day.year() - 1, 1, 1);
      card_to = Date::FromYmd(in_day.year() - 1, 12, 31);
    }
    int64_t total_bv_claimed = sum_bv + (has(i, "total") ? 10'000'000 : 0);
    std::vector<std::pair<std::string, std::string>> s = {
        {"MA_LK", ma_lk},
        {"STT", std::to_string(i + 1)},
        {"MA_BN", "BN" + std::string(si)},
        {"HO_TEN", real ? real->full_name : "Nguyễn Văn An"},
        {"SO_CCCD", real ? real->cccd : "001085" + std::string(si).substr(4)},
        {"NGAY_SINH", real ? real->dob12 : "198503020000"},
        {"GIOI_TINH", real ? real->sex : "1"},
        {"MA_THE_BHYT", card},
        {"MA_DKBD", real ? real->registered : opt.facility},
        {"GT_THE_TU", Ymd8(card_from)},
        {"GT_THE_DEN", Ymd8(card_to)},
        {"MA_BENH_CHINH", inpatient ? "J18.9" : "J06.9"},
        {"MA_BENH_KT", "I10;E11.9"},
        {"MA_DOITUONG_KCB", "1.1"},
        {"NGAY_VAO", has(i, "bad_date") ? "202613200800" : When(in_day, 7, 30)},
        {"NGAY_RA", When(out_day, 16, 0)},
        {"SO_NGAY_DTRI", std::to_string(days)},
        {"KET_QUA_DTRI", "1"},
        {"MA_LOAI_RV", "1"},
        {"T_THUOC", Money(drugs)},
        {"T_VTYT", Money(0)},
        {"T_TONGCHI_BV", Money(total_bv_claimed)},
        {"T_TONGCHI_BH", Money(sum_bh)},
        {"T_BNTT", Money(sum_bv - sum_bh)},
        {"T_BNCCT", Money(sum_bncct)},
        {"T_BHTT", Money(sum_bhtt)},
        {"T_NGUONKHAC", Money(0)},
        {"NAM_QT", std::to_string(out_day.year())},
        {"THANG_QT", std::to_string(out_day.ymd().month)},
        {"MA_LOAI_KCB", inpatient ? "03" : "01"},
        {"MA_CSKCB", opt.facility},
        {"MA_KHOA", "K01"}};
    if (inpatient) s.emplace_back("NGAY_VAO_NOI_TRU", When(in_day, 9, 0));
    std::string x1 = Xml("TONG_HOP", s);
    auto file = [](const char* type, const std::string& xml) {
      return std::string("<FILEHOSO><LOAIHOSO>") + type + "</LOAIHOSO><NOIDUNGFILE>" +
             EncodeBase64("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + xml) + "</NOIDUNGFILE></FILEHOSO>";
    };
    hoso += "<HOSO>" + file("XML1", x1) + file("XML2", x2) + file("XML3", x3) + "</HOSO>";
  }
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?><GIAMDINHHS><THONGTINDONVI><MACSKCB>" + opt.facility +
         "</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>" + Ymd8(opt.day) + "</NGAYLAP><SOLUONGHOSO>" +
         std::to_string(opt.encounters) + "</SOLUONGHOSO><DANHSACHHOSO>" + hoso +
         "</DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>";
}

Result<std::vector<SynthPatient>> LoadSynthPatients(Db& db, Date day, const std::string& province, int limit) {
  std::string sql =
      "SELECT p.si_number, p.cccd, p.full_name, p.dob, p.sex, c.code, c.valid_from, c.valid_to, c.facility FROM hi_cards "
      "c JOIN persons p ON p.id = c.person_id WHERE p.deceased_on IS NULL AND c.status = 'active' AND c.valid_from <= ? "
      "AND c.valid_to >= ?";
  if (!province.empty()) sql += " AND substr(c.code, 4, 2) = ?";
  sql += " ORDER BY c.id LIMIT " + std::to_string(std::max(1, limit));
  BHXH_ASSIGN_OR_RETURN(auto q, db.Prepare(sql));
  q->Bind(day.ToString(), day.ToString());
  if (!province.empty()) q->BindText(3, province);
  std::vector<SynthPatient> pats;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    std::string dob = q->Text(3);
    std::string dob12 = dob.substr(0, 4) + (dob.size() >= 7 ? dob.substr(5, 2) : "00") +
                        (dob.size() >= 10 ? dob.substr(8, 2) : "00") + "0000";
    pats.push_back(
        {q->Text(0), q->Text(1), q->Text(2), dob12, q->Text(4), q->Text(5), q->Text(6), q->Text(7), q->Text(8)});
  }
  if (pats.empty())
    return Status::NotFound("hi_cards",
                            "Không có thẻ BHYT còn hạn ngày " + day.ToVi() + " để tạo hồ sơ mẫu",
                            "no card valid on " + day.ToString() + " to build claims on");
  return pats;
}

}  // namespace bhxh
