#include "claims/checkin.h"

#include <pugixml.hpp>

#include "base/text.h"
#include "claims/xml130.h"
#include "platform/audit/audit.h"

namespace bhxh {

namespace {

void Err(std::vector<RowError>& e, int row, const std::string& field, const std::string& vi, const std::string& en) {
  e.push_back({row, field, "invalid_input", vi, en});
}

}  // namespace

Result<CheckinResult> ReceiveCheckins(Db& db, const CardIndex& cards, std::string_view xml, const std::string& own_facility,
                                      const Actor& actor) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size()))
    return Status::Invalid("body", "Bảng check-in không phải XML hợp lệ", "the check-in table is not well-formed XML");
  pugi::xpath_node_set rows = doc.select_nodes("//TRANG_THAI_KCB");
  if (rows.empty())
    return Status::Invalid("body", "Không có dòng check-in nào (CHI_TIEU_TRANG_THAI_KCB / TRANG_THAI_KCB, XML0 theo QĐ 4750)",
                           "no check-in rows (TRANG_THAI_KCB of XML0, QĐ 4750)");
  if (rows.size() > 10'000)
    return Status::Invalid("body", "Tối đa 10.000 dòng check-in một lần gửi", "at most 10,000 check-in rows at a time");
  CheckinResult out;
  out.received_at = NowIsoUtc();
  int n = 0;
  for (const auto& node : rows) {
    ++n;
    pugi::xml_node r = node.node();
    auto get = [&](const char* f) { return Trim(r.child_value(f)); };
    Checkin c;
    c.ma_lk = get("MA_LK");
    c.facility = get("MA_CSKCB");
    c.full_name = get("HO_TEN");
    c.cccd = get("SO_CCCD");
    c.patient_group = get("MA_DOITUONG_KCB");
    c.kind = get("MA_LOAI_KCB");
    c.card_code = Trim(Split(get("MA_THE_BHYT"), ';')[0]);
    size_t before = out.errors.size();
    if (c.ma_lk.empty() || c.ma_lk.size() > 100)
      Err(out.errors, n, "MA_LK", "MA_LK bắt buộc, tối đa 100 ký tự", "MA_LK is required, at most 100 characters");
    if (c.facility.size() != 5 || !IsDigits(c.facility))
      Err(out.errors, n, "MA_CSKCB", "MA_CSKCB gồm 5 chữ số", "MA_CSKCB is 5 digits");
    else if (!own_facility.empty() && c.facility != own_facility)
      Err(out.errors, n, "MA_CSKCB", "MA_CSKCB phải là mã cơ sở của người gửi (" + own_facility + ")",
          "MA_CSKCB must be the sender's own facility");
    if (c.full_name.empty() || c.full_name.size() > 255)
      Err(out.errors, n, "HO_TEN", "Họ tên người bệnh bắt buộc, tối đa 255 byte", "HO_TEN is required, at most 255 bytes");
    auto in = Minutes12(get("NGAY_VAO"));
    if (!in)
      Err(out.errors, n, "NGAY_VAO", "NGAY_VAO theo định dạng yyyyMMddHHmm (12 chữ số)", "NGAY_VAO as yyyyMMddHHmm");
    else
      c.admitted_at = *in;
    bool emergency = c.patient_group == "2";
    if (c.card_code.empty() && !emergency)
      Err(out.errors, n, "MA_THE_BHYT", "Thiếu mã thẻ BHYT (chỉ cấp cứu, MA_DOITUONG_KCB = 2, được vào khi chưa có thẻ)",
          "MA_THE_BHYT is required except for an emergency (MA_DOITUONG_KCB 2)");
    if (out.errors.size() != before) continue;
    if (!c.card_code.empty()) {
      Date day = Date::FromDays(static_cast<int32_t>(c.admitted_at / (24 * 60)));
      auto a = cards.Check({c.card_code, c.facility, day.ToString(), c.full_name, ""});
      if (!a.ok()) {
        Err(out.errors, n, "MA_THE_BHYT", a.status().message_vi(), a.status().message_en());
        continue;
      }
      c.card_result = a->code;
      c.card_message = a->message_vi;
    }
    c.received_at = out.received_at;
    c.received_by = actor.id;
    out.rows.push_back(std::move(c));
  }
  if (!out.errors.empty()) {
    out.rows.clear();
    return out;
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
                                     "INSERT INTO claim_checkins (facility, ma_lk, card_code, cccd, full_name, patient_group, kind, "
                                     "admitted_at, card_result, card_message, received_at, received_by) VALUES "
                                     "(?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (facility, ma_lk) DO UPDATE SET card_code = "
                                     "excluded.card_code, cccd = excluded.cccd, full_name = excluded.full_name, patient_group = "
                                     "excluded.patient_group, kind = excluded.kind, admitted_at = excluded.admitted_at, "
                                     "card_result = excluded.card_result, card_message = excluded.card_message, "
                                     "received_at = excluded.received_at, received_by = excluded.received_by"));
  for (const auto& c : out.rows) {
    st->Bind(c.facility, c.ma_lk, c.card_code, c.cccd, c.full_name, c.patient_group, c.kind, c.admitted_at, c.card_result,
             c.card_message, c.received_at, c.received_by);
    BHXH_RETURN_IF_ERROR(st->Run());
    st->Reset();
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "checkin", "claim_checkins", out.rows[0].facility,
                                  std::to_string(out.rows.size()) + " rows"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<Checkin>> ListCheckins(Db& db, const std::vector<std::string>& facilities, Date day, int limit) {
  int64_t from = static_cast<int64_t>(day.days()) * 24 * 60, to = from + 24 * 60;
  std::string sql =
      "SELECT facility, ma_lk, card_code, cccd, full_name, patient_group, kind, admitted_at, card_result, card_message, "
      "received_at, received_by FROM claim_checkins WHERE admitted_at >= ? AND admitted_at < ?";
  if (!facilities.empty()) {
    sql += " AND facility IN (";
    for (size_t i = 0; i < facilities.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
  }
  sql += " ORDER BY admitted_at DESC, ma_lk LIMIT ?";
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  int k = 0;
  st->BindInt(++k, from);
  st->BindInt(++k, to);
  for (const auto& f : facilities) st->BindText(++k, f);
  st->BindInt(++k, limit);
  std::vector<Checkin> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({st->Text(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6), st->Int(7),
                   st->Text(8), st->Text(9), st->Text(10), st->Text(11)});
  }
  return out;
}

}  // namespace bhxh
