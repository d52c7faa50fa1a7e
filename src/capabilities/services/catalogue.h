// The catalogue of administrative procedures and the dated parameters of
// the one-stop desks (M9; 249/QĐ-BHXH §III.4, Appendix II §IV).
//
// Contract: procedures are rows of data/services/procedures.csv (code,
// group, forms, legal deadline with its unit and article, who may file,
// whether it runs fully online, what a returned result does); parameters
// are dated rows of data/services/parameters.csv; holidays are
// data/services/calendar.csv. A malformed row fails the load naming its
// file and line. Immutable once loaded.
#pragma once

#include <string>
#include <vector>

#include "law/params.h"
#include "services/calendar.h"

namespace bhxh {

struct Procedure {
  std::string code, name, group;
  std::vector<std::string> forms;
  int deadline = 0;
  std::string deadline_unit;  // working_days | days_excl_holidays | days
  std::string article;
  std::vector<std::string> filers;  // citizen | employer | facility
  bool fully_online = false;
  std::string action;  // declaration | hi_card_reissue | hi_card_exchange | benefit_case | voluntary_registration |
                       // registered_info_correction | none
  std::string regime;  // for benefit_case
  std::string cutoff;  // HH:MM, empty = receipt.cutoff
  Date valid_from;
  std::string source, note;
  bool MayFile(const std::string& filer_kind) const;
  bool uncertain() const { return note.rfind("uncertain", 0) == 0; }
};

class ServicesData {
 public:
  static Result<ServicesData> Load(const std::string& dir);
  const ParamTable& params() const { return params_; }
  const std::vector<Procedure>& procedures() const { return procedures_; }
  const Procedure* Find(const std::string& code) const;
  // The file's calendar (the database's corrections are applied by
  // LoadCalendar in dossiers.h).
  const WorkCalendar& calendar() const { return calendar_; }

 private:
  ParamTable params_;
  std::vector<Procedure> procedures_;
  WorkCalendar calendar_;
};

}  // namespace bhxh
