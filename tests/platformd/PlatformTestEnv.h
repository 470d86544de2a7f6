#pragma once

// Shared by tests/platformd and tests/sync: a throw-away PostgreSQL cluster on a free port, a
// development file set, the platform server (in-process or as a child process), and blocking HTTPS
// helpers that wait on QNetworkReply::finished (no sleeps).

#include "core/Result.h"
#include "platformd/PlatformServer.h"
#include "platformd/ThrowawayCluster.h"
#include "sync/EnrolmentClient.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace madoguchi::tests {

struct HttpResult
{
    int status = 0; // 0: no HTTP answer (TLS refused, connection refused)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject body;
    QByteArray raw;
};

struct RecordedCall
{
    QString method;
    QString path; // without the query
    int status = 0;
    QJsonObject body;
};

class PlatformTestEnv final
{
public:
    // inProcess=false: the server runs as the madoguchi-platformd executable (env MADOGUCHI_PLATFORMD),
    // so a test can kill -9 it and start it again on the same port.
    [[nodiscard]] static core::Result<std::unique_ptr<PlatformTestEnv>> start(bool inProcess = true);
    ~PlatformTestEnv();

    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] QString filesDir() const { return m_files.path(); }
    [[nodiscard]] platformd::ThrowawayCluster& cluster() { return *m_cluster; }
    [[nodiscard]] QByteArray file(const char* name) const;
    [[nodiscard]] QSslConfiguration anonymousTls() const; // trusts the platform CA, no client cert
    [[nodiscard]] QSslConfiguration tls(const QByteArray& certPem, const QByteArray& keyPem) const;
    [[nodiscard]] QSslConfiguration adminTls() const;

    [[nodiscard]] HttpResult call(const QSslConfiguration& tls, const QByteArray& method, const QString& pathAndQuery,
                                  const QByteArray& body = {}) const;
    // Admin issues a code; the terminal registers through sync::EnrolmentClient.
    [[nodiscard]] core::Result<sync::TerminalCredentials> enrol(const QString& terminalId) const;
    // One SQL value (first row, first column) for assertions.
    [[nodiscard]] QString sqlValue(const QString& sql) const;

    // Every answered call() so far, for the OpenAPI conformance check.
    [[nodiscard]] const QList<RecordedCall>& recorded() const { return m_recorded; }

    // Child-process mode only.
    void killServer(); // SIGKILL, wait
    // SIGTERM (graceful), wait; the exit code (-1: did not exit normally).
    [[nodiscard]] int terminateServer();
    [[nodiscard]] core::Result<void> startServer(); // same port

private:
    PlatformTestEnv() = default;
    QTemporaryDir m_files;
    std::unique_ptr<platformd::ThrowawayCluster> m_cluster;
    std::unique_ptr<platformd::PlatformServer> m_server;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    mutable QList<RecordedCall> m_recorded;
};

} // namespace madoguchi::tests
