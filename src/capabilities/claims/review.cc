#include "claims/review.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <future>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include "base/csv.h"
#include "base/parse.h"
#include "base/text.h"

namespace bhxh {
namespace {

Date DayOf(int64_t minutes) { return Date::FromDays(static_cast<int32_t>(minutes / 1440)); }

std::string Compact(const std::string& yyyymmddHHMM) {
  return yyyymmddHHMM.size() >= 8
             ? yyyymmddHHMM.substr(0, 4) + "-" + yyyymmddHHMM.substr(4, 2) + "-" + yyyymmddHHMM.substr(6, 2)
             : "";
}

// Birth date of XML1 (yyyymmddHHMM with 0000 for unknown parts) as a partial date.
std::optional<PartialDate> Birth(const std::string& s) {
  if (s.size() < 8 || !IsDigits(s.substr(0, 8))) return std::nullopt;
  PartialDate p{DigitsValue(s.substr(0, 4)), DigitsValue(s.substr(4, 2)), DigitsValue(s.substr(6, 2))};
  if (p.month == 0) p.day = 0;
  return p;
}

struct Stored {
  std::string facility, ma_lk, kind;
  int64_t in = 0, out = 0;
};

void CardRule(const ReviewDeps& d_, EncounterReport& rep, const Record& x1) {
  auto in = Minutes12(x1.Get("NGAY_VAO"));
  std::string code = Trim(Split(x1.Get("MA_THE_BHYT"), ';')[0]);
  std::string id = code.empty() ? x1.Get("SO_CCCD") : code;
  if (id.empty() || !in) return;
  EligibilityQuery q{id, "", DayOf(*in).ToString(), x1.Get("HO_TEN"), ""};
  if (auto b = Birth(x1.Get("NGAY_SINH"))) q.dob = b->ToString();
  auto a = d_.cards.Check(q);
  if (!a.ok()) return;  // malformed ID: already a format finding
  std::string stt = x1.Get("STT");
  auto add = [&](const char* rule, const std::string& field) {
    rep.findings.push_back(MakeFinding(d_.schema, rule, "XML1", stt, field, a->code + " " + a->message_vi));
  };
  if (a->code == "050" || a->code == "051" || a->code == "052")
    add("CARD-NO-DATA", "MA_THE_BHYT");
  else if (a->code == "053")
    add("CARD-DB-LEVEL", "MA_THE_BHYT");
  else if (a->code == "060")
    add("CARD-DB-NAME", "HO_TEN");
  else if (a->code == "070")
    add("CARD-DB-DOB", "NGAY_SINH");
  else if (a->code != "000")
    add("CARD-DB-NOT-VALID", "MA_THE_BHYT");
  if (a->card) {
    std::string sex = x1.Get("GIOI_TINH");
    if ((sex == "1" || sex == "2") && sex != SexCode(a->card->sex))
      rep.findings.push_back(MakeFinding(d_.schema, "CARD-DB-SEX", "XML1", stt, "GIOI_TINH", ""));
    // Valid on the discharge date too, by the national record.
    auto out = Minutes12(x1.Get("NGAY_RA"));
    if (a->code == "000" && out && DayOf(*out) > a->card->valid_to)
      rep.findings.push_back(MakeFinding(d_.schema, "CARD-DB-EXPIRES-BEFORE-DISCHARGE", "XML1", stt, "NGAY_RA",
                                         "thẻ hết hạn " + a->card->valid_to.ToString()));
    std::string reg = Trim(Split(x1.Get("MA_DKBD"), ';')[0]);
    if (!reg.empty() && reg != a->card->facility)
      rep.findings.push_back(
          MakeFinding(d_.schema, "CARD-DB-FACILITY", "XML1", stt, "MA_DKBD", reg + " ≠ " + a->card->facility));
  }
}

// Catalogue rules: a line not in the list is rejected; a price above the
// approved one rejects the fund's share of the excess.
void CatalogueRule(const ReviewDeps& d_, EncounterReport& rep, const std::string& facility, const Record& r,
                   LineOutcome& line) {
  if (!d_.catalogue.HasFacility(facility)) return;
  auto yl = Minutes12(r.Get("NGAY_YL"));
  if (!yl) return;
  Date day = DayOf(*yl);
  bool drug = r.table == "XML2";
  auto qty = Milli(r.Get("SO_LUONG")).value_or(0);
  auto muc = Milli(r.Get("MUC_HUONG")).value_or(0);
  auto rate_bh = Milli(r.Get("TYLE_TT_BH")).value_or(0);
  auto rate_dv = drug ? 100'000 : Milli(r.Get("TYLE_TT_DV")).value_or(0);
  auto fund_share_of = [&](int64_t unit_excess) {           // thousandths of a dong
    __int128 v = static_cast<__int128>(qty) * unit_excess;  // 1e-6
    v = v * rate_dv / 100'000 * rate_bh / 100'000 * muc / 100'000;
    return static_cast<int64_t>(v / 1000);
  };
  std::string stt = r.Get("STT");
  if (drug) {
    const PriceEntry* e = d_.catalogue.Drug(facility, r.Get("MA_THUOC"), r.Get("TT_THAU"), day);
    if (!e) {
      rep.findings.push_back(MakeFinding(d_.schema, "DRUG-NOT-IN-LIST", "XML2", stt, "MA_THUOC", r.Get("MA_THUOC")));
      line.reasons.push_back("DRUG-NOT-IN-LIST");
      line.rejected = line.claimed;
      return;
    }
    auto price = Milli(r.Get("DON_GIA")).value_or(0);
    if (price > e->unit_price) {
      int64_t excess = fund_share_of(price - e->unit_price);
      rep.findings.push_back(
          MakeFinding(d_.schema, "DRUG-PRICE-ABOVE-BID", "XML2", stt, "DON_GIA",
                      r.Get("DON_GIA") + " > " + std::to_string(e->unit_price / 1000) + " (" + e->tt_thau + ")"));
      line.reasons.push_back("DRUG-PRICE-ABOVE-BID");
      line.rejected += excess;
    }
    return;
  }
  // A service (MA_DICH_VU) or, failing that, a supply (MA_VAT_TU): each against its own list.
  bool supply = r.Get("MA_DICH_VU").empty();
  std::string code = supply ? r.Get("MA_VAT_TU") : r.Get("MA_DICH_VU");
  if (code.empty()) return;
  const std::string field = supply ? "MA_VAT_TU" : "MA_DICH_VU";
  const std::string prefix = supply ? "SUPPLY" : "SERVICE";
  const PriceEntry* e = supply ? d_.catalogue.Supply(facility, code, day) : d_.catalogue.Service(facility, code, day);
  if (!e) {
    rep.findings.push_back(MakeFinding(d_.schema, prefix + "-NOT-IN-LIST", "XML3", stt, field, code));
    line.reasons.push_back(prefix + "-NOT-IN-LIST");
    line.rejected = line.claimed;
    return;
  }
  if (!e->group.empty() && e->group != r.Get("MA_NHOM")) {
    rep.findings.push_back(
        MakeFinding(d_.schema, prefix + "-WRONG-GROUP", "XML3", stt, "MA_NHOM", r.Get("MA_NHOM") + " ≠ " + e->group));
    line.reasons.push_back(prefix + "-WRONG-GROUP");
    line.rejected = line.claimed;
    return;
  }
  auto price = Milli(r.Get("DON_GIA_BH")).value_or(0);
  if (price > e->unit_price) {
    rep.findings.push_back(MakeFinding(d_.schema, prefix + "-PRICE-ABOVE", "XML3", stt, "DON_GIA_BH",
                                       r.Get("DON_GIA_BH") + " > " + std::to_string(e->unit_price / 1000)));
    line.reasons.push_back(prefix + "-PRICE-ABOVE");
    line.rejected += fund_share_of(price - e->unit_price);
  }
}

// Claims already stored for the same patient: same visit under another
// MA_LK, or an overlapping inpatient stay.
class StoredRule {
 public:
  StoredRule(Db& db, const ReviewDeps& d) : db_(db), d_(d) {}
  // Reads, in one query per 500 patients, the current stored claims of
  // every patient of the envelope; then, by those claims' ids, their lab,
  // imaging and functional-test lines (for repeated services). Two lookups
  // by index, not a join: joined, PostgreSQL's plan depended on statistics
  // that lag behind a bulk load and scanned every stored line for each
  // envelope.
  Status Load(const std::vector<Encounter>& encs) {
    std::vector<std::string> keys;
    for (const auto& e : encs) keys.push_back(PatientKey(*e.xml1));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    struct Owner {
      std::string patient, facility, ma_lk;
    };
    std::unordered_map<int64_t, Owner> owners;  // claim id → its patient and encounter
    std::vector<int64_t> ids;
    for (size_t b = 0; b < keys.size(); b += 500) {
      size_t e = std::min(keys.size(), b + 500);
      std::string sql =
          "SELECT id, patient_key, facility, ma_lk, kind, admitted_at, discharged_at FROM claims "
          "WHERE is_current = 1 AND patient_key IN (";
      for (size_t k = b; k < e; ++k) sql += k == b ? "?" : ",?";
      sql += ")";
      BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare(sql));
      for (size_t k = b; k < e; ++k) st->BindText(static_cast<int>(k - b) + 1, keys[k]);
      while (true) {
        BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
        if (!row) break;
        owners[st->Int(0)] = {st->Text(1), st->Text(2), st->Text(3)};
        ids.push_back(st->Int(0));
        if (st->IsNull(5) || st->IsNull(6)) continue;
        stored_[st->Text(1)].push_back({st->Text(2), st->Text(3), st->Text(4), st->Int(5), st->Int(6)});
      }
    }
    for (size_t b = 0; b < ids.size(); b += 500) {
      size_t e = std::min(ids.size(), b + 500);
      std::string lsql =
          "SELECT claim_id, code, ordered_at FROM claim_lines WHERE group_code IN ('1','2','3') "
          "AND ordered_at IS NOT NULL AND claim_id IN (";
      for (size_t k = b; k < e; ++k) lsql += k == b ? "?" : ",?";
      lsql += ")";
      BHXH_ASSIGN_OR_RETURN(auto ls, db_.Prepare(lsql));
      for (size_t k = b; k < e; ++k) ls->BindInt(static_cast<int>(k - b) + 1, ids[k]);
      while (true) {
        BHXH_ASSIGN_OR_RETURN(bool row, ls->Step());
        if (!row) break;
        const Owner& o = owners.at(ls->Int(0));
        services_[o.patient].push_back({o.facility, o.ma_lk, ls->Text(1), ls->Int(2)});
      }
    }
    return Status::Ok();
  }
  // A lab/imaging/functional test already paid for the patient within the window.
  void CheckRepeats(EncounterReport& rep, const std::string& facility, const Encounter& enc) const {
    auto it = services_.find(PatientKey(*enc.xml1));
    if (it == services_.end()) return;
    int64_t window = d_.schema.Rule("TIME-REPEATED-SERVICE").param * 60;
    for (const auto& r : enc.xml3) {
      const std::string& g = r.Get("MA_NHOM");
      if (g != "1" && g != "2" && g != "3") continue;
      auto t = Minutes12(r.Get("NGAY_YL"));
      if (!t) continue;
      for (const StoredService& s : it->second) {
        if (s.code != r.Get("MA_DICH_VU") || (s.facility == facility && s.ma_lk == enc.ma_lk)) continue;
        if (std::llabs(s.at - *t) < window) {
          rep.findings.push_back(MakeFinding(d_.schema, "TIME-REPEATED-SERVICE", "XML3", r.Get("STT"), "MA_DICH_VU",
                                             s.code + " đã thanh toán trong hồ sơ " + s.facility + "/" + s.ma_lk));
          break;
        }
      }
    }
  }
  void Check(EncounterReport& rep, const std::string& facility, const Record& x1) const {
    auto in = Minutes12(x1.Get("NGAY_VAO")), out = Minutes12(x1.Get("NGAY_RA"));
    if (!in || !out) return;
    auto it = stored_.find(PatientKey(x1));
    if (it == stored_.end()) return;
    const std::string& ma_lk = x1.Get("MA_LK");
    const std::string& kind = x1.Get("MA_LOAI_KCB");
    for (const Stored& s : it->second) {
      if (!(s.in < *out + 1 && s.out > *in - 1)) continue;       // does not touch this stay
      if (s.facility == facility && s.ma_lk == ma_lk) continue;  // an earlier version of this encounter
      if (s.facility == facility && s.in == *in)
        rep.findings.push_back(MakeFinding(d_.schema, "DUPLICATE-CLAIM", "XML1", x1.Get("STT"), "MA_LK", s.ma_lk));
      else if (kind == "03" && s.kind == "03" && s.in < *out && *in < s.out)
        rep.findings.push_back(MakeFinding(d_.schema, "STAY-OVERLAPS-STORED", "XML1", x1.Get("STT"), "NGAY_VAO",
                                           s.facility + "/" + s.ma_lk));
    }
  }

