// The pre-check: every review rule that needs no stored data, run on an
// envelope as a facility would before sending it (issue #4 §1), and the
// first stage of the review at VSS. Rules and their severities, legal
// bases and messages come from data/claims/rules.csv; field formats from
// xml130_fields.csv; benefit levels, the reference level and the 15%
// threshold from the law book, in force on the admission date.
//
// Families: format (required, type, length, dates, decimal point, ';'
// lists), arithmetic (line amounts, the patient/fund split, XML1 totals),
// card validity from the claim's own card dates, MUC_HUONG against the card
// level, route and the below-15% rule, timing (orders within the stay,
// results after orders, treatment and bed days, overlapping stays and
// repeated services across the envelope), exam-fee rates by order,
// performer present, ICD-10 codes.
#pragma once

#include <string>
#include <vector>

#include "claims/xml130.h"
#include "law/lawbook.h"

namespace bhxh {

struct Finding {
  std::string rule, severity, table, stt, field, message, legal_basis;
};

struct EncounterReport {
  std::string ma_lk;
  int hoso = 0;
  std::vector<Finding> findings;
  bool rejected() const;
};

struct CheckReport {
  std::string facility;
  std::vector<EncounterReport> encounters;
  std::vector<EnvelopeError> errors;
  int lines = 0;
};

CheckReport PreCheck(const Envelope& env, const ClaimSchema& schema, const LawBook& law);
// The same on encounters already read; `rep` gets one report per encounter, in order.
void CheckEncounters(const std::vector<Encounter>& encs, const ClaimSchema& schema, const LawBook& law,
                     CheckReport* rep);
// A finding of `rule` with its severity, legal basis and message from the rule book.
Finding MakeFinding(const ClaimSchema& schema, const std::string& rule, std::string_view table, std::string_view stt,
                    std::string_view field, std::string_view detail);
// The patient an encounter is about: the first card's SI number, else the
// ID number, else the facility's patient code.
std::string PatientKey(const Record& xml1);

}  // namespace bhxh
