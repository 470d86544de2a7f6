#pragma once

#include "ProcessLines.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace madoguchi::tests {

// A private pcscd for integration tests: a project-local reader configuration with one vpcd reader
// on `port` (toolchain.md "PC/SC with a virtual card"), started in the foreground, stopped with
// SIGTERM. Only one pcscd can run per machine, so tests using it share the "pcscd" resource lock.
class PcscdProcess final
{
public:
    explicit PcscdProcess(quint16 vpcdPort);
    ~PcscdProcess();

    // Empty string on success, else why it could not start (another pcscd running, binary missing…).
    [[nodiscard]] QString start();
    void stop();
    // SIGKILL, as a crash would; removes the stale socket and pid files a crash leaves behind.
    void kill();

    [[nodiscard]] quint16 port() const { return m_port; }
    // The first of the two slots the vpcd driver creates.
    [[nodiscard]] static QString readerName() { return QStringLiteral("Madoguchi Test Reader 00 00"); }
    [[nodiscard]] static bool otherPcscdRunning();

private:
    static void removeStaleFiles();

    quint16 m_port;
    QTemporaryDir m_configDir;
    std::unique_ptr<QProcess> m_process;
};

} // namespace madoguchi::tests
