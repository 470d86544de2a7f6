#pragma once

#include "platformd/ThrowawayCluster.h"

#include <QByteArray>

namespace madoguchi::bench {

struct PgbenchResult
{
    double tps = 0;
    double p99Ms = 0;
};

// `pgbench -n -M prepared -c <connections> -j 2 -T <seconds> -f <script> --log` against the cluster;
// p99 from the per-transaction logs. The baseline beside each API number (performance.md §4).
[[nodiscard]] PgbenchResult runPgbench(const platformd::ThrowawayCluster& cluster, int connections, double seconds,
                                       const QByteArray& script);

} // namespace madoguchi::bench
