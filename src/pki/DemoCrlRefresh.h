#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>

namespace madoguchi::pki {

struct DemoSet;

// The demo set is made once, at build time, with a fixed "now" (DemoSet::defaultNow()), so its CRLs
// are long past their nextUpdate when a trainee starts the app. Training re-issues them at start-up:
// the same revoked entries (serial, date, reason), signed again with the demo CA's key, thisUpdate an
// hour ago and nextUpdate a day ahead (J-LIS publishes daily, jpki-card.md §6). TEST keys only.
struct DemoCrls
{
    QByteArray authCrlDer;
    QByteArray signCrlDer;
};

[[nodiscard]] core::Result<DemoCrls> reissueDemoCrls(const DemoSet& set, const QDateTime& now);

} // namespace madoguchi::pki
