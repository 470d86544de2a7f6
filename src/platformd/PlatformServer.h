#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace madoguchi::pki {
class TrustStore;
}

namespace madoguchi::platformd {

// Everything the server needs; read from a JSON file and/or flags (see app/main.cpp --help).
struct PlatformConfig
{
    QString listenAddress = QStringLiteral("127.0.0.1");
    quint16 port = 8443;
    // I/O threads: each runs its own event loop and one PostgreSQL connection in pipeline mode for the
    // relying-party checks, so size it to the cores, not to the clients.
    int threads = 2;
    // Blocking work (sync, feeds, registration, audit, vault, the per-connection terminal check):
    // worker threads = pooled PostgreSQL connections.
    int poolSize = 8;
    qint64 maxBodyBytes = 4 << 20;
    QString database;           // libpq conninfo
    QString filesDirectory;     // TerminalCa PlatformFiles: ca.pem ca.key server.pem server.key vault.* secret.bin
    bool trainingTrust = false; // trust the demo set's TEST PKI for card verification
    int challengeLifetimeSeconds = 120; // a card-login challenge is accepted this long after issue

    // Applies a JSON object's members (same names as the fields) over the defaults.
    [[nodiscard]] static core::Result<PlatformConfig> fromFile(const QString& path);
};

// The assembled server: pool, migrations, terminal CA, API, HTTPS listener.
class PlatformServer final
{
public:
    [[nodiscard]] static core::Result<std::unique_ptr<PlatformServer>> start(const PlatformConfig& config);
    ~PlatformServer();
    PlatformServer(const PlatformServer&) = delete;
    PlatformServer& operator=(const PlatformServer&) = delete;

    [[nodiscard]] quint16 port() const;
    void stop();

    // The JPKI anchors card checks and CRL imports trust: the J-LIS roots, and in training the demo
    // set's TEST PKI root (the same roots the desktop trusts in training).
    [[nodiscard]] static core::Result<pki::TrustStore> loadTrust(bool training);

private:
    struct Impl;
    explicit PlatformServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace madoguchi::platformd
