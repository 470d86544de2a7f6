#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace madoguchi::platformd {

// Files of a development/test platform (written by TerminalCa::createDevelopmentSet): a terminal CA,
// the server's TLS certificate for 127.0.0.1/localhost, an administrator client certificate, the
// vault's RSA key pair and the server secret (AES-256-GCM key for the vault, HMAC key for challenges).
struct PlatformFiles
{
    QString directory;
    [[nodiscard]] QString path(const char* name) const { return directory + QLatin1Char('/') + QLatin1String(name); }
    // names: ca.pem ca.key server.pem server.key admin.pem admin.key vault.pem vault.key secret.bin
};

// The platform's terminal CA (architecture.md §7): issues each registered terminal its TLS client
// certificate (subject CN=<terminal id>, OU=terminal). ECDSA P-256 keys: cheap TLS handshakes.
class TerminalCa final
{
public:
    [[nodiscard]] static core::Result<TerminalCa> load(const QByteArray& certPem, const QByteArray& keyPem);
    TerminalCa(TerminalCa&&) noexcept;
    TerminalCa& operator=(TerminalCa&&) noexcept;
    ~TerminalCa();

    [[nodiscard]] QByteArray certificatePem() const;
    // Signs the CSR's public key (the CSR's own signature must verify: proof of possession).
    [[nodiscard]] core::Result<QByteArray> issue(const QByteArray& csrPem, const QString& commonName,
                                                 const QString& role, int days, const core::Clock& clock) const;

    [[nodiscard]] static core::Result<void> createDevelopmentSet(const QString& directory, const core::Clock& clock);
    // A new P-256 key and a CSR for `commonName` (terminals and tests). Returns {csrPem, keyPem}.
    [[nodiscard]] static core::Result<std::pair<QByteArray, QByteArray>> makeCsr(const QString& commonName);

private:
    struct Impl;
    explicit TerminalCa(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace madoguchi::platformd
