#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace madoguchi::sync {

// What a registered terminal keeps: its client certificate, its private key, the platform CA.
struct TerminalCredentials
{
    QByteArray certificatePem;
    QByteArray privateKeyPem; // P-256; the desktop stores it encrypted (store layer)
    QByteArray caPem;
};

// Terminal registration (architecture.md §7): a new P-256 key, a CSR, and the one-time code from
// the administrator → the platform's terminal CA answers the client certificate.
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
    [[nodiscard]] const TerminalCredentials& credentials() const { return m_credentials; }
    [[nodiscard]] const std::optional<core::Error>& lastError() const { return m_error; }

signals:
    void finished(bool ok);

private:
    QNetworkAccessManager* m_network;
    TerminalCredentials m_credentials;
    std::optional<core::Error> m_error;
};

} // namespace madoguchi::sync
