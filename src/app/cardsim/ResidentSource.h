#pragma once

#include "app/cardsim/CardSimOptions.h"
#include "core/Result.h"
#include "pki/DemoResident.h"

namespace madoguchi::app {

// Where the simulated card's contents come from. Today: --profile-dir (sim::DemoResidentFiles).
// A new source (e.g. `--demo ID` from pki::makeDemoSet()) is one more branch in loadResident().
[[nodiscard]] core::Result<pki::DemoResident> loadResident(const CardSimOptions& options);

} // namespace madoguchi::app
