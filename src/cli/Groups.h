#pragma once

#include "cli/CommandGroup.h"

#include <vector>

namespace madoguchi::cli {

// Each group's factory, defined in its <Group>Commands.cpp.
CommandGroup cardCommands();
CommandGroup testPkiCommands();
CommandGroup certCommands();
CommandGroup ocspCommands();
CommandGroup crlCommands();
CommandGroup dbCommands();
CommandGroup linkageCommands();
CommandGroup syncCommands();
CommandGroup auditCommands();

inline std::vector<CommandGroup> allCommandGroups()
{
    return {cardCommands(), dbCommands(),   linkageCommands(), certCommands(), crlCommands(),
            ocspCommands(), syncCommands(), testPkiCommands(), auditCommands()};
}

} // namespace madoguchi::cli
