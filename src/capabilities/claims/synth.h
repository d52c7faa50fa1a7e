// Synthetic XML 130 envelopes for tests, demos and benchmarks: consistent
// encounters (outpatient visits and inpatient stays with exams, drugs,
// labs, beds) whose every amount follows the standard's formulas and the
// law's benefit levels, plus defects injected on request, each of which
// must trigger exactly one known rule.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "eligibility/card_index.h"
#include "law/lawbook.h"
#include "store/db.h"

namespace bhxh {

struct SynthDefect {
  int encounter;     // 0-based
  std::string kind;  // see kSynthDefects
};

// Defect kind → the rule it must trigger.
extern const std::vector<std::pair<std::string, std::string>> kSynthDefects;

// A real person with a card, for envelopes built on the demo database.
struct SynthPatient {
  std::string si_number, cccd, full_name, dob12, sex, card_code, card_from, card_to, registered;  // XML forms
};

struct SynthOptions {
  uint64_t seed = 1;
  int encounters = 10;
  std::string facility = "01001";
  std::string ma_lk_prefix = "LK";  // MA_LK = prefix + seed + "-" + index
  int patient_offset = 0;           // patient of encounter i: SI number 01 + (offset + i)
  Date day = Date::FromYmd(2026, 11, 20);
  std::vector<SynthDefect> defects;
  std::vector<SynthPatient> patients;  // when set, encounter i treats patients[i % size] with their card
  int quantity_percent = 100;          // scales drug quantities (a facility whose costs jump)
  // About ten lines an encounter, as national claims carry (more drugs,
  // labs, an X-ray for one in three, infusions for inpatients), instead of
  // the four or five that keep tests readable.
  bool national_mix = false;
};

// National card records of the default synthetic patients 0..count-1 (SI
// number 01 + 8 digits, card DN4 01, valid through the year of `day`,
// registered at `facility`), so a card index can answer for them.
std::vector<CardRecord> SynthCards(int count, Date day = Date::FromYmd(2026, 11, 20),
                                   const std::string& facility = "01001");

// Catalogue CSV texts (with headers, for ImportCatalogue) listing, for each
// facility, every drug and service SynthEnvelope writes, at prices at or
// above those it claims, valid from `from` to `to`.
struct SynthCatalogue {
  std::string drugs_csv, services_csv;
};
SynthCatalogue SynthCatalogueFor(const std::vector<std::string>& facilities, Date from, Date to,
                                 bool national_mix = false);

// Living persons of the national record with a card valid on `day` (of
// `province` when given: the card code's province), at most `limit`, in
// card order — the patients of envelopes built on a real database (the
// demo, `bhxh claims synth --from-record`), so their claims pass the card
// check and show only the planted defects.
Result<std::vector<SynthPatient>> LoadSynthPatients(Db& db, Date day, const std::string& province, int limit);

// Returns the GIAMDINHHS envelope as XML text.
std::string SynthEnvelope(const LawBook& law, const SynthOptions& opt);

}  // namespace bhxh
