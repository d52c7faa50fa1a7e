#include "registry/owners.h"

namespace bhxh {

Result<Owner> PersonOwner(Db& db, const std::string& cccd, const std::string& field) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT province FROM persons WHERE cccd = ?"));
  st->Bind(cccd);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound(field, "Không tìm thấy người tham gia " + cccd, "no person " + cccd);
  Owner o;
  o.province = st->Text(0);
  o.cccd = cccd;
  return o;
}

Result<Owner> EmployerOwner(Db& db, const std::string& code, const std::string& field) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT province FROM employers WHERE code = ?"));
  st->Bind(code);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound(field, "Không tìm thấy đơn vị " + code, "no employer " + code);
  Owner o;
  o.province = st->Text(0);
  o.employer = code;
  return o;
}

}  // namespace bhxh
