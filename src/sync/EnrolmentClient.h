#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace madoguchi::sync {

// What a registered terminal keeps: its client certificate, its private key, the platform CA, and the
// platform vault's public key that credit-card numbers are sealed to (services::loadVaultSealer reads
// it as vault.pem beside terminal.pem).
struct TerminalCredentials
{
    QByteArray certificatePem;
    QByteArray privateKeyPem; // P-256; the desktop stores it encrypted (store layer)
    QByteArray caPem;
    QByteArray vaultPublicKeyPem{}; // RSA SubjectPublicKeyInfo, for RSA-OAEP-SHA256
};

// Terminal registration (architecture.md §7): a new P-256 key, a CSR, and the one-time code from
// the administrator → the platform's terminal CA answers the client certificate. Then, with that
// certificate (mutual TLS, the platform CA as the only root), GET /v1/vault/public-key: the vault key
// comes from the same authenticated platform, so a counter never seals card numbers to a key it
// merely found somewhere (docs/vault.md).
class EnrolmentClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnrolmentClient)

public:
    explicit EnrolmentClient(QObject* parent = nullptr);
    ~EnrolmentClient() override;

    // {csrPem, keyPem} for `terminalId` (OpenSSL EVP_EC_gen + X509_REQ).
    [[nodiscard]] static core::Result<std::pair<QByteArray, QByteArray>> makeKeyAndCsr(const QString& terminalId);

    // caPem: the platform CA the terminal was given out of band (it authenticates the server).
    void start(const QUrl& baseUrl, const QByteArray& caPem, const QString& terminalId, const QString& code);
    // The vault key only, for a terminal registered already (a failed first fetch, a new vault key):
    // credentials() then holds `registered` with vaultPublicKeyPem filled in.
    void fetchVaultKey(const QUrl& baseUrl, const TerminalCredentials& registered);
    [[nodiscard]] const TerminalCredentials& credentials() const { return m_credentials; }
    [[nodiscard]] const std::optional<core::Error>& lastError() const { return m_error; }

signals:
    void finished(bool ok);

private:
    void requestVaultKey(const QUrl& baseUrl);
    void fail(core::Error error);

    QNetworkAccessManager* m_network;
    TerminalCredentials m_credentials;
    std::optional<core::Error> m_error;
};

} // namespace madoguchi::sync
