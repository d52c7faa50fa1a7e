// A problem with one row of a file or a submission: which row (counted
// from 1, as people number them), which field, the rule's code and the
// message in Vietnamese and English. Imports report every row's problem,
// not just the first.
#pragma once

#include <string>

namespace bhxh {

struct RowError {
  int row;
  std::string field, code, message_vi, message_en;
};

}  // namespace bhxh
