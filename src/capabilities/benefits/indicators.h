// The strategy indicators the benefits data measures (#4 and #7 of
// 249/QĐ-BHXH Appendix I), as providers on the programmes' MeasureBook so
// that `bhxh programmes indicator-compute` computes them with their method.
#pragma once

#include "programmes/indicator_values.h"

namespace bhxh {

void RegisterBenefitMeasures(MeasureBook& book);

}  // namespace bhxh
