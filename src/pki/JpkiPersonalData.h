#pragma once

#include <QDate>
#include <QString>

namespace madoguchi::pki {

// The personal data a JPKI signing certificate carries in its SAN otherNames (jpki-card.md §5).
// Personal data: never log it; show it only on an operator's explicit action.
struct JpkiPersonalData
{
    QString name;      // family name, U+3000 (full-width space), given name
    QString nameFlags; // one '0'/'1' per character of name: '1' = substitute character (外字)
    QString sex;       // "1" male, "2" female, "9" not applicable
    int eraDigit = 0;  // 1 明治 2 大正 3 昭和 4 平成 5 令和 0 unknown
    QDate birthDate;   // Gregorian
    QString address;
    QString addressFlags; // one '0'/'1' per character of address

    // The SAN form `EYYYYMMDD`.
    [[nodiscard]] QString birthField() const;
    // The era a Gregorian date falls in (1..5), 0 before 明治.
    [[nodiscard]] static int eraDigitFor(QDate date);
    // "Characters" for the flag strings are Unicode code points (a 外字 outside the BMP is one).
    [[nodiscard]] static qsizetype characterCount(const QString& text);

    friend bool operator==(const JpkiPersonalData&, const JpkiPersonalData&) = default;
};

} // namespace madoguchi::pki
