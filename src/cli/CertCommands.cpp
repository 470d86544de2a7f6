#include "cli/Groups.h"

namespace madoguchi::cli {

CommandGroup certCommands()
{
    return {QStringLiteral("cert"), QStringLiteral("inspect JPKI certificates (show)"),
            QStringLiteral("madoguchi-cli cert show FILE [--show-personal]"),
            [](CliIo& io) { return io.usageError(QStringLiteral("not built yet")); }};
}

} // namespace madoguchi::cli