 private:
  Db& db_;
  const ReviewDeps& d_;
  struct StoredService {
    std::string facility, ma_lk, code;
    int64_t at;
  };
  std::map<std::string, std::vector<Stored>> stored_;
  std::map<std::string, std::vector<StoredService>> services_;
};

nlohmann::json ResponseJson(const ReviewResult& r) {
  nlohmann::json e = nlohmann::json::array();
  for (const auto& x : r.encounters)
    e.push_back({{"ma_lk", x.report.ma_lk},
                 {"version", x.version},
                 {"claimed", x.claimed},
                 {"approved", x.approved},
                 {"rejected", x.rejected}});
  return {{"txn", r.txn}, {"received_at", r.received_at}, {"facility", r.facility}, {"encounters", e}};
}

}  // namespace

namespace {

Result<std::optional<ReviewResult>> Replay(Db& db, const std::string& key) {
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT response FROM claim_submissions WHERE idempotency_key = ?"));
    st->Bind(key);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      auto j = nlohmann::json::parse(st->Text(0), nullptr, false);
      ReviewResult r;
      r.replayed = true;
      if (j.is_object()) {
        r.txn = j.value("txn", "");
        r.received_at = j.value("received_at", "");
        r.facility = j.value("facility", "");
        for (const auto& e : j["encounters"]) {
          ReviewedEncounter x;
          x.report.ma_lk = e.value("ma_lk", "");
          x.version = e.value("version", 0);
          x.claimed = e.value("claimed", int64_t{0});
          x.approved = e.value("approved", int64_t{0});
          x.rejected = e.value("rejected", int64_t{0});
          r.encounters.push_back(std::move(x));
        }
      }
      return std::optional<ReviewResult>(std::move(r));
    }
  }
  return std::optional<ReviewResult>{};
}

}  // namespace

