#include "claims/review.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "base/csv.h"
#include "base/money.h"
#include "base/parse.h"
#include "base/text.h"
#include "store/partitioned.h"
#include "store/session_settings.h"

namespace bhxh {
namespace {

Date DayOf(int64_t minutes) { return Date::FromDays(static_cast<int32_t>(minutes / 1440)); }

// yyyymmddHHMM → yyyy-mm-dd ("" when shorter than a date).
std::string Compact(std::string_view s) {
  if (s.size() < 8) return "";
  return std::string(s.substr(0, 4)).append("-").append(s.substr(4, 2)).append("-").append(s.substr(6, 2));
}

// Birth date of XML1 (yyyymmddHHMM with 0000 for unknown parts) as a partial date.
std::optional<PartialDate> Birth(std::string_view s) {
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
  auto in = Minutes12(x1.Get(XmlField::NGAY_VAO));
  std::string code = Trim(Split(x1.Get(XmlField::MA_THE_BHYT), ';')[0]);
  std::string id = code.empty() ? std::string(x1.Get(XmlField::SO_CCCD)) : code;
  if (id.empty() || !in) return;
  EligibilityQuery q{id, "", DayOf(*in).ToString(), std::string(x1.Get(XmlField::HO_TEN)), ""};
  if (auto b = Birth(x1.Get(XmlField::NGAY_SINH))) q.dob = b->ToString();
  auto a = d_.cards.Check(q);
  if (!a.ok()) return;  // malformed ID: already a format finding
  std::string_view stt = x1.Get(XmlField::STT);
  auto add = [&](const char* rule, const std::string& field) {
    rep.findings.push_back(MakeFinding(d_.schema, rule, "XML1", stt, field, a->code + " " + a->message_vi));
  };
  if (a->code == "050" || a->code == "051" || a->code == "052")
    add("CARD-NO-DATA", "MA_THE_BHYT");
  else if (a->code == "053")
    add("CARD-DB-LEVEL", "MA_THE_BHYT");
  else if (a->code == "060" || a->code == "061")
    add("CARD-DB-NAME", "HO_TEN");
  else if (a->code == "070")
    add("CARD-DB-DOB", "NGAY_SINH");
  else if (a->code != "000")
    add("CARD-DB-NOT-VALID", "MA_THE_BHYT");
  if (a->card) {
    std::string_view sex = x1.Get(XmlField::GIOI_TINH);
    if ((sex == "1" || sex == "2") && sex != SexCode(a->card->sex))
      rep.findings.push_back(MakeFinding(d_.schema, "CARD-DB-SEX", "XML1", stt, "GIOI_TINH", ""));
    // Valid on the discharge date too, by the national record.
    auto out = Minutes12(x1.Get(XmlField::NGAY_RA));
    if (a->code == "000" && out && DayOf(*out) > a->card->valid_to)
      rep.findings.push_back(MakeFinding(d_.schema, "CARD-DB-EXPIRES-BEFORE-DISCHARGE", "XML1", stt, "NGAY_RA",
                                         "thẻ hết hạn " + a->card->valid_to.ToVi()));
    std::string reg = Trim(Split(x1.Get(XmlField::MA_DKBD), ';')[0]);
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
  auto yl = Minutes12(r.Get(XmlField::NGAY_YL));
  if (!yl) return;
  Date day = DayOf(*yl);
  bool drug = r.table == "XML2";
  auto qty = Milli(r.Get(XmlField::SO_LUONG)).value_or(0);
  auto muc = Milli(r.Get(XmlField::MUC_HUONG)).value_or(0);
  auto rate_bh = Milli(r.Get(XmlField::TYLE_TT_BH)).value_or(0);
  auto rate_dv = drug ? 100'000 : Milli(r.Get(XmlField::TYLE_TT_DV)).value_or(0);
  auto fund_share_of = [&](int64_t unit_excess) {           // thousandths of a dong
    __int128 v = static_cast<__int128>(qty) * unit_excess;  // 1e-6
    v = v * rate_dv / 100'000 * rate_bh / 100'000 * muc / 100'000;
    return static_cast<int64_t>(v / 1000);
  };
  std::string_view stt = r.Get(XmlField::STT);
  if (drug) {
    const PriceEntry* e = d_.catalogue.Drug(facility, r.Get(XmlField::MA_THUOC), r.Get(XmlField::TT_THAU), day);
    if (!e) {
      rep.findings.push_back(
          MakeFinding(d_.schema, "DRUG-NOT-IN-LIST", "XML2", stt, "MA_THUOC", r.Get(XmlField::MA_THUOC)));
      line.reasons.push_back("DRUG-NOT-IN-LIST");
      line.rejected = line.claimed;
      return;
    }
    auto price = Milli(r.Get(XmlField::DON_GIA)).value_or(0);
    if (price > e->unit_price) {
      int64_t excess = fund_share_of(price - e->unit_price);
      rep.findings.push_back(
          MakeFinding(d_.schema, "DRUG-PRICE-ABOVE-BID", "XML2", stt, "DON_GIA",
                      FormatMilli(price) + " > " + FormatMilli(e->unit_price) + " (" + e->tt_thau + ")"));
      line.reasons.push_back("DRUG-PRICE-ABOVE-BID");
      line.rejected += excess;
    }
    return;
  }
  // A service (MA_DICH_VU) or, failing that, a supply (MA_VAT_TU): each against its own list.
  bool supply = r.Get(XmlField::MA_DICH_VU).empty();
  std::string_view code = supply ? r.Get(XmlField::MA_VAT_TU) : r.Get(XmlField::MA_DICH_VU);
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
  if (!e->group.empty() && e->group != r.Get(XmlField::MA_NHOM)) {
    rep.findings.push_back(MakeFinding(d_.schema, prefix + "-WRONG-GROUP", "XML3", stt, "MA_NHOM",
                                       std::string(r.Get(XmlField::MA_NHOM)) + " ≠ " + e->group));
    line.reasons.push_back(prefix + "-WRONG-GROUP");
    line.rejected = line.claimed;
    return;
  }
  auto price = Milli(r.Get(XmlField::DON_GIA_BH)).value_or(0);
  if (price > e->unit_price) {
    rep.findings.push_back(MakeFinding(d_.schema, prefix + "-PRICE-ABOVE", "XML3", stt, "DON_GIA_BH",
                                       FormatMilli(price) + " > " + FormatMilli(e->unit_price)));
    line.reasons.push_back(prefix + "-PRICE-ABOVE");
    line.rejected += fund_share_of(price - e->unit_price);
  }
}

// Claims already stored for the same patient: same visit under another
// MA_LK, or an overlapping inpatient stay.
class StoredRule {
 public:
  StoredRule(Db& db, const ReviewDeps& d)
      : db_(db), d_(d), window_(d.schema.Rule("TIME-REPEATED-SERVICE").param * 60) {}
  // Reads, in one query per 500 patients, the current stored claims of
  // every patient of the envelope; then, by those claims' ids, their lab,
  // imaging and functional-test lines (for repeated services). Two lookups
  // by index, not a join: joined, PostgreSQL's plan depended on statistics
  // that lag behind a bulk load and scanned every stored line for each
  // envelope.
  //
  // Only claims that can matter are read: a stay touches a stored one only
  // if that one was discharged no earlier than the day before the
  // envelope's first admission, and a service repeats a stored one only
  // within the rule's window of it, so only lines of claims discharged no
  // earlier than that window before the envelope's first lab, imaging or
  // functional test. Claims are split by month of discharge on
  // PostgreSQL: the months before are not even opened (else every month of
  // five years would be searched for every patient), and the lines only in
  // the provinces whose claims were found. (A claim whose discharge is not
  // a date, month 0, has no stay to touch and no line to repeat.)
  Status Load(const std::vector<Encounter>& encs) {
    std::vector<std::string> keys;
    std::optional<int64_t> first_in, first_service;
    for (const auto& e : encs) {
      keys.push_back(PatientKey(*e.xml1));
      if (auto t = Minutes12(e.xml1->Get(XmlField::NGAY_VAO)); t && (!first_in || *t < *first_in)) first_in = t;
      for (const auto& r : e.xml3) {
        std::string_view g = r.Get(XmlField::MA_NHOM);
        if (g != "1" && g != "2" && g != "3") continue;
        if (auto t = Minutes12(r.Get(XmlField::NGAY_YL)); t && (!first_service || *t < *first_service)) first_service = t;
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    auto month_of = [](int64_t minutes) {  // of the day before, as yyyymm
      Ymd d = Date::FromDays(static_cast<int32_t>(minutes / 1440 - 1)).ymd();
      return static_cast<int64_t>(d.year * 100 + d.month);
    };
    const int64_t services_since = first_service ? month_of(*first_service - window_) : 999912;
    // Without an admission time no stay is compared (Check), nor without
    // services any line: the claims read are then those of the services.
    const int64_t since = std::min(first_in ? month_of(*first_in) : services_since, services_since);
    if (!first_in && !first_service) return Status::Ok();
    // Every read below looks rows up by a list of keys (500 patients, their
    // claims' ids) that an index answers. While a day's claims are loaded
    // PostgreSQL's statistics lag behind the growing partitions and its
    // default costs assume a disk, so it planned sequential scans of whole
    // partitions for them, and parallel plans whose workers (a process
    // each, started per query) cost more than the lookup; about a third of
    // the pipeline at 150,000 encounters (BENCHMARKS.md). The session plans
    // these reads as lookups: no sequential scan unless nothing else can
    // answer (`enable_seqscan` off only makes it the last resort), no
    // parallel workers.
    SessionSettings lookups(db_, {{"enable_seqscan", "off"}, {"max_parallel_workers_per_gather", "0"}});
    struct Owner {
      std::string patient, facility, ma_lk;
    };
    std::unordered_map<int64_t, Owner> owners;  // claim id → its patient and encounter
    std::vector<int64_t> ids;                   // claims whose lines may hold a repeated service
    std::set<std::string> provinces;            // where those claims live
    auto read = [&](Stmt& st) -> Status {
      while (true) {
        BHXH_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) break;
        owners[st.Int(0)] = {st.Text(1), st.Text(2), st.Text(3)};
        if (first_service && st.Int(7) >= services_since) {
          ids.push_back(st.Int(0));
          provinces.insert(st.Text(8));
        }
        if (st.IsNull(5) || st.IsNull(6)) continue;
        stored_[st.Text(1)].push_back({st.Text(2), st.Text(3), st.Text(4), st.Int(5), st.Int(6)});
      }
      return Status::Ok();
    };
    const std::string columns =
        "SELECT id, patient_key, facility, ma_lk, kind, admitted_at, discharged_at, month, province FROM claims ";
    for (size_t b = 0; b < keys.size(); b += 500) {
      size_t e = std::min(keys.size(), b + 500);
      const std::vector<std::string> batch(keys.begin() + static_cast<std::ptrdiff_t>(b),
                                           keys.begin() + static_cast<std::ptrdiff_t>(e));
      if (db_.dialect() == Dialect::kPostgres) {
        // The provinces holding these patients' claims of those months
        // (claim_patients, schema.cc), then each province's partitions
        // only, asked only for its own patients.
        std::map<std::string, std::vector<std::string>> where;  // province → its patients
        BHXH_ASSIGN_OR_RETURN(auto at, db_.Prepare("SELECT DISTINCT province, patient_key FROM claim_patients "
                                                   "WHERE patient_key = ANY(CAST(? AS TEXT[])) AND month >= ?"));
        at->Bind(PgArray(batch), since);
        while (true) {
          BHXH_ASSIGN_OR_RETURN(bool row, at->Step());
          if (!row) break;
          where[at->Text(0)].push_back(at->Text(1));
        }
        for (const auto& [province, patients] : where) {
          BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare(columns + "WHERE province = ? AND is_current = 1 AND month >= ? "
                                                               "AND patient_key = ANY(CAST(? AS TEXT[]))"));
          st->Bind(province, since, PgArray(patients));
          BHXH_RETURN_IF_ERROR(read(*st));
        }
        continue;
      }
      std::string sql = columns + "WHERE is_current = 1 AND month >= ? AND patient_key IN (";
      for (size_t k = 0; k < batch.size(); ++k) sql += k ? ",?" : "?";
      sql += ")";
      BHXH_ASSIGN_OR_RETURN(auto st, db_.Prepare(sql));
      st->BindInt(1, since);
      for (size_t k = 0; k < batch.size(); ++k) st->BindText(static_cast<int>(k) + 2, batch[k]);
      BHXH_RETURN_IF_ERROR(read(*st));
    }
    for (size_t b = 0; b < ids.size(); b += 500) {
      size_t e = std::min(ids.size(), b + 500);
      std::string lsql =
          "SELECT claim_id, code, ordered_at FROM claim_lines WHERE group_code IN ('1','2','3') "
          "AND ordered_at IS NOT NULL AND month >= ? AND province IN (";
      for (size_t k = 0; k < provinces.size(); ++k) lsql += k ? ",?" : "?";
      lsql += ") AND claim_id IN (";
      for (size_t k = b; k < e; ++k) lsql += k == b ? "?" : ",?";
      lsql += ")";
      BHXH_ASSIGN_OR_RETURN(auto ls, db_.Prepare(lsql));
      int at = 0;
      ls->BindInt(++at, services_since);
      for (const auto& p : provinces) ls->BindText(++at, p);
      for (size_t k = b; k < e; ++k) ls->BindInt(++at, ids[k]);
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
    for (const auto& r : enc.xml3) {
      std::string_view g = r.Get(XmlField::MA_NHOM);
      if (g != "1" && g != "2" && g != "3") continue;
      auto t = Minutes12(r.Get(XmlField::NGAY_YL));
      if (!t) continue;
      for (const StoredService& s : it->second) {
        if (s.code != r.Get(XmlField::MA_DICH_VU) || (s.facility == facility && s.ma_lk == enc.ma_lk)) continue;
        if (std::llabs(s.at - *t) < window_) {
          rep.findings.push_back(MakeFinding(d_.schema, "TIME-REPEATED-SERVICE", "XML3", r.Get(XmlField::STT),
                                             "MA_DICH_VU",
                                             s.code + " đã thanh toán trong hồ sơ " + s.facility + "/" + s.ma_lk));
          break;
        }
      }
    }
  }
  void Check(EncounterReport& rep, const std::string& facility, const Record& x1) const {
    auto in = Minutes12(x1.Get(XmlField::NGAY_VAO)), out = Minutes12(x1.Get(XmlField::NGAY_RA));
    if (!in || !out) return;
    auto it = stored_.find(PatientKey(x1));
    if (it == stored_.end()) return;
    std::string_view ma_lk = x1.Get(XmlField::MA_LK);
    std::string_view kind = x1.Get(XmlField::MA_LOAI_KCB);
    for (const Stored& s : it->second) {
      if (!(s.in < *out + 1 && s.out > *in - 1)) continue;       // does not touch this stay
      if (s.facility == facility && s.ma_lk == ma_lk) continue;  // an earlier version of this encounter
      if (s.facility == facility && s.in == *in)
        rep.findings.push_back(
            MakeFinding(d_.schema, "DUPLICATE-CLAIM", "XML1", x1.Get(XmlField::STT), "MA_LK", s.ma_lk));
      else if (kind == "03" && s.kind == "03" && s.in < *out && *in < s.out)
        rep.findings.push_back(MakeFinding(d_.schema, "STAY-OVERLAPS-STORED", "XML1", x1.Get(XmlField::STT), "NGAY_VAO",
                                           s.facility + "/" + s.ma_lk));
    }
  }

 private:
  Db& db_;
  const ReviewDeps& d_;
  const int64_t window_;  // minutes within which a lab, imaging or functional test repeats
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
  return PrepareReviewInPlace(deps, std::string(xml), key, actor);
}

Result<PreparedReview> PrepareReviewInPlace(const ReviewDeps& deps, std::string&& xml, const std::string& key,
                                            const Actor& actor) {
  if (key.empty() || key.size() > 200)
    return Status::Invalid("idempotency_key", "Cần khoá chống gửi trùng (Idempotency-Key, tối đa 200 ký tự)",
                           "an idempotency key of at most 200 characters is required");
  BHXH_ASSIGN_OR_RETURN(Envelope env, ParseEnvelopeInPlace(std::move(xml)));
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
  encs = ReadEncounters(std::move(env), &errors, &deps.schema);
  CheckReport pre;
  CheckEncounters(encs, deps.schema, deps.law, &pre);
  res.errors = std::move(errors);
  ReviewResult& res_out = prep.result;
  res_out = std::move(res);
  res_out.encounters.reserve(encs.size());
  for (size_t i = 0; i < encs.size(); ++i) {
    const Encounter& e = encs[i];
    ReviewedEncounter out;
    out.report = std::move(pre.encounters[i]);
    out.lines.reserve(e.xml2.size() + e.xml3.size());
    CardRule(deps, out.report, *e.xml1);
    for (const auto* lines : {&e.xml2, &e.xml3}) {
      for (const auto& r : *lines) {
        LineOutcome l;
        l.table = r.table;
        l.stt = r.Get(XmlField::STT);
        l.code = r.table == "XML2"
                     ? r.Get(XmlField::MA_THUOC)
                     : (r.Get(XmlField::MA_DICH_VU).empty() ? r.Get(XmlField::MA_VAT_TU) : r.Get(XmlField::MA_DICH_VU));
        l.group = r.Get(XmlField::MA_NHOM);
        l.quantity = Milli(r.Get(XmlField::SO_LUONG)).value_or(0);
        l.unit_price = Milli(r.Get(r.table == "XML2" ? XmlField::DON_GIA : XmlField::DON_GIA_BH)).value_or(0);
        // A negative amount is a format error (rejected by the pre-check);
        // it is never carried into settlement or the cost statistics.
        l.claimed = std::max<int64_t>(0, Milli(r.Get(XmlField::T_BHTT)).value_or(0));
        l.ordered_at = Minutes12(r.Get(XmlField::NGAY_YL));
        CatalogueRule(deps, out.report, res_out.facility, r, l);
        out.lines.push_back(std::move(l));
      }
    }
    res_out.encounters.push_back(std::move(out));
  }
  return prep;
}

Result<int> SettleLeftClaims(Db& db, std::chrono::seconds every) {
  static std::atomic<int64_t> last{0};
  if (!DueEvery(last, every)) return 0;
  return ResolvePrepared(db, "claims", RecordedAs(db, "claims", "SELECT COUNT(*) FROM claim_submissions WHERE id = ?"));
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

  // Claims on shards (store/partitioned.h) that a coordinator which died
  // while committing left prepared: kept if their submission is recorded.
  // A shard out of reach now is settled by a later call: this envelope
  // fails only if its own province's shard is out of reach.
  (void)SettleLeftClaims(db, std::chrono::minutes(5));

  // The day each claim is settled under (its discharge), which also says
  // the month partition its claim, lines and findings go to.
  std::vector<std::string> days(encs.size());
  std::vector<int> month_of(encs.size(), 0);  // yyyymm; 0: not a date
  for (size_t i = 0; i < encs.size(); ++i) {
    days[i] = Compact(encs[i].xml1->Get(XmlField::NGAY_RA));
    if (auto d = Date::Parse(days[i], "NGAY_RA"); d.ok()) month_of[i] = d->ymd().year * 100 + d->ymd().month;
  }
  // The facility's province says where its claims, lines and findings live
  // (a partition, on the coordinator or on a shard): as registered, or for
  // a facility not yet in the catalogue the province its code begins with
  // (MA_CSKCB: two digits of the province, then the facility's number).
  std::string province;
  {
    BHXH_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT province FROM facilities WHERE code = ?"));
    q->Bind(res.facility);
    BHXH_ASSIGN_OR_RETURN(bool row, q->Step());
    if (row)
      province = q->Text(0);
    else if (res.facility.size() >= 2 && IsDigits(res.facility.substr(0, 2)))
      province = res.facility.substr(0, 2);
  }

  // Each month of the envelope has its partition where the facility's
  // province lives (PostgreSQL), made before the write's transaction: a
  // month not made now (its locks busy, the shard slow) takes its rows in
  // the DEFAULT partition, nothing lost, and is made with a later envelope.
  if (db.dialect() == Dialect::kPostgres && !db.InTransaction()) {
    std::set<int> months(month_of.begin(), month_of.end());
    months.erase(0);
    std::vector<int> ms(months.begin(), months.end());
    for (const char* t : {"claims", "claim_lines", "claim_findings"}) (void)EnsureMonths(db, t, province, ms);
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
  // One submission of a facility at a time from here until its rows are
  // committed everywhere: its versions are numbered from the stored ones,
  // and a table whose partitions may live on other servers keeps no unique
  // index to catch two at once. The lock is the session's, let go once the
  // outermost transaction has ended and the shards have followed it
  // (hooks run last-registered first), not at the coordinator's COMMIT, a
  // moment before the shards'. (SQLite has one writer already.)
  if (db.dialect() == Dialect::kPostgres) {
    const std::string lock_key = "claims:" + res.facility;
    BHXH_ASSIGN_OR_RETURN(auto lock, db.Prepare("SELECT pg_advisory_lock(hashtext(?))"));
    BHXH_RETURN_IF_ERROR(lock->Bind(lock_key).Run());
    db.AfterTransaction([d = &db, lock_key](Db::Outcome) {
      // After a lost connection the server has let the lock go with it.
      if (auto st = d->Prepare("SELECT pg_advisory_unlock(hashtext(?))"); st.ok()) (void)(*st)->Bind(lock_key).Run();
    });
  }
  BHXH_ASSIGN_OR_RETURN(
      auto w,
      PartitionedWrite::Open(
          db,
          {{"claims",
            {"id",        "facility", "ma_lk",       "version",       "is_current", "submission_id",  "patient_key",
             "card_code", "kind",     "admitted_at", "discharged_at", "day",        "treatment_days", "total_bv",
             "claimed",   "approved", "rejected",    "drug_lines",    "high_cost",  "xml1",           "others",
             "province",  "month"}},
           {"claim_lines",
            {"claim_id", "tbl", "stt", "code", "group_code", "quantity", "unit_price", "claimed", "approved",
             "rejected", "reasons", "ordered_at", "province", "month"}},
           {"claim_findings",
            {"claim_id", "rule", "severity", "tbl", "stt", "field", "message", "province", "month"}},
           {"claim_keys", {"facility", "ma_lk", "version", "claim_id", "month", "province"}}},
          "claims-" + std::to_string(sub_id)));
  // Earlier versions of this envelope's encounters, found in the facility's
  // directory of current versions (claim_keys: one row per MA_LK, by
  // province only, so one index probe per encounter however many months
  // its claims are split into) and retired in the month partition that
  // holds them, where the facility's rows live (its province's partition,
  // on its shard: rows recorded under a code since merged into the province
  // included), before any row of this envelope is written there; one query
  // per 500.
  BHXH_ASSIGN_OR_RETURN(PartitionedWrite::Place claims_at, w->Where(province, 0));
  BHXH_ASSIGN_OR_RETURN(PartitionedWrite::Place keys_at, w->Where(province, 3));
  struct Prior {
    int version = 0;
    int64_t claim_id = 0;
    int64_t month = 0;
  };
  std::map<std::string, Prior> prior;  // MA_LK → its current stored version
  for (size_t b = 0; b < encs.size(); b += 500) {
    size_t e = std::min(encs.size(), b + 500);
    std::string sql =
        "SELECT ma_lk, version, claim_id, month FROM " + keys_at.table + " WHERE facility = ? AND ma_lk IN (";
    for (size_t k = b; k < e; ++k) sql += k == b ? "?" : ",?";
    sql += ")";
    BHXH_ASSIGN_OR_RETURN(auto q, keys_at.db->Prepare(sql));
    q->BindText(1, res.facility);
    for (size_t k = b; k < e; ++k) q->BindText(static_cast<int>(k - b) + 2, encs[k].ma_lk);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      Prior& p = prior[q->Text(0)];
      if (q->Int(1) > p.version) p = {static_cast<int>(q->Int(1)), q->Int(2), q->Int(3)};
    }
  }
  if (!prior.empty()) {
    BHXH_ASSIGN_OR_RETURN(auto retire, claims_at.db->Prepare("UPDATE " + claims_at.table +
                                                             " SET is_current = 0 WHERE id = ? AND month = ?"));
    for (const auto& [ma_lk, p] : prior) {
      retire->Reset();
      BHXH_RETURN_IF_ERROR(retire->Bind(p.claim_id, p.month).Run());
    }
  }
  // Versions follow the stored one, and a MA_LK repeated inside this
  // envelope numbers on (its last occurrence is the current one).
  std::map<std::string, size_t> last;  // MA_LK → its last encounter in this envelope
  {
    std::map<std::string, int> versions;
    for (const auto& [ma_lk, p] : prior) versions[ma_lk] = p.version;
    for (size_t i = 0; i < encs.size(); ++i) {
      res.encounters[i].version = ++versions[encs[i].ma_lk];
      last[encs[i].ma_lk] = i;
    }
  }
  // Rows go by COPY with ids taken first from the coordinator's sequence.
  BHXH_ASSIGN_OR_RETURN(std::vector<int64_t> ids, NewIds(db, "claims", encs.size()));
  {  // the directory follows: an updated row for a MA_LK stored before, a new one below otherwise
    std::unique_ptr<Stmt> move;
    for (const auto& [ma_lk, i] : last) {
      if (!prior.count(ma_lk)) continue;
      if (!move) {
        BHXH_ASSIGN_OR_RETURN(move, keys_at.db->Prepare("UPDATE " + keys_at.table +
                                                        " SET version = ?, claim_id = ?, month = ? "
                                                        "WHERE facility = ? AND ma_lk = ?"));
      }
      move->Reset();
      BHXH_RETURN_IF_ERROR(move->Bind(res.encounters[i].version, ids[i], month_of[i], res.facility, ma_lk).Run());
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(BulkWriter * cw, w->For(province, 0));
    for (size_t i = 0; i < encs.size(); ++i) {
      const Encounter& e = encs[i];
      ReviewedEncounter& out = res.encounters[i];
      const Record& x1 = *e.xml1;
      out.claim_id = ids[i];
      nlohmann::json others = nlohmann::json::array();
      for (const auto& f : e.others) others.push_back({{"type", f.type}, {"xml", f.xml}});
      auto in = Minutes12(x1.Get(XmlField::NGAY_VAO)), outm = Minutes12(x1.Get(XmlField::NGAY_RA));
      int64_t high = 0;
      for (const auto& r : e.xml3) {
        std::string_view g = r.Get(XmlField::MA_NHOM);
        if (g == "2" || g == "8") high += Milli(r.Get(XmlField::T_BHTT)).value_or(0);
      }
      cw->Int(out.claim_id);
      cw->Text(res.facility);
      cw->Text(e.ma_lk);
      cw->Int(out.version);
      cw->Int(last.at(e.ma_lk) == i ? 1 : 0);
      cw->Int(sub_id);
      cw->Text(PatientKey(x1));
      cw->Text(Trim(Split(x1.Get(XmlField::MA_THE_BHYT), ';')[0]));
      cw->Text(x1.Get(XmlField::MA_LOAI_KCB));
      if (in)
        cw->Int(*in);
      else
        cw->Null();
      if (outm)
        cw->Int(*outm);
      else
        cw->Null();
      cw->Text(days[i]);
      cw->Int(std::max(0, DigitsValue(x1.Get(XmlField::SO_NGAY_DTRI))));
      cw->Int(Milli(x1.Get(XmlField::T_TONGCHI_BV)).value_or(0));
      cw->Int(out.claimed);
      cw->Int(out.approved);
      cw->Int(out.rejected);
      cw->Int(static_cast<int64_t>(e.xml2.size()));
      cw->Int(high);
      cw->Text(e.xml1_raw);
      cw->Text(others.dump());
      cw->Text(province);
      cw->Int(month_of[i]);
      BHXH_RETURN_IF_ERROR(cw->EndRow());
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(BulkWriter * lw, w->For(province, 1));
    for (size_t i = 0; i < res.encounters.size(); ++i)
      for (const auto& l : res.encounters[i].lines) {
        const ReviewedEncounter& out = res.encounters[i];
        std::string reasons;
        for (const auto& x : l.reasons) reasons += (reasons.empty() ? "" : ",") + x;
        lw->Int(out.claim_id);
        lw->Text(l.table);
        lw->Text(l.stt);
        lw->Text(l.code);
        lw->Text(l.group);
        lw->Int(l.quantity);
        lw->Int(l.unit_price);
        lw->Int(l.claimed);
        lw->Int(l.approved);
        lw->Int(l.rejected);
        lw->Text(reasons);
        if (l.ordered_at)
          lw->Int(*l.ordered_at);
        else
          lw->Null();
        lw->Text(province);
        lw->Int(month_of[i]);
        BHXH_RETURN_IF_ERROR(lw->EndRow());
      }
    BHXH_ASSIGN_OR_RETURN(BulkWriter * fw, w->For(province, 2));
    for (size_t i = 0; i < res.encounters.size(); ++i)
      for (const auto& f : res.encounters[i].report.findings) {
        const ReviewedEncounter& out = res.encounters[i];
        fw->Int(out.claim_id);
        fw->Text(f.rule);
        fw->Text(f.severity);
        fw->Text(f.table);
        fw->Text(f.stt);
        fw->Text(f.field);
        fw->Text(f.message);
        fw->Text(province);
        fw->Int(month_of[i]);
        BHXH_RETURN_IF_ERROR(fw->EndRow());
      }
    BHXH_ASSIGN_OR_RETURN(BulkWriter * kw, w->For(province, 3));
    for (const auto& [ma_lk, i] : last) {
      if (prior.count(ma_lk)) continue;
      kw->Text(res.facility);
      kw->Text(ma_lk);
      kw->Int(res.encounters[i].version);
      kw->Int(ids[i]);
      kw->Int(month_of[i]);
      kw->Text(province);
      BHXH_RETURN_IF_ERROR(kw->EndRow());
    }
  }
  // Ends the COPYs; the shards' part is prepared and follows the
  // coordinator's outcome (a failure below rolls it back).
  BHXH_RETURN_IF_ERROR(w->Finish());
  // Where these patients' claims now are (claim_patients, schema.cc), on
  // the coordinator in this transaction; in key order, so that envelopes
  // naming the same patients wait on each other instead of deadlocking.
  if (db.dialect() == Dialect::kPostgres) {
    std::set<std::pair<std::string, int64_t>> at;
    for (size_t i = 0; i < encs.size(); ++i)
      if (month_of[i] != 0) at.insert({PatientKey(*encs[i].xml1), month_of[i]});
    std::vector<std::string> patients;
    std::vector<int64_t> months;
    for (const auto& [patient, month] : at) patients.push_back(patient), months.push_back(month);
    if (!at.empty()) {
      BHXH_ASSIGN_OR_RETURN(
          auto hint, db.Prepare("INSERT INTO claim_patients (patient_key, month, province) "
                                "SELECT k, m, ? FROM unnest(CAST(? AS TEXT[]), CAST(? AS INTEGER[])) AS t(k, m) "
                                "ORDER BY k, m ON CONFLICT DO NOTHING"));
      BHXH_RETURN_IF_ERROR(hint->Bind(province, PgArray(patients), PgArray(months)).Run());
    }
  }
  int64_t claimed = 0, approved = 0, rejected = 0;
  for (const auto& e : res.encounters) claimed += e.claimed, approved += e.approved, rejected += e.rejected;
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE claim_submissions SET response = ?, claimed = ?, approved = ?, "
                                            "rejected = ? WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(up->Bind(ResponseJson(res).dump(), claimed, approved, rejected, sub_id).Run());
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

namespace {

Result<PreparedReview> PrepareFile(const ReviewDeps& deps, const std::string& path, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  const std::string key = "file:" + Sha256Hex(text);
  auto p = PrepareReviewInPlace(deps, std::move(text), key, actor);
  if (!p.ok()) return p.status().WithFieldPrefix(path + ": ");
  return p;
}

// SubmitFiles over several connections (see review.h): envelopes prepared
// ahead on other threads, each stored on its facility's connection after
// that connection's previous envelope, results handed to `on_done` in the
// files' order.
Status SubmitSideBySide(Db& db, std::vector<std::unique_ptr<Db>>& extra, const ReviewDeps& deps,
                        const std::vector<std::string>& files, const Actor& actor,
                        const std::function<void(const std::string&, const ReviewResult&)>& on_done) {
  std::vector<Db*> conns{&db};
  for (auto& e : extra) conns.push_back(e.get());
  const size_t n = conns.size();
  const size_t ahead = std::max<size_t>(2, std::thread::hardware_concurrency());
  std::deque<std::future<Result<PreparedReview>>> preparing;
  size_t launched = 0;
  auto top_up = [&] {
    while (launched < files.size() && preparing.size() < ahead)
      preparing.push_back(std::async(std::launch::async, PrepareFile, std::cref(deps), std::cref(files[launched++]),
                                     std::cref(actor)));
  };
  using Stored = std::shared_future<Result<ReviewResult>>;
  std::vector<Stored> last(n);                  // each connection's latest envelope
  std::deque<std::pair<size_t, Stored>> storing;  // in the files' order
  Status failed = Status::Ok();
  // Hands over the oldest stored envelope; false once one has failed.
  auto deliver = [&]() -> bool {
    auto [i, f] = std::move(storing.front());
    storing.pop_front();
    const Result<ReviewResult>& r = f.get();
    if (!r.ok()) {
      failed = r.status().WithFieldPrefix(files[i] + ": ");
      return false;
    }
    if (on_done) on_done(files[i], *r);
    return true;
  };
  auto finish = [&] {
    for (auto& p : preparing) p.wait();
    for (auto& s : storing) s.second.wait();
  };
  top_up();
  for (size_t i = 0; i < files.size(); ++i) {
    Result<PreparedReview> cur = preparing.front().get();
    preparing.pop_front();
    top_up();
    if (!cur.ok()) {
      while (!storing.empty() && deliver()) {
      }
      finish();
      return failed.ok() ? cur.status() : failed;
    }
    const size_t w = std::hash<std::string>{}(cur->result.facility) % n;
    Stored prev = last[w];
    last[w] = std::async(std::launch::async,
                         [conn = conns[w], &deps, &actor, prev, p = std::move(cur).value()]() mutable {
                           if (prev.valid()) prev.wait();  // the facility's earlier envelopes first
                           return CommitReview(*conn, deps, std::move(p), actor);
                         })
                  .share();
    storing.emplace_back(i, last[w]);
    // Results in order; at most two envelopes a connection in flight (each
    // holds its parsed records).
    while (!storing.empty() &&
           (storing.size() > 2 * n ||
            storing.front().second.wait_for(std::chrono::seconds(0)) == std::future_status::ready))
      if (!deliver()) {
        finish();
        return failed;
      }
  }
  while (!storing.empty())
    if (!deliver()) {
      finish();
      return failed;
    }
  return Status::Ok();
}

}  // namespace

Status SubmitFiles(Db& db, const ReviewDeps& deps, const std::vector<std::string>& files, const Actor& actor,
                   const std::function<void(const std::string&, const ReviewResult&)>& on_done) {
  auto prepare = [&](size_t i) { return PrepareFile(deps, files[i], actor); };
  if (files.empty()) return Status::Ok();
  // Storers: this connection, and on PostgreSQL as many more as the bulk
  // writes use (a second connection that cannot be opened only means
  // fewer). SQLite has one writer.
  std::vector<std::unique_ptr<Db>> extra;
  if (db.dialect() == Dialect::kPostgres && !db.InTransaction() && files.size() > 1) {
    BHXH_ASSIGN_OR_RETURN(int want, BulkWriteConnections());
    for (int k = 1; k < want; ++k) {
      auto s = db.Sibling();
      if (!s.ok()) break;
      extra.push_back(std::move(s).value());
    }
  }
  if (!extra.empty()) return SubmitSideBySide(db, extra, deps, files, actor, on_done);
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
