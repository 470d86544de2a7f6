#pragma once

#include "app/cardsim/CardSimOptions.h"
#include "core/Result.h"
#include "pki/DemoResident.h"

namespace madoguchi::app {

// Where the simulated card's contents come from: --profile-dir (sim::DemoResidentFiles) or --demo ID
// (pki::makeDemoSet(), cached in --demo-dir).
[[nodiscard]] core::Result<pki::DemoResident> loadResident(const CardSimOptions& options);

} // namespace madoguchi::app
