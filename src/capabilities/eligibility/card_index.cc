#include "eligibility/card_index.h"

#include <malloc.h>

#include <algorithm>
#include <cstring>
#include <mutex>

#include "base/text.h"

namespace bhxh {
namespace {

uint64_t Key(std::string_view digits) {
  uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<uint64_t>(c - '0');
  return v;
}

template <typename V>
std::optional<uint32_t> Lookup(const V& sorted, uint64_t key) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(key, uint32_t{0}));
  if (it == sorted.end() || it->first != key) return std::nullopt;
  return it->second;
}

EligibilityAnswer Answer(std::string code, bool valid, std::string vi, std::string en) {
  EligibilityAnswer a;
  a.code = code;
  a.valid = valid;
  a.message_vi = std::move(vi);
  a.message_en = std::move(en);
  return a;
}

}  // namespace

CardIndex::Entry CardIndex::Pack(const CardRecord& r, std::string& arena) {
  Entry e;
  e.cccd = Key(r.cccd);
  e.si = r.si_number.empty() ? 0 : Key(r.si_number);
  std::memcpy(e.group, r.card_code.data(), 2);
  e.level = static_cast<uint8_t>(r.card_code[2] - '0');
  std::memcpy(e.province, r.card_code.data() + 3, 2);
  e.sex = static_cast<uint8_t>(r.sex);
  e.withdrawn = r.withdrawn;
  if (r.decrease_code.size() == 3 && r.decrease_code.compare(0, 2, "12") == 0 && r.decrease_code[2] >= '1' &&
      r.decrease_code[2] <= '4')
    e.decrease = static_cast<uint8_t>(r.decrease_code[2] - '0');
  e.valid_from = r.valid_from.days();
  e.valid_to = r.valid_to.days();
  if (r.five_year_date) e.five_year = r.five_year_date->days();
  if (r.deceased_on) e.deceased = r.deceased_on->days();
  e.facility = static_cast<uint32_t>(Key(r.facility));
  e.dob_year = static_cast<int16_t>(r.dob.year);
  e.dob_month = static_cast<int8_t>(r.dob.month);
  e.dob_day = static_cast<int8_t>(r.dob.day);
  e.name_off = static_cast<uint32_t>(arena.size());
  e.name_len = static_cast<uint16_t>(std::min<size_t>(r.full_name.size(), 65535));
  arena.append(r.full_name, 0, e.name_len);
  return e;
}

CardRecord CardIndex::Unpack(const Entry& e, const std::string& arena) const {
  CardRecord r;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%012llu", static_cast<unsigned long long>(e.cccd));
  r.cccd = buf;
  if (e.si) {
    std::snprintf(buf, sizeof buf, "%010llu", static_cast<unsigned long long>(e.si));
    r.si_number = buf;
  }
  r.full_name = arena.substr(e.name_off, e.name_len);
  r.dob = {e.dob_year, e.dob_month, e.dob_day};
  r.sex = static_cast<Sex>(e.sex);
  if (e.deceased != INT32_MAX) r.deceased_on = Date::FromDays(e.deceased);
  r.card_code = std::string(e.group, 2) + std::to_string(e.level) + std::string(e.province, 2) + r.si_number;
  r.valid_from = Date::FromDays(e.valid_from);
  r.valid_to = Date::FromDays(e.valid_to);
  std::snprintf(buf, sizeof buf, "%05u", e.facility);
  r.facility = buf;
  if (e.five_year != INT32_MIN) r.five_year_date = Date::FromDays(e.five_year);
  r.withdrawn = e.withdrawn;
  if (e.decrease) r.decrease_code = "12" + std::to_string(e.decrease);
  return r;
}

void CardIndex::Build(std::vector<CardRecord> records) {
  std::vector<Entry> entries;
  std::string arena;
  entries.reserve(records.size());
  for (const auto& r : records) entries.push_back(Pack(r, arena));
  records.clear();
  records.shrink_to_fit();
  std::vector<std::pair<uint64_t, uint32_t>> bc, bs;
  bc.reserve(entries.size());
  bs.reserve(entries.size());
  for (uint32_t i = 0; i < entries.size(); ++i) {
    bc.emplace_back(entries[i].cccd, i);
    if (entries[i].si) bs.emplace_back(entries[i].si, i);
  }
  std::sort(bc.begin(), bc.end());
  std::sort(bs.begin(), bs.end());
  // Later records for the same person win: keep the last of equal keys.
  auto dedupe = [](std::vector<std::pair<uint64_t, uint32_t>>& v) {
    std::vector<std::pair<uint64_t, uint32_t>> out;
    out.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i)
      if (i + 1 == v.size() || v[i + 1].first != v[i].first) out.push_back(v[i]);
    v.swap(out);
  };
  dedupe(bc);
  dedupe(bs);
  std::unique_lock lock(mu_);
  entries_.swap(entries);
  by_cccd_.swap(bc);
  by_si_.swap(bs);
  arena_.swap(arena);
  overlay_cccd_.clear();
  overlay_si_.clear();
  overlay_arena_.clear();
  lock.unlock();
  // The records were many small strings; give their pages back to the OS so
  // resident memory reflects the index, not the load.
  malloc_trim(0);
}

