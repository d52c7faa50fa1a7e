// The schemas of the programmes' answers (json.h writes them), for the
// OpenAPI document and the response checks of the tests.
#pragma once

#include "platform/jsonio/schema.h"

namespace bhxh::schemas {

Schema TimeFrame();
Schema ImportedProgramme();
Schema StoredProgramme();
Schema TaskState();
Schema ProgressEntry();
Schema FollowUpGroup();
Schema Deadline();
Schema Unit();
Schema IndicatorValue();
Schema IndicatorStatus();
Schema AnnualReport();

}  // namespace bhxh::schemas
