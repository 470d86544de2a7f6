#pragma once

#include "cli/CliIo.h"

#include <QString>

#include <functional>
#include <vector>

namespace madoguchi::cli {

// One `madoguchi-cli <group> <verb> ...` family, e.g. "card" with list|read|pin-status.
// Each group lives in its own <Group>Commands.cpp and is listed once in main.cpp.
struct CommandGroup
{
    QString name;    // "card"
    QString summary; // one line for `madoguchi-cli --help`
    QString usage;   // the group's verbs and options, printed on `madoguchi-cli <group> --help`
    // Gets the verb and its arguments in io.args() (args()[0] is the verb).
    std::function<int(CliIo& io)> run;
};

} // namespace madoguchi::cli
