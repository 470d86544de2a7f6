#include "os/ProcessHardening.h"

#include <sys/resource.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace madoguchi::os {

bool disableCoreDumps() noexcept
{
    rlimit none{0, 0};
    bool ok = ::setrlimit(RLIMIT_CORE, &none) == 0;
#if defined(__linux__)
    // Also blocks ptrace attach by other non-root processes of the same user.
    ok = ::prctl(PR_SET_DUMPABLE, 0) == 0 && ok;
#endif
    return ok;
}

} // namespace madoguchi::os
