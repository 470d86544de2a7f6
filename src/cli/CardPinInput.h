#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QString>

namespace madoguchi::cli {

// Reads a PIN for `madoguchi-cli card verify-pin|prove`: from the terminal with echo off (termios)
// when stdin is a TTY, else one line of stdin (scripts, tests). Never from argv (it would show in
// `ps` and shell history). The bytes go straight into SecureBytes, one at a time; no QString or
// QByteArray ever holds them.
class CardPinInput final
{
public:
    static constexpr std::size_t MaxLength = 64; // longer than any JPKI PIN (16): a wrong input, not a PIN

    CardPinInput() = delete;

    // `prompt` goes to stderr (TTY only). Errc::Cancelled at end of input with nothing read,
    // Errc::PinFormat for an over-long line.
    [[nodiscard]] static core::Result<core::SecureBytes> read(const QString& prompt);
};

} // namespace madoguchi::cli
