#include "os/ProcessHardening.h"

#include <windows.h>

namespace madoguchi::os {

bool disableCoreDumps() noexcept
{
    // Windows Error Reporting writes dumps; turning off its fault UI keeps it from collecting ours.
    ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    return true;
}

} // namespace madoguchi::os
