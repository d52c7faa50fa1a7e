// The check-in table (XML0 of QĐ 130/QĐ-BYT as amended by QĐ 4750/QĐ-BYT):
// a facility sends it when a patient's first chargeable item is ordered, so
// the fund knows who is being treated before the claim arrives. It is not a
// basis for payment (hi-claims.md §2).
//
// The document is CHI_TIEU_TRANG_THAI_KCB > DSACH_TRANG_THAI_KCB >
// TRANG_THAI_KCB rows with the 26 fields of 4750 (MA_LK, STT, MA_BN,
// HO_TEN, SO_CCCD, NGAY_SINH, GIOI_TINH, MA_THE_BHYT, MA_DKBD, GT_THE_TU,
// GT_THE_DEN, MA_DOITUONG_KCB, NGAY_VAO, NGAY_VAO_NOI_TRU, LY_DO_VNT,
// MA_LY_DO_VNT, MA_LOAI_KCB, MA_CSKCB, MA_DICH_VU, TEN_DICH_VU, MA_THUOC,
// TEN_THUOC, MA_VAT_TU, TEN_VAT_TU, NGAY_YL, DU_PHONG). Every row is checked
// (MA_LK, the facility's own MA_CSKCB, HO_TEN, NGAY_VAO as yyyyMMddHHmm);
// one wrong row refuses the document. Each card is checked against the
// national record on the admission date (an emergency, MA_DOITUONG_KCB 2,
// may come without a card) and its result code answered; a check-in sent
// again for the same MA_LK replaces the earlier one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/row_error.h"
#include "eligibility/card_index.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct Checkin {
  std::string facility, ma_lk, card_code, cccd, full_name, patient_group, kind;
  int64_t admitted_at = 0;  // minutes since 1970-01-01
  std::string card_result, card_message;  // the card check's code ("000", "050", …) and message; "" for an emergency without card
  std::string received_at, received_by;
};

struct CheckinResult {
  std::vector<Checkin> rows;
  std::vector<RowError> errors;  // any: nothing stored
  std::string received_at;
};

// `own_facility`: the sender's facility when it is a facility account
// (every row's MA_CSKCB must be it); empty for an officer.
Result<CheckinResult> ReceiveCheckins(Db& db, const CardIndex& cards, std::string_view xml, const std::string& own_facility,
                                      const Actor& actor);

// Check-ins of the facilities given (empty: all) admitted on `day`, newest first.
Result<std::vector<Checkin>> ListCheckins(Db& db, const std::vector<std::string>& facilities, Date day, int limit);

}  // namespace bhxh
