// A citizen's social-insurance book (M5): periods, months per fund, the
// months the employer has not paid; and the monthly notice of contributions.
#pragma once

#include "history/book.h"
#include "history/notice.h"
#include "platform/context.h"
#include "platform/jsonio/json.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kHistory;
void HistoryRoutes(RouteTable& t);
void HistoryCommands(Shell& sh);
Json ToJson(const Book& b);
Json ToJson(const MonthlyNotice& n);

}  // namespace bhxh