void CatalogueRuleForTest(const ReviewDeps& deps, EncounterReport& rep, const std::string& facility, const Record& r,
                          LineOutcome& line) {
  CatalogueRule(deps, rep, facility, r, line);
}

Result<PreparedReview> PrepareReview(const ReviewDeps& deps, std::string_view xml, const std::string& key,
                                     const Actor& actor) {
  if (key.empty() || key.size() > 500)
    return Status::Invalid("idempotency_key", "Cần khoá chống gửi trùng (Idempotency-Key, tối đa 200 ký tự)",
                           "an idempotency key of at most 200 characters is required");
  BHXH_ASSIGN_OR_RETURN(Envelope env, ParseEnvelope(xml));
  if (!actor.facility_code.empty() && actor.facility_code != env.macskcb)
    return Status::Error("forbidden", "MACSKCB", "Cơ sở chỉ được gửi hồ sơ của chính mình",
                         "a facility account may only send its own claims");
  ReviewResult res;
  res.facility = env.macskcb;
  res.received_at = NowIsoUtc();
  res.txn = "GD" + env.macskcb + "-" + Sha256Hex(key).substr(0, 16);
  std::vector<EnvelopeError> errors = env.errors;
  PreparedReview prep;
  prep.key = key;
  std::vector<Encounter>& encs = prep.encounters;
  encs = ReadEncounters(env, &errors);
  CheckReport pre;
  CheckEncounters(encs, deps.schema, deps.law, &pre);
  res.errors = std::move(errors);
  ReviewResult& res_out = prep.result;
  res_out = std::move(res);
  for (size_t i = 0; i < encs.size(); ++i) {
    const Encounter& e = encs[i];
    ReviewedEncounter out;
    out.report = std::move(pre.encounters[i]);
    CardRule(deps, out.report, *e.xml1);
    for (const auto* lines : {&e.xml2, &e.xml3}) {
      for (const auto& r : *lines) {
        LineOutcome l;
        l.table = r.table;
        l.stt = r.Get("STT");
        l.code = r.table == "XML2" ? r.Get("MA_THUOC")
                                   : (r.Get("MA_DICH_VU").empty() ? r.Get("MA_VAT_TU") : r.Get("MA_DICH_VU"));
        l.group = r.Get("MA_NHOM");
        l.quantity = Milli(r.Get("SO_LUONG")).value_or(0);
        l.unit_price = Milli(r.Get(r.table == "XML2" ? "DON_GIA" : "DON_GIA_BH")).value_or(0);
        // A negative amount is a format error (rejected by the pre-check);
        // it is never carried into settlement or the cost statistics.
        l.claimed = std::max<int64_t>(0, Milli(r.Get("T_BHTT")).value_or(0));
        l.ordered_at = Minutes12(r.Get("NGAY_YL"));
        CatalogueRule(deps, out.report, res_out.facility, r, l);
        out.lines.push_back(std::move(l));
      }
    }
    res_out.encounters.push_back(std::move(out));
  }
  return prep;
}

