#include "eligibility/record_check.h"

#include "base/citation.h"
#include "base/csv.h"
#include "base/parse.h"

namespace bhxh {
namespace {

EligibilityAnswer With(EligibilityAnswer a, const char* code, bool valid, std::string vi, std::string en) {
  a.code = code;
  a.valid = valid;
  a.message_vi = std::move(vi);
  a.message_en = std::move(en);
  return a;
}

// Whether someone born `dob` (possibly a year or a month only) is younger
// than `years` on `d`: a part the record does not know counts in the
// child's favour (born at the end of the year or month).
bool YoungerThan(const PartialDate& dob, int years, Date d) {
  Ymd on = d.ymd();
  int month = dob.month ? dob.month : 12, day = dob.day ? dob.day : 31;
  int age = on.year - dob.year - ((on.month < month || (on.month == month && on.day < day)) ? 1 : 0);
  return age < years;
}

}  // namespace

Result<std::vector<ManagedElsewhere>> LoadManagedElsewhere(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  int g = t.Column("group"), f = t.Column("effective_from"), c = t.Column("code"), m = t.Column("managed_by");
  if (g < 0 || f < 0 || c < 0 || m < 0)
    return Status::Invalid(path, "Cần các cột group, effective_from, code, managed_by", "needs group, effective_from, code, managed_by");
  std::vector<ManagedElsewhere> out;
  int line = 1;
  for (const auto& r : t.rows) {
    std::string where = path + ":" + std::to_string(++line);
    ManagedElsewhere e;
    e.group = r.cells[g];
    BHXH_ASSIGN_OR_RETURN(e.effective_from, Date::Parse(r.cells[f], where));
    e.code = r.cells[c];
    e.managed_by = r.cells[m];
    if (e.group.size() != 2 || (e.code != "001" && e.code != "002"))
      return Status::Invalid(where, "Mã đối tượng 2 chữ, mã kết quả 001 hoặc 002", "a 2-letter group and code 001 or 002");
    out.push_back(std::move(e));
  }
  return out;
}

Result<EligibilityAnswer> CheckCard(const CardIndex& cards, const LawBook& law, const std::vector<ManagedElsewhere>& elsewhere,
                                    const std::function<Result<Db*>()>& open_db, const EligibilityQuery& q) {
  BHXH_ASSIGN_OR_RETURN(EligibilityAnswer a, cards.Check(q));
  const bool by_card = q.id.size() == 15;
  if (by_card && (a.code == "050" || a.code == "051")) {
    // The latest row of the managed-elsewhere list for the group on the date.
    const ManagedElsewhere* hit = nullptr;
    for (const auto& e : elsewhere)
      if (q.id.compare(0, 2, e.group) == 0 && e.effective_from <= a.date && (!hit || hit->effective_from < e.effective_from))
        hit = &e;
    if (hit)
      return With(a, hit->code.c_str(), false, "Thẻ do " + hit->managed_by + " quản lý: tra cứu tại cơ quan này",
                  "a card managed by " + hit->managed_by + " (not in this database)");
  }
  if (by_card && (a.code == "051" || a.code == "052" || a.code == "053")) {
    BHXH_ASSIGN_OR_RETURN(Db * db, open_db());
    BHXH_ASSIGN_OR_RETURN(auto st, db->Prepare(
        "SELECT c.valid_from, c.valid_to, p.cccd FROM hi_cards c JOIN persons p ON p.id = c.person_id WHERE c.code = ? "
        "ORDER BY c.id DESC LIMIT 1"));
    st->Bind(q.id);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row && a.card && a.card->card_code != q.id) {
      BHXH_ASSIGN_OR_RETURN(Date old_to, Date::Parse(st->Text(1), "valid_to"));
      std::string cccd = st->Text(2);
      st->Reset();
      // The person's own checks (name, birth date, withdrawn, death) on the current card first.
      EligibilityQuery by_person = q;
      by_person.id = cccd;
      BHXH_ASSIGN_OR_RETURN(EligibilityAnswer now, cards.Check(by_person));
      if (now.code != "000" && now.code != "010") return now;
      if (a.date > old_to)
        return With(now, "003", now.valid,  // covered, or not, by the new card
                    "Thẻ cũ đã hết giá trị từ " + old_to.ToVi() + "; người tham gia đã được cấp thẻ mới " + now.card->card_code,
                    "the old card expired on " + old_to.ToString() + "; a new card " + now.card->card_code + " was issued");
      return With(now, "004", true,  // the old card is within its dates
                  "Thẻ cũ còn giá trị đến " + old_to.ToVi() + " nhưng đã được cấp thẻ mới " + now.card->card_code + "; dùng thẻ mới",
                  "the old card is valid until " + old_to.ToString() + " but a new card " + now.card->card_code + " was issued");
    }
  }
  if (a.code == "050" && q.id.size() == 12) {
    BHXH_ASSIGN_OR_RETURN(Db * db, open_db());
    BHXH_ASSIGN_OR_RETURN(auto st, db->Prepare("SELECT dob, deceased_on FROM persons WHERE cccd = ?"));
    st->Bind(q.id);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row || !st->IsNull(1)) return a;
    BHXH_ASSIGN_OR_RETURN(PartialDate dob, PartialDate::Parse(st->Text(0), "dob"));
    st->Reset();
    BHXH_ASSIGN_OR_RETURN(LawParam age, law.Param("hi_child_age_years", a.date));
    BHXH_ASSIGN_OR_RETURN(int64_t years, ParseInt(age.value, "hi_child_age_years", 1, 18));
    if (!YoungerThan(dob, static_cast<int>(years), a.date)) return a;
    BHXH_ASSIGN_OR_RETURN(GroupRule te, law.Group("TE", a.date));
    a.code = "130";
    a.valid = true;
    a.level = te.hi_level;
    a.group = "TE";
    if (auto lv = law.Level(te.hi_level, a.date); lv.ok()) a.percent = lv->percent;
    a.message_vi = "Trẻ em dưới " + std::to_string(years) + " tuổi chưa có thẻ BHYT: được khám chữa bệnh bằng giấy khai sinh hoặc số "
                   "định danh (" + CitationVi(age.law) + ")";
    a.message_en = "a child under " + std::to_string(years) + " without a card: insured, treated on the birth certificate or CCCD";
    return a;
  }
  return a;
}

}  // namespace bhxh
