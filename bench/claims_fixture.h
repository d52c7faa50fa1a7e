// Shared by the claims benchmarks: synthetic envelopes written to disk,
// with the card records and catalogue that match them.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "capabilities/all.h"
#include "claims/catalogue.h"
#include "claims/module.h"
#include "claims/synth.h"
#include "eligibility/module.h"
#include "platform/context.h"

namespace bhxh::bench {

struct EnvelopeFiles {
  std::vector<std::string> paths;
  size_t bytes = 0;
};

// The facilities the envelopes come from, in turn: a day's claims come from
// many facilities in every province, and a batch stores different
// facilities' envelopes side by side (SubmitFiles).
inline const std::vector<std::string>& BenchFacilities() {
  static const std::vector<std::string> kFacilities = {"01001", "79001", "48001", "31001",
                                                       "92001", "01002", "79002", "46001"};
  return kFacilities;
}

// `n` encounters in envelopes of `per`, about 2% with injected defects,
// written to `dir` (which must exist); `national_mix`: ~10 lines an
// encounter instead of ~4 (SynthOptions::national_mix).
inline EnvelopeFiles WriteSynthEnvelopes(const LawBook& law, int n, int per, const std::string& dir,
                                         bool national_mix = false) {
  EnvelopeFiles out;
  for (int start = 0, k = 0; start < n; start += per, ++k) {
    SynthOptions o;
    o.seed = static_cast<uint64_t>(k + 1);
    o.facility = BenchFacilities()[static_cast<size_t>(k) % BenchFacilities().size()];
    o.encounters = std::min(per, n - start);
    o.patient_offset = start;
    o.national_mix = national_mix;
    for (int d = 0; d < o.encounters; d += 50)
      o.defects.push_back({d, kSynthDefects[(d / 50) % kSynthDefects.size()].first});
    std::string xml = SynthEnvelope(law, o);
    std::string path = dir + "/env" + std::to_string(k) + ".xml";
    FILE* f = std::fopen(path.c_str(), "w");
    std::fwrite(xml.data(), 1, xml.size(), f);
    std::fclose(f);
    out.bytes += xml.size();
    out.paths.push_back(path);
  }
  return out;
}

// Cards for the first `n` synthetic patients and the facilities' catalogues.
inline void PrepareSynthStore(AppContext& ctx, int n, const Actor& op, bool national_mix = false) {
  ctx.State<EligibilityState>().Replace(SynthCards(n));
  SynthCatalogue cat =
      SynthCatalogueFor(BenchFacilities(), Date::FromYmd(2026, 1, 1), Date::FromYmd(2026, 12, 31), national_mix);
  auto lease = ctx.pool->Acquire();
  (void)ImportCatalogue(**lease, "drugs", cat.drugs_csv, op);
  (void)ImportCatalogue(**lease, "services", cat.services_csv, op);
  (void)ctx.State<ClaimsState>().ReloadCatalogue(ctx);
}

}  // namespace bhxh::bench
