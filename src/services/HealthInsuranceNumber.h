#pragma once

#include <QStringView>

namespace madoguchi::services {

// Insurer numbers (保険者番号, jpki-card.md §7): 8 digits (law number 2 + prefecture 2 + insurer 3 +
// check 1) or 6 digits for municipal national health insurance (prefecture 2 + insurer 3 + check 1).
class HealthInsuranceNumber final
{
public:
    // MHLW rule: weights 2,1,2,1,… from the rightmost digit, add the digits of each product,
    // check = (10 − sum mod 10) mod 10 (3312001 → 5). -1 when `digits` is not ASCII digits.
    [[nodiscard]] static int checkDigit(QStringView digits);
    [[nodiscard]] static bool isValidInsurerNumber(QStringView insurerNumber);
    // 枝番: exactly two ASCII digits.
    [[nodiscard]] static bool isValidBranch(QStringView branch);
};

} // namespace madoguchi::services
