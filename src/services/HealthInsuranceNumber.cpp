#include "services/HealthInsuranceNumber.h"

#include <QChar>

namespace madoguchi::services {

namespace {

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return false;
        }
    }
    return !text.isEmpty();
}

} // namespace

int HealthInsuranceNumber::checkDigit(QStringView digits)
{
    if (!allDigits(digits)) {
        return -1;
    }
    int sum = 0;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        const int d = digits[digits.size() - 1 - i].unicode() - '0';
        const int product = d * (i % 2 == 0 ? 2 : 1);
        sum += product / 10 + product % 10;
    }
    return (10 - sum % 10) % 10;
}

bool HealthInsuranceNumber::isValidInsurerNumber(QStringView insurerNumber)
{
    if ((insurerNumber.size() != 6 && insurerNumber.size() != 8) || !allDigits(insurerNumber)) {
        return false;
    }
    const int expected = checkDigit(insurerNumber.first(insurerNumber.size() - 1));
    return expected == insurerNumber.last().unicode() - '0';
}

bool HealthInsuranceNumber::isValidBranch(QStringView branch)
{
    return branch.size() == 2 && allDigits(branch);
}

} // namespace madoguchi::services
