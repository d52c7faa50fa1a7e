#include "claims/lookup.h"

#include "base/text.h"

namespace bhxh {
namespace {

// A stored claim and where its lines and findings live: its province and
// month name their partition (on PostgreSQL), so a claim's details are read
// from one partition, not looked for in every month.
struct StoredClaim {
  ReviewedEncounter* e;
  std::string province;
  int64_t month;
};

// Findings and lines of stored claim rows into their encounters.
Status LoadDetails(Db& db, const std::vector<StoredClaim>& claims) {
  for (const auto& [e, province, month] : claims) {
    BHXH_ASSIGN_OR_RETURN(auto f, db.Prepare("SELECT rule, severity, tbl, stt, field, message FROM claim_findings "
                                             "WHERE claim_id = ? AND province = ? AND month = ?"));
    f->Bind(e->claim_id, province, month);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, f->Step());
      if (!row) break;
      e->report.findings.push_back({f->Text(0), f->Text(1), f->Text(2), f->Text(3), f->Text(4), f->Text(5), ""});
    }
    BHXH_ASSIGN_OR_RETURN(auto l, db.Prepare(
        "SELECT tbl, stt, code, group_code, quantity, unit_price, claimed, approved, rejected, reasons FROM claim_lines "
        "WHERE claim_id = ? AND province = ? AND month = ? ORDER BY tbl, stt"));
    l->Bind(e->claim_id, province, month);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, l->Step());
      if (!row) break;
      LineOutcome x;
      x.table = l->Text(0), x.stt = l->Text(1), x.code = l->Text(2), x.group = l->Text(3);
      x.quantity = l->Int(4), x.unit_price = l->Int(5), x.claimed = l->Int(6), x.approved = l->Int(7), x.rejected = l->Int(8);
      for (const auto& r : Split(l->Text(9), ','))
        if (!Trim(r).empty()) x.reasons.push_back(Trim(r));
      e->lines.push_back(std::move(x));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<SubmissionPage> ListSubmissions(Db& db, const std::vector<std::string>& facilities, const std::string& from_day,
                                       const std::string& to_day, int limit, int64_t offset) {
  std::string where = " WHERE 1=1";
  if (!facilities.empty()) {
    where += " AND s.facility IN (";
    for (size_t i = 0; i < facilities.size(); ++i) where += i ? ",?" : "?";
    where += ")";
  }
  if (!from_day.empty()) where += " AND s.received_at >= ?";
  if (!to_day.empty()) where += " AND s.received_at < ?";
  auto bind = [&](Stmt& st) {
    int k = 0;
    for (const auto& f : facilities) st.BindText(++k, f);
    if (!from_day.empty()) st.BindText(++k, from_day);
    if (!to_day.empty()) st.BindText(++k, to_day + "T99");  // through the end of that day
  };
  SubmissionPage page;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*) FROM claim_submissions s" + where));
    bind(*st);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    page.total = row ? st->Int(0) : 0;
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT s.txn, s.facility, s.received_at, s.created_by, s.encounters, s.claimed, s.approved, s.rejected "
      "FROM claim_submissions s" + where + " ORDER BY s.id DESC LIMIT " + std::to_string(std::clamp(limit, 1, 1000)) +
      " OFFSET " + std::to_string(std::max<int64_t>(0, offset))));
  bind(*st);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    page.items.push_back({st->Text(0), st->Text(1), st->Text(2), st->Text(3), st->Int(4), st->Int(5), st->Int(6), st->Int(7)});
  }
  return page;
}

Result<std::string> SubmissionFacility(Db& db, const std::string& txn) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT facility FROM claim_submissions WHERE txn = ?"));
  st->Bind(txn);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("txn", "Không có lần gửi hồ sơ " + txn, "no submission " + txn);
  return st->Text(0);
}

Result<ReviewResult> LoadSubmission(Db& db, const std::string& txn) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, facility, received_at FROM claim_submissions WHERE txn = ?"));
  st->Bind(txn);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("txn", "Không có lần gửi hồ sơ " + txn, "no submission " + txn);
  ReviewResult r;
  int64_t id = st->Int(0);
  r.txn = txn;
  r.facility = st->Text(1);
  r.received_at = st->Text(2);
  r.replayed = true;
  BHXH_ASSIGN_OR_RETURN(auto cs, db.Prepare(
      "SELECT id, ma_lk, version, claimed, approved, rejected, province, month FROM claims WHERE submission_id = ? "
      "ORDER BY id"));
  cs->Bind(id);
  std::vector<std::pair<std::string, int64_t>> at;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool more, cs->Step());
    if (!more) break;
    ReviewedEncounter e;
    e.claim_id = cs->Int(0);
    e.report.ma_lk = cs->Text(1);
    e.version = static_cast<int>(cs->Int(2));
    e.claimed = cs->Int(3), e.approved = cs->Int(4), e.rejected = cs->Int(5);
    r.encounters.push_back(std::move(e));
    at.emplace_back(cs->Text(6), cs->Int(7));
  }
  std::vector<StoredClaim> stored;
  for (size_t i = 0; i < r.encounters.size(); ++i) stored.push_back({&r.encounters[i], at[i].first, at[i].second});
  BHXH_RETURN_IF_ERROR(LoadDetails(db, stored));
  return r;
}

Result<std::vector<ClaimVersion>> ClaimVersions(Db& db, const std::string& facility, const std::string& ma_lk) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT c.id, c.version, c.is_current, s.txn, s.received_at, c.day, c.claimed, c.approved, c.rejected, "
      "c.province, c.month FROM claims c "
      "JOIN claim_submissions s ON s.id = c.submission_id WHERE c.facility = ? AND c.ma_lk = ? ORDER BY c.version"));
  st->Bind(facility, ma_lk);
  std::vector<ClaimVersion> out;
  std::vector<std::pair<std::string, int64_t>> at;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    ClaimVersion v;
    v.review.claim_id = st->Int(0);
    v.version = static_cast<int>(st->Int(1));
    v.current = st->Int(2) != 0;
    v.txn = st->Text(3), v.received_at = st->Text(4), v.day = st->Text(5);
    v.claimed = st->Int(6), v.approved = st->Int(7), v.rejected = st->Int(8);
    v.review.report.ma_lk = ma_lk;
    v.review.version = v.version;
    v.review.claimed = v.claimed, v.review.approved = v.approved, v.review.rejected = v.rejected;
    out.push_back(std::move(v));
    at.emplace_back(st->Text(9), st->Int(10));
  }
  if (out.empty())
    return Status::NotFound("ma_lk", "Cơ sở " + facility + " không có hồ sơ " + ma_lk, "no claim " + ma_lk + " of " + facility);
  std::vector<StoredClaim> stored;
  for (size_t i = 0; i < out.size(); ++i) stored.push_back({&out[i].review, at[i].first, at[i].second});
  BHXH_RETURN_IF_ERROR(LoadDetails(db, stored));
  return out;
}

}  // namespace bhxh
