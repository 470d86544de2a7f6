#include "sync/EnrolmentClient.h"

#include "sync/SyncClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace madoguchi::sync {

namespace {

template <auto Fn>
struct Free
{
    template <typename T>
    void operator()(T* p) const noexcept
    {
        Fn(p);
    }
};

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

bool isRsaPublicKey(const QByteArray& pem)
{
    std::unique_ptr<BIO, Free<BIO_free_all>> bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>> key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr)
                                                           : nullptr);
    ERR_clear_error();
    return key && EVP_PKEY_is_a(key.get(), "RSA") == 1;
}

} // namespace

EnrolmentClient::EnrolmentClient(QObject* parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

EnrolmentClient::~EnrolmentClient() = default;

core::Result<std::pair<QByteArray, QByteArray>> EnrolmentClient::makeKeyAndCsr(const QString& terminalId)
{
    std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>> key(EVP_EC_gen("P-256"));
    std::unique_ptr<X509_REQ, Free<X509_REQ_free>> request(X509_REQ_new());
    std::unique_ptr<BIO, Free<BIO_free_all>> csrBio(BIO_new(BIO_s_mem()));
    std::unique_ptr<BIO, Free<BIO_free_all>> keyBio(BIO_new(BIO_s_mem()));
    const QByteArray cn = terminalId.toUtf8();
    X509_NAME* name = request ? X509_REQ_get_subject_name(request.get()) : nullptr;
    const bool ok =
        key && request && csrBio && keyBio && name &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()),
                                   static_cast<int>(cn.size()), -1, 0) == 1 &&
        X509_REQ_set_pubkey(request.get(), key.get()) == 1 &&
        X509_REQ_sign(request.get(), key.get(), EVP_sha256()) > 0 &&
        PEM_write_bio_X509_REQ(csrBio.get(), request.get()) == 1 &&
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
    if (!ok) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("terminal key / CSR"));
    }
    return std::pair{bioBytes(csrBio.get()), bioBytes(keyBio.get())};
}

void EnrolmentClient::start(const QUrl& baseUrl, const QByteArray& caPem, const QString& terminalId,
                            const QString& code)
{
    auto csr = makeKeyAndCsr(terminalId);
    if (!csr) {
        m_error = csr.error();
        emit finished(false);
        return;
    }
    QUrl url = baseUrl;
    url.setPath(QStringLiteral("/v1/terminals/register"));
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(caPem, QSsl::Pem));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("terminalId"), terminalId},
                                                      {QStringLiteral("code"), code},
                                                      {QStringLiteral("csr"), QString::fromLatin1(csr->first)}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply* reply = m_network->post(request, body);
    const QByteArray keyPem = csr->second;
    connect(reply, &QNetworkReply::finished, this, [this, reply, keyPem, baseUrl] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 201) {
            const QString code =
                answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
            m_error = core::Error{
                core::Errc::NetworkFailure,
                QStringLiteral("registration: HTTP %1 %2 %3").arg(status).arg(code, reply->errorString()), status};
            emit finished(false);
            return;
        }
        m_credentials = TerminalCredentials{answer.value(QStringLiteral("certificate")).toString().toLatin1(),
                                            keyPem,
                                            answer.value(QStringLiteral("caCertificate")).toString().toLatin1(),
                                            {}};
        requestVaultKey(baseUrl);
    });
}

void EnrolmentClient::fetchVaultKey(const QUrl& baseUrl, const TerminalCredentials& registered)
{
    m_error.reset();
    m_credentials = registered;
    m_credentials.vaultPublicKeyPem.clear();
    requestVaultKey(baseUrl);
}

void EnrolmentClient::fail(core::Error error)
{
    m_error = std::move(error);
    emit finished(false);
}

void EnrolmentClient::requestVaultKey(const QUrl& baseUrl)
{
    auto tls =
        SyncClient::tlsConfiguration(m_credentials.certificatePem, m_credentials.privateKeyPem, m_credentials.caPem);
    if (!tls) {
        return fail(tls.error());
    }
    QUrl url = baseUrl;
    url.setPath(QStringLiteral("/v1/vault/public-key"));
    QNetworkRequest request(url);
    request.setSslConfiguration(*tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply* reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 200) {
            return fail(core::Error{core::Errc::NetworkFailure,
                                    QStringLiteral("vault key: HTTP %1 %2").arg(status).arg(reply->errorString()),
                                    status});
        }
        const QByteArray pem = answer.value(QStringLiteral("publicKeyPem")).toString().toLatin1();
        if (answer.value(QStringLiteral("algorithm")).toString() != QStringLiteral("RSA-OAEP-SHA256") ||
            !isRsaPublicKey(pem)) {
            return fail(core::Error{core::Errc::MalformedResponse,
                                    QStringLiteral("vault key: not an RSA key for RSA-OAEP-SHA256"), 0});
        }
        m_credentials.vaultPublicKeyPem = pem;
        emit finished(true);
    });
}

} // namespace madoguchi::sync
