#include "claims/portal.h"

#include <cstdio>
#include <ctime>

#include <pugixml.hpp>

#include "claims/xml130.h"

namespace bhxh {

namespace {

std::string PortalDate(const PartialDate& d) {
  if (d.day && d.month) return Date::FromYmd(d.year, d.month, d.day).ToVi();
  if (d.month) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%04d", d.month, d.year);
    return buf;
  }
  return std::to_string(d.year);
}

std::string Field(const pugi::xml_document& doc, const char* name) {
  pugi::xpath_node n = doc.select_node((std::string("//") + name).c_str());
  return n ? n.node().child_value() : "";
}

}  // namespace

Result<std::string> PortalDateToIso(const std::string& t, const std::string& field) {
  if (t.size() == 4) {
    BHXH_ASSIGN_OR_RETURN(PartialDate d, PartialDate::Parse(t, field));
    return d.ToString();
  }
  if (t.size() == 10 && t[2] == '/' && t[5] == '/') {
    BHXH_ASSIGN_OR_RETURN(Date d, Date::ParseIsoOrVi(t, field));
    return d.ToString();
  }
  return Status::Invalid(field, field + ": ngày sinh dd/MM/yyyy hoặc năm yyyy, như in trên thẻ",
                         field + ": date of birth as dd/MM/yyyy or a year yyyy, as on the card");
}

Result<std::vector<PastVisit>> RecentVisits(Db& db, const std::string& si_number, int limit) {
  std::vector<PastVisit> out;
  if (si_number.empty()) return out;
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT ma_lk, facility, kind, COALESCE(admitted_at, 0), COALESCE(discharged_at, 0), "
                                            "xml1 FROM claims WHERE patient_key = ? AND is_current = 1 ORDER BY admitted_at "
                                            "DESC, id DESC LIMIT ?"));
  st->BindText(1, "si:" + si_number);
  st->BindInt(2, limit);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    PastVisit v{st->Text(0), st->Text(1), st->Text(2), st->Int(3), st->Int(4), "", "", ""};
    pugi::xml_document doc;
    std::string xml = st->Text(5);
    if (doc.load_buffer(xml.data(), xml.size())) {
      v.diagnosis_code = Field(doc, "MA_BENH_CHINH");
      v.diagnosis = Field(doc, "CHAN_DOAN_RV");
      v.result = Field(doc, "KET_QUA_DTRI");
    }
    out.push_back(std::move(v));
  }
  return out;
}

Json PortalCardAnswer(const EligibilityAnswer& a, const std::vector<PastVisit>& visits) {
  Json j = {{"maKetQua", a.code}, {"ghiChu", a.message_vi}};
  if (a.card) {
    const CardRecord& c = *a.card;
    j["maThe"] = c.card_code;
    j["maSoBHXH"] = c.si_number;
    j["hoTen"] = c.full_name;
    j["ngaySinh"] = PortalDate(c.dob);
    j["gioiTinh"] = c.sex == Sex::kFemale ? "Nữ" : c.sex == Sex::kMale ? "Nam" : "Chưa xác định";
    j["maDKBD"] = c.facility;
    j["gtTheTu"] = c.valid_from.ToVi();
    j["gtTheDen"] = c.valid_to.ToVi();
    j["ngayDu5Nam"] = c.five_year_date ? c.five_year_date->ToVi() : "";
    j["maKV"] = "";  // the residence area (K1–K3) is not held by the record
    j["mucHuong"] = a.level;
  }
  Json h = Json::array();
  for (const auto& v : visits)
    h.push_back({{"maHoSo", v.ma_lk},
                 {"maCSKCB", v.facility},
                 {"ngayVao", Stamp12(v.admitted)},
                 {"ngayRa", Stamp12(v.discharged)},
                 {"maBenh", v.diagnosis_code},
                 {"tenBenh", v.diagnosis},
                 {"kqDieuTri", v.result},
                 {"lyDoVV", v.kind}});
  j["dsLichSuKCB2018"] = h;
  return j;
}

}  // namespace bhxh
