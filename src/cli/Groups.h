#pragma once

#include "cli/CommandGroup.h"

#include <vector>

namespace madoguchi::cli {

// Each group's factory, defined in its <Group>Commands.cpp.
CommandGroup cardCommands();
CommandGroup testPkiCommands();
CommandGroup certCommands();
CommandGroup syncCommands();

inline std::vector<CommandGroup> allCommandGroups()
{
    return {cardCommands(), testPkiCommands(), certCommands(), syncCommands()};
}

} // namespace madoguchi::cli
