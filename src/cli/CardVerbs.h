#pragma once

#include "card/JpkiTypes.h"
#include "cli/CardSession.h"
#include "cli/CliIo.h"

#include <QJsonObject>

#include <optional>

namespace madoguchi::cli {

// The verbs of `madoguchi-cli card` (CardCommands.cpp: list, read; CardPinCommands.cpp: the rest).
// Each returns the process exit code (cli::exitCodeFor for failures).
[[nodiscard]] int runCardList(CliIo& io, const CardOptions& options);
[[nodiscard]] int runCardRead(CliIo& io, const CardOptions& options);
[[nodiscard]] int runCardPinStatus(CliIo& io, const CardOptions& options);
[[nodiscard]] int runCardVerifyPin(CliIo& io, const CardOptions& options);
[[nodiscard]] int runCardProve(CliIo& io, const CardOptions& options);

// Like CliIo::reportError, plus `extra` fields in --json and "tries left" for a wrong PIN.
[[nodiscard]] int reportCardError(CliIo& io, const core::Error& error, QJsonObject extra = {});
// "auth", "sign", "text" (the --pin values and the "pin" field of --json).
[[nodiscard]] std::optional<card::PinKind> parsePinKind(const QString& name);
[[nodiscard]] QString pinOptionName(card::PinKind kind);

} // namespace madoguchi::cli
