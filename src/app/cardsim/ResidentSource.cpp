#include "app/cardsim/ResidentSource.h"

#include "sim/DemoResidentFiles.h"

namespace madoguchi::app {

core::Result<pki::DemoResident> loadResident(const CardSimOptions& options)
{
    if (!options.profileDir.isEmpty()) {
        return sim::DemoResidentFiles::load(options.profileDir);
    }
    return core::fail(core::Errc::InvalidArgument, QStringLiteral("no card: give --profile-dir DIR"));
}

} // namespace madoguchi::app