namespace {
constexpr const char* kCardSql =
    "SELECT p.cccd, p.si_number, p.full_name, p.dob, p.sex, p.deceased_on, c.code, c.valid_from, c.valid_to, "
    "c.facility, c.five_year_date, c.status, c.decrease_code FROM hi_cards c JOIN persons p ON p.id = c.person_id ";

// Reads the cards of a statement's rows; a person's last row is the card in force.
Status ReadCards(Stmt& st, std::vector<CardRecord>& recs) {
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    CardRecord r;
    r.cccd = st.Text(0);
    r.si_number = st.IsNull(1) ? "" : st.Text(1);
    r.full_name = st.Text(2);
    BHXH_ASSIGN_OR_RETURN(r.dob, PartialDate::Parse(st.Text(3), "dob"));
    r.sex = static_cast<Sex>(st.Int(4));
    if (!st.IsNull(5)) {
      BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st.Text(5), "deceased_on"));
      r.deceased_on = d;
    }
    r.card_code = st.Text(6);
    BHXH_ASSIGN_OR_RETURN(r.valid_from, Date::Parse(st.Text(7), "valid_from"));
    BHXH_ASSIGN_OR_RETURN(r.valid_to, Date::Parse(st.Text(8), "valid_to"));
    r.facility = st.Text(9);
    if (!st.IsNull(10)) {
      BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st.Text(10), "five_year_date"));
      r.five_year_date = d;
    }
    r.withdrawn = st.Text(11) == "withdrawn";
    if (!st.IsNull(12)) r.decrease_code = st.Text(12);
    if (r.card_code.size() != 15 || r.si_number.size() != 10) continue;
    recs.push_back(std::move(r));
  }
  return Status::Ok();
}
}  // namespace

Status CardIndex::Load(Db& db) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string(kCardSql) + "ORDER BY p.id, c.valid_to, c.id"));
  std::vector<CardRecord> recs;
  BHXH_RETURN_IF_ERROR(ReadCards(*st, recs));
  Build(std::move(recs));
  return Status::Ok();
}

Status CardIndex::Refresh(Db& db, const std::string& cccd) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string(kCardSql) + "WHERE p.cccd = ? ORDER BY c.valid_to, c.id"));
  st->Bind(cccd);
  std::vector<CardRecord> recs;
  BHXH_RETURN_IF_ERROR(ReadCards(*st, recs));
  if (!recs.empty()) Upsert(recs.back());
  return Status::Ok();
}

void CardIndex::Upsert(const CardRecord& r) {
  std::unique_lock lock(mu_);
  Entry e = Pack(r, overlay_arena_);
  overlay_cccd_[e.cccd] = e;
  if (e.si) overlay_si_[e.si] = e.cccd;
}

size_t CardIndex::size() const {
  std::shared_lock lock(mu_);
  return by_cccd_.size() + overlay_cccd_.size();
}

size_t CardIndex::MemoryBytes() const {
  std::shared_lock lock(mu_);
  return entries_.capacity() * sizeof(Entry) + (by_cccd_.capacity() + by_si_.capacity()) * 16 + arena_.capacity() +
         overlay_arena_.capacity() + overlay_cccd_.size() * (sizeof(Entry) + 32);
}

const CardIndex::Entry* CardIndex::Find(uint64_t key, bool by_si, const std::string** arena) const {
  if (by_si) {
    auto o = overlay_si_.find(key);
    if (o != overlay_si_.end()) key = o->second, by_si = false;
  }
  if (!by_si) {
    auto o = overlay_cccd_.find(key);
    if (o != overlay_cccd_.end()) {
      *arena = &overlay_arena_;
      return &o->second;
    }
  }
  auto idx = Lookup(by_si ? by_si_ : by_cccd_, key);
  if (!idx) return nullptr;
  *arena = &arena_;
  return &entries_[*idx];
}

