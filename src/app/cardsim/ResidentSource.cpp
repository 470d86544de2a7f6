#include "app/cardsim/ResidentSource.h"

#include "pki/DemoSet.h"
#include "sim/DemoResidentFiles.h"

#include <QDir>
#include <QStringList>

namespace madoguchi::app {

namespace {

// The demo set is deterministic (fixed seed and clock), so a cached copy is the same bytes as a
// fresh one; generating it costs RSA key generation (seconds), loading it milliseconds.
core::Result<pki::DemoResident> demoResident(const QString& id, const QString& cacheDir)
{
    core::Result<pki::DemoSet> set = core::fail(core::Errc::NotFound, QStringLiteral("no cache"));
    if (!cacheDir.isEmpty() && QDir(cacheDir).exists()) {
        set = pki::DemoSet::loadFrom(cacheDir);
    }
    if (!set) {
        set = pki::makeDemoSet();
        if (set && !cacheDir.isEmpty()) {
            // A failed save only costs time on the next start.
            (void)set->saveTo(cacheDir);
        }
    }
    if (!set) {
        return core::fail(set.error());
    }
    if (const pki::DemoResident* resident = set->resident(id)) {
        return *resident;
    }
    QStringList known;
    for (const auto& r : set->residents) {
        known << r.id;
    }
    return core::fail(core::Errc::NotFound,
                      QStringLiteral("no demo resident \"%1\" (known: %2)").arg(id, known.join(QStringLiteral(", "))));
}

} // namespace

core::Result<pki::DemoResident> loadResident(const CardSimOptions& options)
{
    if (!options.profileDir.isEmpty()) {
        return sim::DemoResidentFiles::load(options.profileDir);
    }
    if (!options.demoId.isEmpty()) {
        return demoResident(options.demoId, options.demoDir);
    }
    return core::fail(core::Errc::InvalidArgument, QStringLiteral("no card: give --profile-dir DIR or --demo ID"));
}

} // namespace madoguchi::app
