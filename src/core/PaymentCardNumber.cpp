#include "core/PaymentCardNumber.h"

#include <array>

namespace madoguchi::core {

namespace {

int prefixValue(const core::SecureBytes& pan, std::size_t digits)
{
    int value = 0;
    for (std::size_t i = 0; i < digits && i < pan.size(); ++i) {
        value = value * 10 + (pan[i] - '0');
    }
    return value;
}

struct IinRange
{
    std::size_t digits;
    int low;
    int high;
    const char* brand;
};

// Issuer identification number ranges of the brands Japanese counters see.
constexpr std::array IinTable{
    IinRange{4, 3528, 3589, "jcb"},    IinRange{2, 34, 34, "amex"},           IinRange{2, 37, 37, "amex"},
    IinRange{2, 51, 55, "mastercard"}, IinRange{4, 2221, 2720, "mastercard"}, IinRange{1, 4, 4, "visa"},
    IinRange{2, 36, 36, "diners"},     IinRange{3, 300, 305, "diners"},
};

} // namespace

bool PaymentCardNumber::luhnValid(const core::SecureBytes& digits)
{
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const std::uint8_t c = digits[digits.size() - 1 - i];
        if (c < '0' || c > '9') {
            return false;
        }
        int d = c - '0';
        if (i % 2 == 1) {
            d *= 2;
            d = d > 9 ? d - 9 : d;
        }
        sum += d;
    }
    return !digits.isEmpty() && sum % 10 == 0;
}

bool PaymentCardNumber::isValid(const core::SecureBytes& pan)
{
    return pan.size() >= 12 && pan.size() <= 19 && luhnValid(pan);
}

QString PaymentCardNumber::brandOf(const core::SecureBytes& pan)
{
    for (const auto& range : IinTable) {
        const int value = prefixValue(pan, range.digits);
        if (value >= range.low && value <= range.high) {
            return QString::fromLatin1(range.brand);
        }
    }
    return QStringLiteral("other");
}

QString PaymentCardNumber::lastFour(const core::SecureBytes& pan)
{
    if (pan.size() < 4) {
        return {};
    }
    return QString::fromLatin1(reinterpret_cast<const char*>(pan.data() + pan.size() - 4), 4);
}

} // namespace madoguchi::core
