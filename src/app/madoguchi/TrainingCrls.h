#pragma once

#include <QDateTime>
#include <QString>

namespace madoguchi::pki {
struct DemoSet;
}
namespace madoguchi::services {
class CrlOverview;
}

namespace madoguchi::app {

// Training mode's revocation lists: the demo CRLs re-issued for today (pki/DemoCrlRefresh.h) and
// imported into the training CRL cache when it holds no current CRL, so a trainee sees the verdicts a
// real counter shows (the "lost" card revoked, the valid one good) instead of "no CRL loaded".
// Failures are logged, never fatal: the card view then says "unknown" and why.
void refreshTrainingCrls(const pki::DemoSet& set, services::CrlOverview& crls, const QString& workDirectory,
                         const QDateTime& now);

} // namespace madoguchi::app
