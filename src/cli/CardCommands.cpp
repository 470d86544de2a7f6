#include "cli/Groups.h"

namespace madoguchi::cli {

CommandGroup cardCommands()
{
    return {QStringLiteral("card"), QStringLiteral("read My Number Cards (list, read, pin-status, verify-pin, prove)"),
            QStringLiteral("madoguchi-cli card list|read|pin-status|verify-pin|prove [--reader NAME] [--training ID]"),
            [](CliIo& io) { return io.usageError(QStringLiteral("not built yet")); }};
}

} // namespace madoguchi::cli
