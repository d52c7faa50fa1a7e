// Who owns a person's or an employer's data, for the route table's scope
// check (a provincial officer sees her province's, an employer its own, a
// citizen his own). Used by every capability whose routes are about one
// person or one employer.
#pragma once

#include "platform/access/policy.h"
#include "store/db.h"

namespace bhxh {

// `field` names the input in the not_found error ("cccd", "employer_code").
Result<Owner> PersonOwner(Db& db, const std::string& cccd, const std::string& field = "cccd");
Result<Owner> EmployerOwner(Db& db, const std::string& code, const std::string& field = "code");

}  // namespace bhxh
