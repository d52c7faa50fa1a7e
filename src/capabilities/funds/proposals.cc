#include "funds/proposals.h"

#include <algorithm>

#include "platform/jsonio/json.h"

namespace bhxh {

namespace {

std::string LinesJson(const EntryInput& in) {
  Json lines = Json::array();
  for (const auto& l : in.lines)
    lines.push_back({{"account", l.account}, {"fund", l.fund}, {"province", l.province}, {"debit", l.debit}, {"credit", l.credit}});
  return DumpJson(lines);
}

Result<std::vector<PostingLine>> LinesFrom(const std::string& text) {
  BHXH_ASSIGN_OR_RETURN(Json j, ParseJson(text, 8));
  std::vector<PostingLine> out;
  for (const auto& l : j)
    out.push_back({l.value("account", ""), l.value("fund", ""), l.value("province", ""), l.value("debit", Vnd{0}),
                   l.value("credit", Vnd{0})});
  return out;
}

constexpr const char* kCols =
    "id, status, posted_on, description, lines, total, prepared_by, prepared_at, COALESCE(decided_by, ''), "
    "COALESCE(decided_at, ''), COALESCE(note, ''), entry_id, idempotency_key, reverses, COALESCE(reason, '')";

Result<FundProposal> Read(Stmt& st) {
  FundProposal p;
  p.id = st.Int(0);
  p.status = st.Text(1);
  BHXH_ASSIGN_OR_RETURN(p.input.posted_on, Date::ParseIsoOrVi(st.Text(2), "posted_on"));
  p.input.description = st.Text(3);
  BHXH_ASSIGN_OR_RETURN(p.input.lines, LinesFrom(st.Text(4)));
  p.total = st.Int(5);
  p.prepared_by = st.Text(6);
  p.prepared_at = st.Text(7);
  p.decided_by = st.Text(8);
  p.decided_at = st.Text(9);
  p.note = st.Text(10);
  if (!st.IsNull(11)) p.entry_id = st.Int(11);
  p.input.idempotency_key = st.Text(12);
  if (!st.IsNull(13)) p.reverses = st.Int(13);
  p.reason = st.Text(14);
  return p;
}

Result<FundProposal> Load(Db& db, int64_t id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCols + " FROM fund_proposals WHERE id = ?"));
  st->BindInt(1, id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("id", "Không có đề xuất bút toán số " + std::to_string(id), "no proposal " + std::to_string(id));
  return Read(*st);
}

// Stores a validated proposal, or returns the one stored under its key.
Result<FundProposal> Store(Db& db, const EntryInput& in, std::optional<int64_t> reverses, const std::string& reason,
                           const Actor& by) {
  if (in.idempotency_key.empty())
    return Status::Error("missing_field", "Idempotency-Key", "Cần khoá chống gửi trùng", "an idempotency key is required");
  BHXH_RETURN_IF_ERROR(RequireOpen(db, Month::OfDate(in.posted_on)));
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCols + " FROM fund_proposals WHERE idempotency_key = ?"));
    st->BindText(1, in.idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      BHXH_ASSIGN_OR_RETURN(FundProposal p, Read(*st));
      if (LinesJson(p.input) != LinesJson(in) || p.input.posted_on != in.posted_on || p.reverses != reverses)
        return Status::Error("idempotency_conflict", "Idempotency-Key", "Khoá đã dùng cho một bút toán khác",
                             "the key was used for another entry");
      p.replayed = true;
      return p;
    }
  }
  Vnd total = 0;
  for (const auto& l : in.lines) total += l.debit;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO fund_proposals (status, posted_on, description, lines, total, prepared_by, "
                                            "prepared_at, idempotency_key, reverses, reason) VALUES ('pending',?,?,?,?,?,?,?,?,?) "
                                            "RETURNING id"));
  st->Bind(in.posted_on.ToString(), in.description, LinesJson(in), total, by.id, NowIsoUtc(), in.idempotency_key);
  if (reverses)
    st->BindInt(8, *reverses);
  else
    st->BindNull(8);
  st->BindText(9, reason);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert returned no id");
  int64_t id = st->Int(0);
  st->Reset();
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "propose", "fund_entry", std::to_string(id),
                                  in.description + " (" + std::to_string(total) + ")"));
  BHXH_ASSIGN_OR_RETURN(FundProposal p, Load(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return p;
}

}  // namespace

