#include "PgbenchRunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace madoguchi::bench {

// pgbench -f with per-transaction logs (for p99), same concurrency, same duration.
PgbenchResult runPgbench(const platformd::ThrowawayCluster& cluster, int connections, double seconds,
                         const QByteArray& script)
{
    QTemporaryDir dir;
    QFile file(dir.path() + QStringLiteral("/script.sql"));
    if (!file.open(QIODevice::WriteOnly) || file.write(script) != script.size()) {
        return {};
    }
    file.close();
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(cluster.binDirectory() + QStringLiteral("/pgbench"),
                  {QStringLiteral("-n"),
                   QStringLiteral("-h"),
                   QStringLiteral("127.0.0.1"),
                   QStringLiteral("-p"),
                   QString::number(cluster.port()),
                   QStringLiteral("-U"),
                   QStringLiteral("postgres"),
                   QStringLiteral("-M"),
                   QStringLiteral("prepared"),
                   QStringLiteral("-c"),
                   QString::number(connections),
                   QStringLiteral("-j"),
                   QStringLiteral("2"),
                   QStringLiteral("-T"),
                   QString::number(static_cast<int>(seconds)),
                   QStringLiteral("-f"),
                   file.fileName(),
                   QStringLiteral("--log"),
                   QStringLiteral("--log-prefix=") + dir.path() + QStringLiteral("/pgb"),
                   QStringLiteral("bench")});
    process.waitForFinished(-1);
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    PgbenchResult result;
    const auto tps = QRegularExpression(QStringLiteral("tps = ([0-9.]+)")).match(out);
    result.tps = tps.captured(1).toDouble();
    std::vector<double> latencies;
    for (const QString& name : QDir(dir.path()).entryList({QStringLiteral("pgb*")})) {
        QFile log(dir.path() + QLatin1Char('/') + name);
        if (!log.open(QIODevice::ReadOnly)) {
            continue;
        }
        while (!log.atEnd()) {
            const QList<QByteArray> fields = log.readLine().split(' ');
            if (fields.size() > 2) {
                latencies.push_back(fields[2].toDouble() / 1000.0);
            }
        }
    }
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.empty()) {
        result.p99Ms = latencies[latencies.size() * 99 / 100];
    }
    if (result.tps == 0) {
        std::fprintf(stderr, "%s\n%s\n", qUtf8Printable(out), process.readAllStandardError().constData());
    }
    return result;
}

} // namespace madoguchi::bench
