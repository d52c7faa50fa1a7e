#include "inspection/postaudit.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>

#include "base/date.h"
#include "platform/audit/audit.h"
#include "platform/jsonio/json.h"

namespace bhxh {

namespace {

constexpr const char* kKinds[] = {"declaration", "claims_envelope", "benefit_payment"};

struct Candidate {
  std::string ref, summary;
};

Result<std::vector<Candidate>> Candidates(Db& db, const std::string& kind, Date from, Date to) {
  std::vector<Candidate> out;
  std::unique_ptr<Stmt> st;
  // Timestamps are UTC ISO text; the day after `to` bounds the period.
  std::string lo = from.ToString(), hi = to.AddDays(1).ToString();
  if (kind == "declaration") {
    BHXH_ASSIGN_OR_RETURN(st, db.Prepare("SELECT d.id, e.code, d.month, d.row_count FROM declarations d JOIN employers e ON "
                                         "e.id = d.employer_id WHERE d.created_at >= ? AND d.created_at < ? ORDER BY d.id"));
    st->Bind(lo, hi);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      out.push_back({std::to_string(st->Int(0)), "Đơn vị " + st->Text(1) + ", kỳ " +
                                                     Month::FromIndex(static_cast<int32_t>(st->Int(2))).ToVi() + ", " +
                                                     std::to_string(st->Int(3)) + " dòng"});
    }
  } else if (kind == "claims_envelope") {
    BHXH_ASSIGN_OR_RETURN(st, db.Prepare("SELECT txn, facility, encounters FROM claim_submissions WHERE received_at >= ? AND "
                                         "received_at < ? ORDER BY id"));
    st->Bind(lo, hi);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      out.push_back({st->Text(0), "Cơ sở KCB " + st->Text(1) + ", " + std::to_string(st->Int(2)) + " lượt"});
    }
  } else {
    BHXH_ASSIGN_OR_RETURN(st, db.Prepare("SELECT month, beneficiary_id, regime, amount FROM benefit_payments WHERE month >= ? "
                                         "AND month <= ? ORDER BY month, beneficiary_id"));
    st->Bind(static_cast<int64_t>(Month::OfDate(from).index()), static_cast<int64_t>(Month::OfDate(to).index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      std::string m = Month::FromIndex(static_cast<int32_t>(st->Int(0))).ToString();
      out.push_back({m + "/" + std::to_string(st->Int(1)), "Tháng " + Month::FromIndex(static_cast<int32_t>(st->Int(0))).ToVi() +
                                                               ", chế độ " + st->Text(2) + ", " + FormatVnd(st->Int(3)) + " đồng"});
    }
  }
  return out;
}

Result<PostAudit> Load(Db& db, int64_t id) {
  PostAudit pa;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, label, from_date, to_date, seed, strata, created_by, created_at FROM "
                                              "post_audits WHERE id = ?"));
    st->BindInt(1, id);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::NotFound("id", "Không có đợt hậu kiểm số " + std::to_string(id), "no post-audit " + std::to_string(id));
    pa.id = st->Int(0);
    pa.label = st->Text(1);
    pa.from = st->Text(2);
    pa.to = st->Text(3);
    pa.seed = st->Text(4);
    if (auto j = ParseJson(st->Text(5), 8); j.ok() && j->is_array())
      for (const auto& s : *j)
        pa.strata.push_back({s.value("kind", ""), s.value("population", int64_t{0}), s.value("drawn", 0), s.value("share", "")});
    pa.created_by = st->Text(6);
    pa.created_at = st->Text(7);
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT kind, ref, summary, result, COALESCE(note, ''), COALESCE(checked_by, ''), "
                                            "COALESCE(checked_at, '') FROM post_audit_items WHERE post_audit_id = ? ORDER BY kind, seq"));
  st->BindInt(1, id);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    PostAuditItem it{st->Text(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6)};
    (it.result == "pending" ? pa.pending : it.result == "ok" ? pa.ok : pa.discrepancies)++;
    pa.items.push_back(std::move(it));
  }
  return pa;
}

}  // namespace

Result<PostAudit> LoadPostAudit(Db& db, int64_t id) { return Load(db, id); }

