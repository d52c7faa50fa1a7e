// Dossiers handled the one-stop way (Decree 118/2025/NĐ-CP; the six
// standard slips Mẫu 01–06) and the procedures that change the record.
//
// Contract:
//  - Filing validates everything first and stores nothing on error: the
//    procedure exists and is in force, the filer may file it (citizen,
//    employer, facility — an officer at the desk files for any of them),
//    the person or employer concerned exists, the payload has what the
//    procedure's action needs. A dossier gets its number
//    (agency.province-YYMMDD-system+sequence, Circular 03/2025/TT-VPCP
//    Art.13.3 as amended) and its due date from the working-day calendar.
//    Filing is idempotent on its key.
//  - States: received → processing ⇄ supplement (documents requested; the
//    count restarts when they arrive) → returned | refused. Every move is a
//    timed step (the process-control slip, Mẫu 05) and an audit row, in one
//    transaction.
//  - The apology (Mẫu 04) gives a new date after the due date; it is due
//    `apology.lead_days` working days before the deadline and flagged late
//    when issued after that.
//  - Returning a result runs the procedure's action in the same
//    transaction — declaration, hi_card_reissue / hi_card_exchange,
//    benefit_case, voluntary_registration, registered_info_correction —
//    exactly once: the dossier's
//    status guards it and the engines' idempotency keys are the dossier's.
//    The outcome is early, on_time or late against the original due date
//    (an apology does not make a late dossier on time).
//  - Attachments: size and count limits from parameters.csv, SHA-256 kept
//    and checked again when read.
//  - Ratings on the five factors of the agency's survey (1–5), once, by
//    the filer, after the result.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/access/actor.h"
#include "platform/jsonio/json.h"
#include "services/catalogue.h"
#include "store/db.h"

