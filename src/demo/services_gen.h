// Demo public-service data: a few weeks of dossiers at the demo province's
// one-stop desk and on the portal — returned early, on time and late (one
// with its apology), one waiting for documents, one refused, open ones of
// which one is due tomorrow without an apology, a card exchange the citizen
// filed online — with ratings and feedback, so that the console's lists,
// slips and indicators have something real to show.
#pragma once

#include "platform/access/actor.h"
#include "services/dossiers.h"
#include "store/db.h"

namespace bhxh {

struct ServicesGenStats {
  int dossiers = 0, open = 0, returned = 0, feedback = 0;
};

struct ServicesGenPeople {
  std::string province, employer_code, citizen_cccd;
  Actor desk, officer, citizen, employer;
};

Result<ServicesGenStats> GenerateServices(Db& db, const ServicesData& data, const ServiceEngines& eng,
                                          const ServicesGenPeople& who, Date today);

}  // namespace bhxh
