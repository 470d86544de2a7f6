#pragma once

namespace madoguchi::os {

// Called first thing in every main(): a core dump of a process that held a PIN would hold the PIN.
// Returns false when the OS refused; the caller logs it and goes on.
bool disableCoreDumps() noexcept;

} // namespace madoguchi::os
