#include "os/SecureMemory.h"

#include <windows.h>

namespace madoguchi::os {

bool lockMemory(void* data, std::size_t size) noexcept
{
    return size == 0 || ::VirtualLock(data, size) != 0;
}

void unlockMemory(void* data, std::size_t size) noexcept
{
    if (size != 0) {
        ::VirtualUnlock(data, size);
    }
}

void secureZero(void* data, std::size_t size) noexcept
{
    ::SecureZeroMemory(data, size);
}

} // namespace madoguchi::os
