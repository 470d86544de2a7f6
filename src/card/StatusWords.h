#pragma once

#include "core/Result.h"

#include <QString>

namespace madoguchi::card {

// ISO 7816-4 §5.6 status words → core::Errc, by one table (style.md: native codes converted once,
// by table). Every error carries the status word as nativeCode so callers can read e.g. tries left.
class StatusWords final
{
public:
    StatusWords() = delete;

    [[nodiscard]] static bool isSuccess(quint16 sw) { return sw == 0x9000; }
    // The error for a status word other than 90 00; `context` names the operation ("SELECT EF 000A").
    [[nodiscard]] static core::Error toError(quint16 sw, const QString& context);
    // Ok for 90 00, else toError().
    [[nodiscard]] static core::Result<void> check(quint16 sw, const QString& context);
    // 63 Cx → x; any other status word → -1 (jpki-card.md §4: the retry counter answer).
    [[nodiscard]] static int triesLeft(quint16 sw);
    // 69 83, 69 84 and 63 C0 all mean "blocked" on JPKI cards (jpki-card.md §4 [U]).
    [[nodiscard]] static bool isBlocked(quint16 sw);
    // "6A82" for logs.
    [[nodiscard]] static QString toHex(quint16 sw);
};

} // namespace madoguchi::card
