#pragma once

#include "core/SecureBytes.h"

#include <QString>

namespace madoguchi::core {

// Checks on a full card number (PAN) at the counter's entry and in the platform's vault, so both
// name the same brand and last 4 (jpki-card.md §7, PCI DSS): the PAN arrives and stays in
// SecureBytes, is never stored, logged or shown; only brand + last 4 leave this class.
class PaymentCardNumber final
{
public:
    // ASCII digits, 12–19 of them, Luhn-valid (ISO/IEC 7812-1 Annex B).
    [[nodiscard]] static bool isValid(const core::SecureBytes& pan);
    [[nodiscard]] static bool luhnValid(const core::SecureBytes& digits);
    // "visa", "mastercard", "amex", "jcb", "diners", or "other" by IIN range.
    [[nodiscard]] static QString brandOf(const core::SecureBytes& pan);
    [[nodiscard]] static QString lastFour(const core::SecureBytes& pan);
};

} // namespace madoguchi::core
