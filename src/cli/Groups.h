#pragma once

#include "cli/CommandGroup.h"

#include <vector>

namespace madoguchi::cli {

// Each group's factory, defined in its <Group>Commands.cpp.
CommandGroup cardCommands();
CommandGroup crlCommands();

inline std::vector<CommandGroup> allCommandGroups()
{
    return {cardCommands(), crlCommands()};
}

} // namespace madoguchi::cli
