// JSON of row problems (base/row_error.h), shared by every import and
// submission that reports each row: the schema, one row, and the 422 answer
// that carries them all.
#pragma once

#include <vector>

#include "base/row_error.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

Schema RowErrorsSchema();
Json ToJson(const RowError& e);
// {"error": {"code": "rows_rejected", ...}, "errors": [...]}: nothing was stored.
Json RowsRejectedJson(const std::vector<RowError>& errors, const std::string& what_vi, const std::string& what_en);

}  // namespace bhxh
