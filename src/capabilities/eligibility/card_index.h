// HI eligibility answered from memory (M2): given a CCCD, a 10-digit SI
// number or a 15-character card code, a facility and a date, is the card
// valid — with the portal's result code (hi-claims.md §4):
//   000 valid · 010 expired / not yet valid · 050 no data · 051 wrong code ·
//   052 wrong province (chars 4-5) · 053 wrong benefit digit (char 3) ·
//   060 wrong name · 061 wrong name, its first letter right · 070 wrong
//   date of birth · 110 card withdrawn · 120 reported decreased (the
//   holder has died) · 121–124 reported decreased by the employer (a leave:
//   the card covers through the last month contributed; 121 moved to
//   another province, 122 within the province, 123 re-joined the same
//   employer, 124 stopped). The codes' meanings as hospital software reads
//   the portal's list (hi-claims.md §4; 061 and 121–124 ⚠ secondary).
// The answers that need the record or other data (001/002, 003/004, 130)
// are added around this index by record_check.h.
//
// Entries are compact fixed-size records in one vector, found through two
// sorted key arrays (CCCD and SI number) by binary search; names live in
// one string arena. About 100 bytes per person, so 10M persons fit well
// under 2 GB. Cards issued after loading go to a small overlay map under a
// shared mutex, so lookups never wait on a reload.
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/cccd.h"
#include "base/date.h"
#include "law/lawbook.h"
#include "store/db.h"

namespace bhxh {

// One person's current card, as loaded.
struct CardRecord {
  std::string cccd, si_number, full_name;
  PartialDate dob;
  Sex sex = Sex::kMale;
  std::optional<Date> deceased_on;
  std::string card_code;  // 15 characters
  Date valid_from, valid_to;
  std::string facility;
  std::optional<Date> five_year_date;
  bool withdrawn = false;
  std::string decrease_code;  // "121".."124" when reported decreased; valid_to is then the last day covered
};

struct EligibilityQuery {
  std::string id;         // CCCD (12), SI number (10) or card code (15)
  std::string facility;   // 5 digits; optional
  std::string date;       // YYYY-MM-DD; default today
  std::string full_name;  // optional: checked when given
  std::string dob;        // optional: checked when given
};

struct EligibilityAnswer {
  std::string code;  // "000", "010", ...
  bool valid = false;
  std::string message_vi, message_en;
  std::optional<CardRecord> card;
  Date date;
  int level = 0;
  RateMicro percent = 0;
  std::string group;
  bool registered_here = false;
  bool five_years_reached = false;
};

class CardIndex {
 public:
  explicit CardIndex(const LawBook& law) : law_(law) {}
  // Replaces the contents with every person's latest card from the store.
  Status Load(Db& db);
  // Replaces the contents with `records` (bulk build, e.g. benchmarks).
  void Build(std::vector<CardRecord> records);
  // Reloads one person's card from the store (a card issued, a death
  // recorded); a person without a card is left as is.
  Status Refresh(Db& db, const std::string& cccd);
  // Adds or replaces one person's card (after a card is issued).
  void Upsert(const CardRecord& r);
  size_t size() const;
  size_t MemoryBytes() const;

  // Validation errors of the query itself (bad ID format, bad date) are a
  // Status; every answer about the card is an EligibilityAnswer.
  Result<EligibilityAnswer> Check(const EligibilityQuery& q) const;

 private:
  struct Entry {
    uint64_t cccd = 0, si = 0;
    char group[2];
    uint8_t level = 0;
    uint8_t sex = 0;
    char province[2];
    uint8_t withdrawn = 0;
    uint8_t decrease = 0;  // decrease code − 120 (1..4), 0 = none; fills padding
    int32_t valid_from = 0, valid_to = 0, five_year = INT32_MIN, deceased = INT32_MAX;
    uint32_t facility = 0;
    int16_t dob_year = 0;
    int8_t dob_month = 0, dob_day = 0;
    uint32_t name_off = 0;
    uint16_t name_len = 0;
  };
  static Entry Pack(const CardRecord& r, std::string& arena);
  CardRecord Unpack(const Entry& e, const std::string& arena) const;
  const Entry* Find(uint64_t key, bool by_si, const std::string** arena) const;

  const LawBook& law_;
  std::vector<Entry> entries_;
  std::vector<std::pair<uint64_t, uint32_t>> by_cccd_, by_si_;
  std::string arena_;
  mutable std::shared_mutex mu_;
  std::unordered_map<uint64_t, Entry> overlay_cccd_;
  std::unordered_map<uint64_t, uint64_t> overlay_si_;  // si -> cccd
  std::string overlay_arena_;
};

}  // namespace bhxh
