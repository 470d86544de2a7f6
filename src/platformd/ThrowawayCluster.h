#pragma once

#include "core/Result.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace madoguchi::platformd {

// A throw-away PostgreSQL 15 cluster on 127.0.0.1 and a free port (toolchain.md "PostgreSQL 15"):
// initdb into a temporary directory, pg_ctl start, CREATE DATABASE; stopped and deleted on
// destruction. As root the server runs as `postgres` through runuser. For --dev, tests and benches.
class ThrowawayCluster final
{
public:
    [[nodiscard]] static core::Result<std::unique_ptr<ThrowawayCluster>> start(const QString& database);
    ~ThrowawayCluster();
    ThrowawayCluster(const ThrowawayCluster&) = delete;
    ThrowawayCluster& operator=(const ThrowawayCluster&) = delete;

    [[nodiscard]] QString conninfo() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString binDirectory() const;
    // Stop (fast) and start again on the same port and data: "the database goes away and returns".
    [[nodiscard]] core::Result<void> stopServer();
    [[nodiscard]] core::Result<void> startServer();

    [[nodiscard]] static quint16 freePort();

private:
    ThrowawayCluster() = default;
    [[nodiscard]] core::Result<void> run(const QString& program, const QStringList& arguments) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    QString m_database;
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace madoguchi::platformd
