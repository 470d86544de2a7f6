#pragma once

#include "cli/CommandGroup.h"

#include <vector>

namespace madoguchi::cli {

// Each group's factory, defined in its <Group>Commands.cpp.
CommandGroup cardCommands();
CommandGroup testPkiCommands();
CommandGroup certCommands();
CommandGroup ocspCommands();

inline std::vector<CommandGroup> allCommandGroups()
{
    return {cardCommands(), testPkiCommands(), certCommands(), ocspCommands()};
}

} // namespace madoguchi::cli
