#include "card/StatusWords.h"

#include <array>

namespace madoguchi::card {

namespace {

struct SwRule
{
    quint16 value;
    quint16 mask; // which bits of the SW must equal `value`
    core::Errc code;
    const char* meaning;
};

// First match wins, so the exact blocked answers come before the 63Cx range (jpki-card.md §4).
constexpr std::array SwTable{
    SwRule{0x63C0, 0xFFFF, core::Errc::PinBlocked, "verification failed, no tries left"},
    SwRule{0x63C0, 0xFFF0, core::Errc::PinIncorrect, "verification failed, tries left"},
    SwRule{0x6983, 0xFFFF, core::Errc::PinBlocked, "authentication method blocked"},
    SwRule{0x6984, 0xFFFF, core::Errc::PinBlocked, "reference data not usable"},
    SwRule{0x6982, 0xFFFF, core::Errc::SecurityStatusNotSatisfied, "security status not satisfied"},
    SwRule{0x6A82, 0xFFFF, core::Errc::FileNotFound, "file or application not found"},
    SwRule{0x6700, 0xFFFF, core::Errc::WrongLength, "wrong length"},
    SwRule{0x6C00, 0xFF00, core::Errc::WrongLength, "wrong Le (SW2 = exact length)"},
    SwRule{0x6B00, 0xFFFF, core::Errc::WrongOffset, "wrong parameters (offset outside the EF)"},
    SwRule{0x6100, 0xFF00, core::Errc::UnexpectedStatus, "response bytes still available"},
};

} // namespace

core::Error StatusWords::toError(quint16 sw, const QString& context)
{
    for (const auto& rule : SwTable) {
        if ((sw & rule.mask) == rule.value) {
            return core::Error{rule.code, context + QStringLiteral(": ") + QString::fromLatin1(rule.meaning), sw};
        }
    }
    return core::Error{core::Errc::UnexpectedStatus, context + QStringLiteral(": status ") + toHex(sw), sw};
}

core::Result<void> StatusWords::check(quint16 sw, const QString& context)
{
    if (isSuccess(sw)) {
        return {};
    }
    return core::fail(toError(sw, context));
}

int StatusWords::triesLeft(quint16 sw)
{
    return (sw & 0xFFF0) == 0x63C0 ? (sw & 0x0F) : -1;
}

bool StatusWords::isBlocked(quint16 sw)
{
    return sw == 0x63C0 || sw == 0x6983 || sw == 0x6984;
}

QString StatusWords::toHex(quint16 sw)
{
    return QStringLiteral("%1").arg(sw, 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace madoguchi::card
