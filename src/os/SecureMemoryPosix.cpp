#include "os/SecureMemory.h"

#include <string.h>
#include <sys/mman.h>

namespace madoguchi::os {

bool lockMemory(void* data, std::size_t size) noexcept
{
    return size == 0 || ::mlock(data, size) == 0;
}

void unlockMemory(void* data, std::size_t size) noexcept
{
    if (size != 0) {
        ::munlock(data, size);
    }
}

void secureZero(void* data, std::size_t size) noexcept
{
    ::explicit_bzero(data, size);
}

} // namespace madoguchi::os
