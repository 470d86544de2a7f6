#include "pki/JpkiPersonalData.h"

namespace madoguchi::pki {

QString JpkiPersonalData::birthField() const
{
    return QString::number(eraDigit) + birthDate.toString(QStringLiteral("yyyyMMdd"));
}

int JpkiPersonalData::eraDigitFor(QDate date)
{
    // First days of each era (Gregorian). 明治 is taken from its proclamation, 1868-10-23.
    if (date >= QDate(2019, 5, 1)) {
        return 5;
    }
    if (date >= QDate(1989, 1, 8)) {
        return 4;
    }
    if (date >= QDate(1926, 12, 25)) {
        return 3;
    }
    if (date >= QDate(1912, 7, 30)) {
        return 2;
    }
    if (date >= QDate(1868, 10, 23)) {
        return 1;
    }
    return 0;
}

qsizetype JpkiPersonalData::characterCount(const QString& text)
{
    return text.toUcs4().size();
}

} // namespace madoguchi::pki