Result<PostAudit> DrawPostAudit(Db& db, const ParamTable& p, const std::string& label, const std::string& from_text,
                                const std::string& to_text, const Actor& by) {
  if (label.empty() || label.size() > 100)
    return Status::Invalid("label", "Cần tên đợt hậu kiểm (tối đa 100 ký tự), ví dụ \"Hậu kiểm quý 3/2025\"",
                           "a label is required (up to 100 characters)");
  BHXH_ASSIGN_OR_RETURN(Date from, Date::ParseIsoOrVi(from_text, "from"));
  BHXH_ASSIGN_OR_RETURN(Date to, Date::ParseIsoOrVi(to_text, "to"));
  if (to < from) return Status::Invalid("to", "Ngày cuối kỳ phải sau ngày đầu kỳ", "the period ends before it starts");
  if (to > Date::Today()) return Status::Invalid("to", "Không hậu kiểm giao dịch chưa xảy ra (ngày cuối kỳ sau hôm nay)", "the period ends in the future");
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, from_date, to_date FROM post_audits WHERE label = ?"));
    st->BindText(1, label);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      if (st->Text(1) != from.ToString() || st->Text(2) != to.ToString())
        return Status::Error("conflict", "label", "Tên đợt hậu kiểm \"" + label + "\" đã dùng cho kỳ khác",
                             "the label was used for another period");
      BHXH_ASSIGN_OR_RETURN(PostAudit prior, Load(db, st->Int(0)));
      prior.replayed = true;
      return prior;
    }
  }
  std::string seed = Sha256Hex("bhxh-post-audit-v1|" + label + "|" + from.ToString() + "|" + to.ToString());
  uint64_t s64 = std::strtoull(seed.substr(0, 16).c_str(), nullptr, 16);
  BHXH_ASSIGN_OR_RETURN(int64_t min_n, p.Integer("post_audit.min_per_stratum", to));
  Json strata = Json::array();
  std::vector<std::pair<std::string, std::vector<Candidate>>> drawn;
  uint64_t stream = 0;
  for (const char* kind : kKinds) {
    std::string key = std::string("post_audit.share.") + kind;
    BHXH_ASSIGN_OR_RETURN(RateMicro share, p.Percent(key, to));
    BHXH_ASSIGN_OR_RETURN(LawParam row, p.Param(key, to));
    BHXH_ASSIGN_OR_RETURN(std::vector<Candidate> all, Candidates(db, kind, from, to));
    int64_t n = static_cast<int64_t>(all.size());
    int64_t k = (n * share + 999'999) / 1'000'000;  // ⌈N × share⌉, share in millionths
    k = std::min(n, std::max(k, min_n));
    // Each stratum its own stream; the generator and the modulo pick are
    // fully specified (unlike std::uniform_int_distribution), so the same
    // draw comes out of any build.
    std::mt19937_64 rng(s64 ^ (0x9E3779B97F4A7C15ULL * ++stream));
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = i + static_cast<int64_t>(rng() % static_cast<uint64_t>(n - i));
      std::swap(all[static_cast<size_t>(i)], all[static_cast<size_t>(j)]);
    }
    all.resize(static_cast<size_t>(k));
    strata.push_back({{"kind", kind}, {"population", n}, {"drawn", k}, {"share", row.value}});
    drawn.emplace_back(kind, std::move(all));
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  int64_t id = 0;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO post_audits (label, from_date, to_date, seed, strata, created_by, "
                                              "created_at) VALUES (?,?,?,?,?,?,?) RETURNING id"));
    st->Bind(label, from.ToString(), to.ToString(), seed, DumpJson(strata), by.id, NowIsoUtc());
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Internal("insert returned no id");
    id = st->Int(0);
    st->Reset();
  }
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO post_audit_items (post_audit_id, kind, seq, ref, summary, result) "
                                             "VALUES (?,?,?,?,?,'pending')"));
  for (const auto& [kind, items] : drawn)
    for (size_t i = 0; i < items.size(); ++i) {
      ins->Reset();
      BHXH_RETURN_IF_ERROR(ins->Bind(id, kind, static_cast<int64_t>(i + 1), items[i].ref, items[i].summary).Run());
    }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "draw", "post_audit", label,
                                  "id=" + std::to_string(id) + " seed=" + seed + " strata=" + DumpJson(strata)));
  BHXH_ASSIGN_OR_RETURN(PostAudit out, Load(db, id));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<PostAudit> RecordPostAuditResult(Db& db, int64_t id, const std::string& kind, const std::string& ref,
                                        const std::string& result, const std::string& note, const Actor& by) {
  if (result != "ok" && result != "discrepancy")
    return Status::Invalid("result", "Kết quả phải là ok (đúng) hoặc discrepancy (có sai lệch)", "result must be ok or discrepancy");
  if (result == "discrepancy" && note.empty())
    return Status::Invalid("note", "Có sai lệch thì phải ghi rõ sai lệch gì", "a discrepancy needs a note");
  BHXH_ASSIGN_OR_RETURN(PostAudit pa, Load(db, id));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE post_audit_items SET result = ?, note = ?, checked_by = ?, checked_at = ? "
                                            "WHERE post_audit_id = ? AND kind = ? AND ref = ? AND result = 'pending'"));
  BHXH_RETURN_IF_ERROR(st->Bind(result, note, by.id, NowIsoUtc(), id, kind, ref).Run());
  BHXH_ASSIGN_OR_RETURN(PostAudit after, Load(db, id));
  if (after.pending == pa.pending) {
    bool exists = false;
    for (const auto& it : pa.items) exists |= it.kind == kind && it.ref == ref;
    if (!exists)
      return Status::NotFound("ref", "Giao dịch " + kind + " " + ref + " không thuộc mẫu hậu kiểm này",
                              "the transaction is not in this sample");
    return Status::Error("conflict", "ref", "Giao dịch " + ref + " đã có kết quả kiểm tra", "the transaction was already checked");
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "check", "post_audit", pa.label, kind + " " + ref + " " + result + ": " + note));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return after;
}

}  // namespace bhxh
