#pragma once

#include <QByteArrayView>
#include <QStringView>

namespace madoguchi::services {

// Recognises the 12-digit individual number (個人番号) so that Madoguchi can REFUSE it: it never
// reads, stores or logs one (architecture.md §3, jpki-card.md §7).
class IndividualNumberDetector final
{
public:
    // Check digit over 11 digits: weights 2..7,2..6 from the right, r = Σ mod 11, 0 if r ≤ 1 else 11 − r
    // (jpki-card.md §7: 12345678901 → 8). -1 when `eleven` is not 11 ASCII digits.
    [[nodiscard]] static int checkDigit(QStringView eleven);
    // A field that, ignoring spaces and hyphens, is exactly 12 digits with a valid check digit.
    [[nodiscard]] static bool looksLikeIndividualNumber(QStringView field);
    // Whether any maximal run of exactly 12 ASCII digits in `text` has a valid check digit
    // (privacy scans of dumps, logs and exports).
    [[nodiscard]] static bool containsIndividualNumber(QByteArrayView text);
};

} // namespace madoguchi::services