Result<ReviewResult> CommitReview(Db& db, const ReviewDeps& deps, PreparedReview prep, const Actor& actor) {
  // Checked here (not only in SubmitClaims) so a batch prepared ahead is
  // still applied once: the key may have been stored since preparation.
  {
    BHXH_ASSIGN_OR_RETURN(auto prior, Replay(db, prep.key));
    if (prior) return std::move(*prior);
  }
  const std::string& key = prep.key;
  ReviewResult res = std::move(prep.result);
  const std::vector<Encounter>& encs = prep.encounters;
  StoredRule stored(db, deps);
  BHXH_RETURN_IF_ERROR(stored.Load(encs));
  for (size_t i = 0; i < encs.size(); ++i) {
    ReviewedEncounter& out = res.encounters[i];
    stored.Check(out.report, res.facility, *encs[i].xml1);
    stored.CheckRepeats(out.report, res.facility, encs[i]);
    // Rejecting findings: on the whole encounter (XML1) or on one line.
    std::set<std::string> enc_reasons;
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> line_reasons;
    for (const auto& f : out.report.findings) {
      if (f.severity != "reject") continue;
      if (f.table == "XML1" || f.stt.empty())
        enc_reasons.insert(f.rule);
      else if (f.rule != "DRUG-PRICE-ABOVE-BID" && f.rule != "SERVICE-PRICE-ABOVE" && f.rule != "SUPPLY-PRICE-ABOVE")
        line_reasons[{f.table, f.stt}].push_back(f.rule);
    }
    for (auto& l : out.lines) {
      auto it = line_reasons.find({l.table, l.stt});
      if (!enc_reasons.empty() || it != line_reasons.end()) {
        for (const auto& x : enc_reasons) l.reasons.push_back(x);
        if (it != line_reasons.end())
          for (const auto& x : it->second) l.reasons.push_back(x);
        l.rejected = l.claimed;
      }
      l.rejected = std::min(std::max<int64_t>(l.rejected, 0), l.claimed);
      l.approved = l.claimed - l.rejected;
      out.claimed += l.claimed;
      out.approved += l.approved;
      out.rejected += l.rejected;
    }
  }

  // Store everything in one transaction.
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto sub, db.Prepare("INSERT INTO claim_submissions (txn, facility, idempotency_key, "
                                             "received_at, encounters, response, created_by) "
                                             "VALUES (?,?,?,?,?,'',?) RETURNING id"));
  sub->Bind(res.txn, res.facility, key, res.received_at, static_cast<int64_t>(encs.size()), actor.id);
  BHXH_ASSIGN_OR_RETURN(bool got, sub->Step());
  if (!got) return Status::Internal("insert submission returned no id");
  int64_t sub_id = sub->Int(0);
  // Earlier versions of this envelope's encounters, in one query per 500.
  std::map<std::string, int> versions;
  for (size_t b = 0; b < encs.size(); b += 500) {
    size_t e = std::min(encs.size(), b + 500);
    std::string sql = "SELECT ma_lk, MAX(version) FROM claims WHERE facility = ? AND ma_lk IN (";
    for (size_t k = b; k < e; ++k) sql += k == b ? "?" : ",?";
    sql += ") GROUP BY ma_lk";
    BHXH_ASSIGN_OR_RETURN(auto q, db.Prepare(sql));
    q->BindText(1, res.facility);
    for (size_t k = b; k < e; ++k) q->BindText(static_cast<int>(k - b) + 2, encs[k].ma_lk);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      versions[q->Text(0)] = static_cast<int>(q->Int(1));
    }
  }
  BHXH_ASSIGN_OR_RETURN(
      auto retire, db.Prepare("UPDATE claims SET is_current = 0 WHERE facility = ? AND ma_lk = ? AND is_current = 1"));
  // Claim rows go in 200 at a time with one multi-row INSERT (one round trip
  // instead of one per encounter); RETURNING gives (id, ma_lk, version),
  // matched back by key since row order is not guaranteed.
  constexpr size_t kChunk = 200;
  const std::string head =
      "INSERT INTO claims (facility, ma_lk, version, is_current, submission_id, patient_key, card_code, kind, "
      "admitted_at, discharged_at, day, treatment_days, total_bv, claimed, approved, rejected, drug_lines, high_cost, "
      "xml1, others) VALUES ";
  const std::string one = "(?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  for (size_t b = 0; b < encs.size(); b += kChunk) {
    size_t end_i = std::min(encs.size(), b + kChunk);
    std::string sql = head;
    for (size_t i = b; i < end_i; ++i) sql += (i == b ? "" : ",") + one;
    sql += " RETURNING id, ma_lk, version";
    BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare(sql));
    int k = 0;
    std::map<std::pair<std::string, int>, ReviewedEncounter*> by_key;
    for (size_t i = b; i < end_i; ++i) {
      const Encounter& e = encs[i];
      ReviewedEncounter& out = res.encounters[i];
      const Record& x1 = *e.xml1;
      int& v = versions[e.ma_lk];  // also numbers a MA_LK repeated inside this envelope
      if (v > 0) {
        retire->Reset();
        BHXH_RETURN_IF_ERROR(retire->Bind(res.facility, e.ma_lk).Run());
      }
      out.version = ++v;
      by_key[{e.ma_lk, out.version}] = &out;
      nlohmann::json others = nlohmann::json::array();
      for (const auto& f : e.others) others.push_back({{"type", f.type}, {"xml", f.xml}});
      auto in = Minutes12(x1.Get("NGAY_VAO")), outm = Minutes12(x1.Get("NGAY_RA"));
      int64_t high = 0;
      for (const auto& r : e.xml3) {
        const std::string& g = r.Get("MA_NHOM");
        if (g == "2" || g == "8") high += Milli(r.Get("T_BHTT")).value_or(0);
      }
      ins->BindText(++k, res.facility);
      ins->BindText(++k, e.ma_lk);
      ins->BindInt(++k, out.version);
      ins->BindInt(++k, sub_id);
      ins->BindText(++k, PatientKey(x1));
      ins->BindText(++k, Trim(Split(x1.Get("MA_THE_BHYT"), ';')[0]));
      ins->BindText(++k, x1.Get("MA_LOAI_KCB"));
      if (in)
        ins->BindInt(++k, *in);
      else
        ins->BindNull(++k);
      if (outm)
        ins->BindInt(++k, *outm);
      else
        ins->BindNull(++k);
      ins->BindText(++k, Compact(x1.Get("NGAY_RA")));
      ins->BindInt(++k, std::max(0, DigitsValue(x1.Get("SO_NGAY_DTRI"))));
      ins->BindInt(++k, Milli(x1.Get("T_TONGCHI_BV")).value_or(0));
      ins->BindInt(++k, out.claimed);
      ins->BindInt(++k, out.approved);
      ins->BindInt(++k, out.rejected);
      ins->BindInt(++k, static_cast<int64_t>(e.xml2.size()));
      ins->BindInt(++k, high);
      ins->BindText(++k, e.xml1_raw);
      ins->BindText(++k, others.dump());
    }
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, ins->Step());
      if (!row) break;
      auto it = by_key.find({ins->Text(1), static_cast<int>(ins->Int(2))});
      if (it != by_key.end()) it->second->claim_id = ins->Int(0);
    }
    for (const auto& [key, out] : by_key)
      if (!out->claim_id) return Status::Internal("insert claim returned no id for " + key.first);
  }
  {
    BHXH_ASSIGN_OR_RETURN(
        auto w, db.Bulk("claim_lines", {"claim_id", "tbl", "stt", "code", "group_code", "quantity", "unit_price",
                                        "claimed", "approved", "rejected", "reasons", "ordered_at"}));
    for (const auto& out : res.encounters)
      for (const auto& l : out.lines) {
        std::string reasons;
        for (const auto& x : l.reasons) reasons += (reasons.empty() ? "" : ",") + x;
        w->Int(out.claim_id);
        w->Text(l.table);
        w->Text(l.stt);
        w->Text(l.code);
        w->Text(l.group);
        w->Int(l.quantity);
        w->Int(l.unit_price);
        w->Int(l.claimed);
        w->Int(l.approved);
        w->Int(l.rejected);
        w->Text(reasons);
        if (l.ordered_at)
          w->Int(*l.ordered_at);
        else
          w->Null();
        BHXH_RETURN_IF_ERROR(w->EndRow());
      }
    BHXH_RETURN_IF_ERROR(w->Finish());
    BHXH_ASSIGN_OR_RETURN(
        auto fw, db.Bulk("claim_findings", {"claim_id", "rule", "severity", "tbl", "stt", "field", "message"}));
    for (const auto& out : res.encounters)
      for (const auto& f : out.report.findings) {
        fw->Int(out.claim_id);
        fw->Text(f.rule);
        fw->Text(f.severity);
        fw->Text(f.table);
        fw->Text(f.stt);
        fw->Text(f.field);
        fw->Text(f.message);
        BHXH_RETURN_IF_ERROR(fw->EndRow());
      }
    BHXH_RETURN_IF_ERROR(fw->Finish());
  }
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE claim_submissions SET response = ? WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(up->Bind(ResponseJson(res).dump(), sub_id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "submit", "claims", res.facility,
                                  res.txn + ": " + std::to_string(encs.size()) + " encounters"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return res;
}

Result<ReviewResult> SubmitClaims(Db& db, const ReviewDeps& deps, std::string_view xml, const std::string& key,
                                  const Actor& actor) {
  {  // a retried envelope is answered without being parsed again
    BHXH_ASSIGN_OR_RETURN(auto prior, Replay(db, key));
    if (prior) return std::move(*prior);
  }
  BHXH_ASSIGN_OR_RETURN(PreparedReview prep, PrepareReview(deps, xml, key, actor));
  return CommitReview(db, deps, std::move(prep), actor);
}

Status SubmitFiles(Db& db, const ReviewDeps& deps, const std::vector<std::string>& files, const Actor& actor,
                   const std::function<void(const std::string&, const ReviewResult&)>& on_done) {
  auto prepare = [&](size_t i) -> Result<PreparedReview> {
    BHXH_ASSIGN_OR_RETURN(std::string text, ReadFile(files[i]));
    auto p = PrepareReview(deps, text, "file:" + Sha256Hex(text), actor);
    if (!p.ok()) return p.status().WithFieldPrefix(files[i] + ": ");
    return p;
  };
  if (files.empty()) return Status::Ok();
  // Preparation is the heavier stage: keep up to `ahead` envelopes being
  // prepared (one per core) while this thread stores them in order.
  const size_t ahead = std::max<size_t>(2, std::thread::hardware_concurrency());
  std::deque<std::future<Result<PreparedReview>>> pending;
  size_t launched = 0;
  auto top_up = [&] {
    while (launched < files.size() && pending.size() < ahead)
      pending.push_back(std::async(std::launch::async, prepare, launched++));
  };
  auto drain = [&] {
    for (auto& f : pending) f.wait();
  };
  top_up();
  for (size_t i = 0; i < files.size(); ++i) {
    Result<PreparedReview> cur = pending.front().get();
    pending.pop_front();
    top_up();
    if (!cur.ok()) {
      drain();
      return cur.status();
    }
    auto r = CommitReview(db, deps, std::move(cur).value(), actor);
    if (!r.ok()) {
      drain();
      return r.status();
    }
    if (on_done) on_done(files[i], *r);
  }
  return Status::Ok();
}

}  // namespace bhxh
