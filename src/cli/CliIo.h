#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace madoguchi::cli {

// Process exit codes: distinct per error domain so scripts can tell "no card" from "wrong PIN".
enum ExitCode : int
{
    ExitOk = 0,
    ExitFailure = 1, // general
    ExitUsage = 2,
    ExitPcsc = 3, // no service / no reader / no card / card removed
    ExitCard = 4, // not a JPKI card, unexpected card answers
    ExitPin = 5,  // wrong, blocked, unavailable PIN, confirmation needed
    ExitParse = 6,
    ExitPki = 7, // invalid, revoked, untrusted
    ExitStore = 8,
    ExitNetwork = 9,
};

// What a subcommand gets: its arguments (after the group and verb), the output mode and streams.
class CliIo final
{
public:
    CliIo(QStringList args, bool json);

    [[nodiscard]] const QStringList& args() const { return m_args; }
    [[nodiscard]] bool json() const { return m_json; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    // Prints a JSON document (--json) on stdout.
    void printJson(const QJsonObject& object);
    // Reports an error in the chosen mode and returns the exit code for its domain.
    int reportError(const core::Error& error);
    int usageError(const QString& message);

private:
    QStringList m_args;
    bool m_json;
    QTextStream m_out;
    QTextStream m_err;
};

[[nodiscard]] int exitCodeFor(const core::Error& error);

} // namespace madoguchi::cli
