#include "services/IndividualNumberDetector.h"

#include <QString>

namespace madoguchi::services {

int IndividualNumberDetector::checkDigit(QStringView eleven)
{
    if (eleven.size() != 11) {
        return -1;
    }
    int sum = 0;
    for (int n = 1; n <= 11; ++n) { // n counts from the right
        const QChar c = eleven[11 - n];
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return -1;
        }
        const int weight = n <= 6 ? n + 1 : n - 5;
        sum += (c.unicode() - '0') * weight;
    }
    const int r = sum % 11;
    return r <= 1 ? 0 : 11 - r;
}

bool IndividualNumberDetector::looksLikeIndividualNumber(QStringView field)
{
    QString digits;
    for (const QChar c : field) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('-')) {
            continue;
        }
        if (c < QLatin1Char('0') || c > QLatin1Char('9') || digits.size() == 12) {
            return false;
        }
        digits.append(c);
    }
    return digits.size() == 12 && checkDigit(QStringView(digits).left(11)) == digits.at(11).unicode() - '0';
}

bool IndividualNumberDetector::containsIndividualNumber(QByteArrayView text)
{
    qsizetype runStart = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool digit = i < text.size() && text[i] >= '0' && text[i] <= '9';
        if (digit && runStart < 0) {
            runStart = i;
        } else if (!digit && runStart >= 0) {
            if (i - runStart == 12 && looksLikeIndividualNumber(QString::fromLatin1(text.sliced(runStart, 12)))) {
                return true;
            }
            runStart = -1;
        }
    }
    return false;
}

} // namespace madoguchi::services