Result<EligibilityAnswer> CardIndex::Check(const EligibilityQuery& q) const {
  Date date = Date::Today();
  if (!q.date.empty()) {
    BHXH_ASSIGN_OR_RETURN(date, Date::Parse(q.date, "date"));
  }
  if (!q.facility.empty() && (q.facility.size() != 5 || !IsDigits(q.facility)))
    return Status::Invalid("facility", "Mã cơ sở KCB phải gồm 5 chữ số", "facility code must be 5 digits");
  std::optional<CardCode> given;
  uint64_t key = 0;
  bool by_si = false;
  if (q.id.size() == 12 && IsDigits(q.id)) {
    key = Key(q.id);
  } else if (q.id.size() == 10 && IsDigits(q.id)) {
    key = Key(q.id);
    by_si = true;
  } else if (q.id.size() == 15) {
    auto c = ParseCardCode(q.id, "id");
    if (!c.ok()) {
      EligibilityAnswer a = Answer("051", false, "Mã thẻ không đúng: " + c.status().message_vi(),
                                   "wrong card code: " + c.status().message_en());
      a.date = date;
      return a;
    }
    given = *c;
    key = Key(c->si_number);
    by_si = true;
  } else {
    return Status::Invalid("id", "Cần số định danh (12 số), mã số BHXH (10 số) hoặc mã thẻ BHYT (15 ký tự)",
                           "id must be a CCCD (12 digits), SI number (10 digits) or card code (15 characters)");
  }
  std::optional<PartialDate> dob;
  if (!q.dob.empty()) {
    BHXH_ASSIGN_OR_RETURN(PartialDate d, PartialDate::Parse(q.dob, "dob"));
    dob = d;
  }
  std::string name_key;
  if (!q.full_name.empty()) {
    BHXH_ASSIGN_OR_RETURN(name_key, FoldForSearch(q.full_name));
  }

  std::shared_lock lock(mu_);
  const std::string* arena = nullptr;
  const Entry* e = Find(key, by_si, &arena);
  if (!e) {
    EligibilityAnswer a = Answer("050", false, "Không có thông tin thẻ", "no card data");
    a.date = date;
    return a;
  }
  const Entry ent = *e;  // copy: a reload may swap the vectors once unlocked
  CardRecord rec = Unpack(ent, *arena);
  lock.unlock();

  EligibilityAnswer a;
  a.date = date;
  auto finish = [&](EligibilityAnswer x) {
    x.date = date;
    x.card = rec;
    x.group = std::string(ent.group, 2);
    x.level = ent.level;
    auto lv = law_.Level(ent.level, date);
    if (lv.ok()) x.percent = lv->percent;
    x.registered_here = !q.facility.empty() && q.facility == rec.facility;
    x.five_years_reached = rec.five_year_date && *rec.five_year_date <= date;
    return x;
  };
  if (given) {
    if (given->level != ent.level)
      return finish(Answer("053", false, "Sai mã mức hưởng (ký tự thứ 3)", "wrong benefit digit (char 3)"));
    if (given->province != std::string(ent.province, 2))
      return finish(Answer("052", false, "Sai mã tỉnh (ký tự thứ 4-5)", "wrong province (chars 4-5)"));
    if (given->group != std::string(ent.group, 2))
      return finish(Answer("051", false, "Mã thẻ không đúng (mã đối tượng)", "wrong card code (group)"));
  }
  if (!name_key.empty()) {
    auto stored = FoldForSearch(rec.full_name);
    if (!stored.ok() || *stored != name_key) {
      // 061: the name differs but begins with the right letter (a typing
      // slip rather than another person).
      if (stored.ok() && !stored->empty() && stored->front() == name_key.front())
        return finish(Answer("061", false, "Sai họ tên (đúng ký tự đầu)", "wrong name (first letter right)"));
      return finish(Answer("060", false, "Sai họ tên", "wrong name"));
    }
  }
  if (dob && !dob->Matches(rec.dob)) return finish(Answer("070", false, "Sai ngày sinh", "wrong date of birth"));
  if (rec.withdrawn) return finish(Answer("110", false, "Thẻ đã bị thu hồi", "card withdrawn"));
  if (rec.deceased_on && *rec.deceased_on < date)
    return finish(Answer("120", false,
                         "Thẻ đã báo giảm (người tham gia đã chết ngày " + rec.deceased_on->ToString() + ")",
                         "reported decreased: holder died on " + rec.deceased_on->ToString()));
  if (ent.decrease && date > rec.valid_to) {
    static const char* kReasonVi[] = {"", "chuyển ngoại tỉnh", "chuyển nội tỉnh", "do tăng lại cùng đơn vị", "ngừng tham gia"};
    static const char* kReasonEn[] = {"", "moved to another province", "moved within the province",
                                      "re-joined the same employer", "stopped participating"};
    const Date from = rec.valid_to.AddDays(1);
    return finish(Answer(rec.decrease_code, false,
                         std::string("Thẻ đã báo giảm ") + kReasonVi[ent.decrease] + ", hết giá trị từ ngày " + from.ToVi(),
                         std::string("reported decreased (") + kReasonEn[ent.decrease] + "), not valid from " +
                             from.ToString()));
  }
  if (date > rec.valid_to)
    return finish(Answer("010", false, "Thẻ hết giá trị sử dụng từ " + rec.valid_to.ToVi(),
                         "card expired on " + rec.valid_to.ToString()));
  if (date < rec.valid_from)
    return finish(Answer("010", false, "Thẻ chưa đến thời hạn sử dụng (từ " + rec.valid_from.ToVi() + ")",
                         "card not valid until " + rec.valid_from.ToString()));
  return finish(Answer("000", true, "Thẻ còn giá trị sử dụng", "card valid"));
}

}  // namespace bhxh