namespace bhxh {

class Geo;
class LawBook;
class BenefitLaw;

// What the actions need from other engines.
struct ServiceEngines {
  const Geo* geo = nullptr;
  const LawBook* law = nullptr;
  const BenefitLaw* benefit_law = nullptr;
};

// The file's calendar with the officers' corrections stored in the database.
[[nodiscard]] Result<WorkCalendar> LoadCalendar(Db& db, const ServicesData& data);
[[nodiscard]] Status SetCalendarDay(Db& db, const CalendarDay& day, const Actor& by);
// The receipt cut-off of a procedure on a day, in minutes.
[[nodiscard]] Result<int> CutoffOf(const ServicesData& data, const Procedure& p, Date on);

struct DossierStep {
  int seq = 0;
  std::string at;  // local time YYYY-MM-DDTHH:MM
  std::string action;  // receive | handover | supplement_request | supplement_received | apology | refuse | return
  std::string from_unit, from_officer, to_unit, to_officer, note, recorded_by;
  int working_days = 0;  // working days the dossier spent with the previous holder
};

struct Attachment {
  int seq = 0;
  std::string name, media_type, sha256, added_by, added_at;
  int64_t size = 0;
};

struct Rating {
  int accessibility = 0, procedures = 0, service_quality = 0, results = 0, feedback_handling = 0;
  std::string comment, rated_by, rated_at;
  double Mean() const { return (accessibility + procedures + service_quality + results + feedback_handling) / 5.0; }
};

struct Dossier {
  int64_t id = 0;
  std::string number, procedure, procedure_name, province, channel;  // channel: online | desk
  std::string filer_kind, filer_id, filer_name, cccd, employer_code, contact;
  Json payload;
  std::string received_at, counted_from, due_on, new_due_on, apology_on;
  bool apology_late = false;
  std::string status;   // received | processing | supplement | returned | refused
  std::string outcome;  // early | on_time | late (when returned or refused)
  std::string returned_on, holder_unit, holder_officer;
  Json result;          // what the action did
  std::vector<std::string> refusal_reasons, missing_documents;
  std::vector<std::string> deadline_notes;
  std::vector<DossierStep> steps;
  std::vector<Attachment> attachments;
  std::optional<Rating> rating;
  bool replayed = false;
  // Events for the caller to publish after commit: {"person.changed", cccd}, ...
  std::vector<std::pair<std::string, std::string>> events;
};

struct FileInput {
  std::string procedure;
  std::string channel;     // online | desk
  std::string filer_kind;  // citizen | employer | facility
  std::string filer_id;    // CCCD, employer code or facility code
  std::string filer_name, contact, cccd, employer_code;
  std::string province;    // the receiving province (2 digits)
  Json payload = Json::object();
  std::string received_at;  // local time; empty = now
  std::string unit = "Bộ phận một cửa";
  std::string idempotency_key;
};

[[nodiscard]] Result<Dossier> FileDossier(Db& db, const ServicesData& data, const ServiceEngines& eng, const FileInput& in,
                                          const Actor& by);
[[nodiscard]] Result<Dossier> GetDossier(Db& db, int64_t id);
[[nodiscard]] Result<int64_t> DossierIdByNumber(Db& db, const std::string& number);

// `at` empty = now (local time).
[[nodiscard]] Result<Dossier> HandOver(Db& db, int64_t id, const std::string& to_unit, const std::string& to_officer,
                                       const std::string& note, const std::string& at, const Actor& by);
[[nodiscard]] Result<Dossier> RequestSupplement(Db& db, int64_t id, const std::vector<std::string>& missing,
                                                const std::string& note, const std::string& at, const Actor& by);
[[nodiscard]] Result<Dossier> SupplementReceived(Db& db, const ServicesData& data, int64_t id, const std::string& note,
                                                 const std::string& at, const Actor& by);
[[nodiscard]] Result<Dossier> Refuse(Db& db, int64_t id, const std::vector<std::string>& reasons,
                                     const std::string& at, const Actor& by);
[[nodiscard]] Result<Dossier> Apologise(Db& db, const ServicesData& data, int64_t id, const std::string& new_due,
                                        const std::string& reason, const std::string& at, const Actor& by);
[[nodiscard]] Result<Dossier> ReturnResult(Db& db, const ServicesData& data, const ServiceEngines& eng, int64_t id,
                                           const std::string& note, const std::string& at, const Actor& by);
[[nodiscard]] Result<Dossier> RateDossier(Db& db, int64_t id, const Rating& r, const Actor& by);
[[nodiscard]] Result<Attachment> AddAttachment(Db& db, const ServicesData& data, int64_t id, const std::string& name,
                                               const std::string& media_type, const std::string& bytes, const Actor& by);
// The bytes, checked against the stored SHA-256.
[[nodiscard]] Result<std::pair<Attachment, std::string>> ReadAttachment(Db& db, int64_t id, int seq);

struct DossierFilter {
  std::vector<std::string> provinces;  // empty: all
  std::string cccd, employer_code, facility;  // an own-scope caller's
  std::string status, procedure;
  bool open_only = false;
  bool needs_apology = false;  // received or processing (not waiting for documents), no apology yet,
                               // within apology.lead_days working days of the due date or past it
  std::string received_from, received_to;  // dates
};
struct DossierRow {
  int64_t id = 0;
  std::string number, procedure, procedure_name, province, channel, filer_name, received_at, due_on, new_due_on,
      status, outcome, holder_unit;
  int working_days_left = 0;  // to the due date (negative: overdue), open dossiers
};
struct DossierPage {
  std::vector<DossierRow> rows;
  int64_t total = 0;
};
[[nodiscard]] Result<DossierPage> ListDossiers(Db& db, const ServicesData& data, const DossierFilter& f, Date today,
                                               int64_t limit, int64_t offset);

// The slips: "01".."05" for one dossier.
[[nodiscard]] Result<std::string> SlipHtml(Db& db, const ServicesData& data, int64_t id, const std::string& form);
// Mẫu 06, the tracking book of dossiers received in [from, to].
[[nodiscard]] Result<std::string> TrackingBookHtml(Db& db, const DossierFilter& f, Date from, Date to);

}  // namespace bhxh
