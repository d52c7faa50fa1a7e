#include "demo/claims_gen.h"

#include <cstdio>
#include <filesystem>

#include "claims/synth.h"
#include "demo/generator.h"

namespace bhxh {

Result<ClaimsGenStats> GenerateClaims(Db& db, const ClaimSchema& schema, const LawBook& law, const CardIndex& cards,
                                      const ClaimsGenOptions& opt, const Actor& actor) {
  ClaimsGenStats st;
  const std::string& p = opt.province;
  struct Fac {
    std::string code, name, level;
    int visits;
  };
  std::vector<Fac> facs = {{p + "901", "Bệnh viện Đa khoa tỉnh", "province", 60}};
  for (int i = 0; i < 5; ++i)
    facs.push_back({p + std::to_string(902 + i), "Trung tâm Y tế huyện " + std::to_string(i + 1), "district", 30});
  for (int i = 0; i < 6; ++i)
    facs.push_back({p + std::to_string(910 + i), "Trạm Y tế xã " + std::to_string(i + 1), "commune", 10});
  st.facilities = static_cast<int>(facs.size());
  st.jump_facility = facs[2].code;
  std::string fcsv = "code,name,level,province\n";
  std::vector<std::string> codes;
  for (const auto& f : facs) {
    fcsv += f.code + "," + f.name + "," + f.level + "," + p + "\n";
    codes.push_back(f.code);
  }
  SynthCatalogue synth_cat = SynthCatalogueFor(codes, Date::FromYmd(opt.last_day.year() - 1, 1, 1),
                                               Date::FromYmd(opt.last_day.year(), 12, 31));
  std::string& dcsv = synth_cat.drugs_csv;
  std::string& scsv = synth_cat.services_csv;
  for (auto [kind, csv] :
       {std::pair<const char*, std::string*>{"facilities", &fcsv}, {"drugs", &dcsv}, {"services", &scsv}}) {
    BHXH_ASSIGN_OR_RETURN(ImportResult r, ImportCatalogue(db, kind, *csv, actor));
    if (!r.accepted) return Status::Internal(std::string("generated ") + kind + " catalogue rejected");
  }
  Catalogue cat;
  BHXH_RETURN_IF_ERROR(cat.Load(db));
  ReviewDeps deps{schema, law, cards, cat};

  // Real patients: persons with a card valid on the first generated day, read once.
  BHXH_ASSIGN_OR_RETURN(std::vector<SynthPatient> pats,
                        LoadSynthPatients(db, opt.last_day.AddDays(-(opt.days - 1)), "", 1'000'000));
  if (!opt.out_dir.empty()) std::filesystem::create_directories(opt.out_dir);
  Rng rng(opt.seed * 7919);
  for (int d = opt.days - 1; d >= 0; --d) {
    Date day = opt.last_day.AddDays(-d);
    int weekday = (day.days() + 4) % 7;  // 0 = Sunday
    double wf = weekday == 0 ? 0.3 : weekday == 6 ? 0.6 : 1.0;
    for (size_t fi = 0; fi < facs.size(); ++fi) {
      const Fac& f = facs[fi];
      SynthOptions o;
      o.seed = opt.seed * 100000 + static_cast<uint64_t>(day.days()) * 100 + fi;
      o.facility = f.code;
      o.day = day;
      o.ma_lk_prefix = f.code + "-";
      o.encounters = std::max(1, static_cast<int>(f.visits * wf * opt.volume * (0.85 + 0.3 * rng.Uniform())));
      for (int k = 0; k < o.encounters; ++k) o.patients.push_back(pats[rng.Next() % pats.size()]);
      if (f.code == st.jump_facility && d < 2) o.quantity_percent = 3000;
      // About 3% of encounters carry a defect, spread over the kinds.
      for (int k = 0; k < o.encounters; ++k)
        if (rng.Chance(0.03)) {
          const auto& kinds = kSynthDefects;
          std::string kind = kinds[rng.Next() % kinds.size()].first;
          if (kind == "overlap" || kind == "bad_date") kind = "line_price";
          o.defects.push_back({k, kind});
        }
      std::string xml = SynthEnvelope(law, o);
      if (!opt.out_dir.empty()) {
        std::string path = opt.out_dir + "/" + f.code + "_" + day.ToString() + ".xml";
        if (FILE* fh = std::fopen(path.c_str(), "w")) {
          std::fwrite(xml.data(), 1, xml.size(), fh);
          std::fclose(fh);
        }
      }
      BHXH_ASSIGN_OR_RETURN(PreparedReview prep,
                            PrepareReview(deps, xml, "gen:" + f.code + ":" + day.ToString(), actor));
      BHXH_ASSIGN_OR_RETURN(ReviewResult r, CommitReview(db, deps, std::move(prep), actor));
      ++st.envelopes;
      st.encounters += static_cast<int64_t>(r.encounters.size());
      for (const auto& e : r.encounters) st.rejected_encounters += e.rejected > 0;
    }
  }
  return st;
}

}  // namespace bhxh
