#pragma once

#include "core/Error.h"

#include <QString>

namespace madoguchi::card {

// PC/SC return codes (pcsc-lite and WinSCard share them) → core::Errc, by one table
// (style.md: native codes converted once, at the wrapper). nativeCode is the code as 32-bit unsigned.
class PcscError final
{
public:
    PcscError() = delete;

    [[nodiscard]] static core::Error toError(qint64 rc, const QString& call);
    // The resource manager went away (pcscd stopped or restarted): re-establish the context.
    [[nodiscard]] static bool isServiceGone(qint64 rc);
    [[nodiscard]] static quint32 nativeCode(qint64 rc) { return static_cast<quint32>(rc); }
};

} // namespace madoguchi::card