Result<FundProposal> ProposeEntry(Db& db, const FundsCatalog& cat, const EntryInput& in, const Actor& by) {
  BHXH_RETURN_IF_ERROR(ValidateEntry(cat, in));
  return Store(db, in, std::nullopt, "", by);
}

Result<FundProposal> ProposeReversal(Db& db, const FundsCatalog& cat, int64_t entry_id, Date on, const std::string& reason,
                                     const std::string& idempotency_key, const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(EntryInput in, PrepareReversal(db, cat, entry_id, on, reason, idempotency_key));
  BHXH_ASSIGN_OR_RETURN(Entry orig, GetEntry(db, entry_id));
  if (orig.reversed_by) {
    // Already reversed: a replay of this very proposal still answers.
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*) FROM fund_proposals WHERE idempotency_key = ?"));
    st->BindText(1, idempotency_key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row || st->Int(0) == 0)
      return Status::Error("conflict", "id", "Bút toán số " + std::to_string(entry_id) + " đã được đảo (số " +
                                                 std::to_string(*orig.reversed_by) + ")",
                           "entry " + std::to_string(entry_id) + " is already reversed");
  }
  return Store(db, in, entry_id, reason, by);
}

Result<FundProposal> DecideProposal(Db& db, const FundsCatalog& cat, int64_t id, bool approve, const std::string& note,
                                    const Actor& by) {
  BHXH_ASSIGN_OR_RETURN(FundProposal p, Load(db, id));
  if (p.status != "pending")
    return Status::Error("conflict", "id", "Đề xuất bút toán số " + std::to_string(id) + " đã được quyết định", "already decided");
  if (p.prepared_by == by.id)
    return Status::Error("four_eyes", "actor", "Người lập bút toán không được tự duyệt; cần cán bộ khác duyệt",
                         "whoever prepared an entry cannot approve it (segregation of duties)");
  if (!approve && note.empty()) return Status::Invalid("note", "Từ chối phải nêu lý do", "a rejection needs its reason");
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  std::optional<int64_t> entry_id;
  if (approve && p.reverses) {
    BHXH_ASSIGN_OR_RETURN(Entry e, ReverseEntry(db, cat, *p.reverses, p.input.posted_on, p.reason,
                                                "proposal:" + std::to_string(id), by));
    entry_id = e.id;
  } else if (approve) {
    EntryInput in = p.input;
    in.source_kind = "manual";
    in.idempotency_key = "proposal:" + std::to_string(id);
    BHXH_ASSIGN_OR_RETURN(Entry e, PostEntry(db, cat, in, by));
    entry_id = e.id;
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE fund_proposals SET status = ?, decided_by = ?, decided_at = ?, note = ?, entry_id = ? "
                                            "WHERE id = ? AND status = 'pending'"));
  st->Bind(approve ? "posted" : "rejected", by.id, NowIsoUtc(), note);
  if (entry_id)
    st->BindInt(5, *entry_id);
  else
    st->BindNull(5);
  st->BindInt(6, id);
  BHXH_RETURN_IF_ERROR(st->Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, approve ? "approve" : "reject", "fund_entry", std::to_string(id),
                                  approve ? "entry " + std::to_string(*entry_id) : note));
  BHXH_ASSIGN_OR_RETURN(FundProposal out, Load(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<FundProposal>> ListProposals(Db& db, const std::string& status, int limit) {
  std::string sql = std::string("SELECT ") + kCols + " FROM fund_proposals";
  if (!status.empty()) sql += " WHERE status = ?";
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql + " ORDER BY id DESC LIMIT " + std::to_string(std::clamp(limit, 1, 1000))));
  if (!status.empty()) st->BindText(1, status);
  std::vector<FundProposal> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    BHXH_ASSIGN_OR_RETURN(FundProposal p, Read(*st));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace bhxh
