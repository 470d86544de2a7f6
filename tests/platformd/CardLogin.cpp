#include "CardLogin.h"

#include "card/HolderChallenge.h"
#include "pki/OpenSsl.h"

#include <QJsonDocument>

namespace madoguchi::tests {

namespace {

QByteArray sign(const QByteArray& pkcs8, const QByteArray& message)
{
    auto key = pki::ossl::privateKeyFromPkcs8Der(pkcs8);
    pki::ossl::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    size_t length = 512;
    QByteArray signature(512, '\0');
    if (!key || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key->get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(message.constData()),
                       static_cast<size_t>(message.size())) != 1) {
        return {};
    }
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

} // namespace

HttpResult CardLogin::verify(const PlatformTestEnv& env, const QSslConfiguration& tls, const QString& terminalId,
                             const pki::DemoResident& resident)
{
    const HttpResult c = env.call(tls, "GET", QStringLiteral("/v1/rp/challenge"));
    const card::HolderChallenge challenge{
        QByteArray::fromBase64(c.body.value(QStringLiteral("nonce")).toString().toLatin1()),
        QStringLiteral("card-login"), terminalId,
        QDateTime::fromString(c.body.value(QStringLiteral("issuedAt")).toString(), Qt::ISODate)};
    const QJsonObject body{{QStringLiteral("challenge"), c.body.value(QStringLiteral("challenge"))},
                           {QStringLiteral("certificate"), QString::fromLatin1(resident.authCertDer.toBase64())},
                           {QStringLiteral("signature"),
                            QString::fromLatin1(sign(resident.authKeyPkcs8Der, challenge.toBytes()).toBase64())},
                           {QStringLiteral("assurance"), QStringLiteral("pin_signature")}};
    return env.call(tls, "POST", QStringLiteral("/v1/rp/verify-card"),
                    QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace madoguchi::tests
