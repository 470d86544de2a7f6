#pragma once

#include <cstddef>

namespace madoguchi::os {

// Keeps a buffer out of swap where the OS allows it. Failure is not fatal: the buffer is still
// wiped on release; the return value only tells whether the lock took.
bool lockMemory(void* data, std::size_t size) noexcept;
void unlockMemory(void* data, std::size_t size) noexcept;

// Overwrites memory in a way the optimiser may not remove.
void secureZero(void* data, std::size_t size) noexcept;

} // namespace madoguchi::os
