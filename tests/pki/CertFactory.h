#pragma once

// Builds end-entity certificates for the pki tests, broken on purpose where a test needs it.
#include "pki/CertificateBuilder.h"
#include "pki/DeterministicRsa.h"
#include "pki/JpkiOids.h"
#include "pki/TestPki.h"

#include <functional>

namespace madoguchi::pki::testing {

struct Issuer
{
    ossl::X509Ptr cert;
    ossl::EvpPkeyPtr key;
    QByteArray keyId() const { return ossl::subjectKeyId(cert.get()); }
};

inline Issuer issuerOf(const TestPki& pki, Hierarchy hierarchy)
{
    return Issuer{std::move(*ossl::certFromDer(pki.caCertDer(hierarchy))),
                  std::move(*ossl::privateKeyFromPkcs8Der(pki.caKeyPkcs8Der(hierarchy)))};
}

// One end-entity key for every test certificate (generating keys is the slow part).
inline EVP_PKEY* endEntityKey()
{
    static ossl::EvpPkeyPtr key = [] {
        SeededRandom random(42);
        return std::move(*generateRsaKey(random));
    }();
    return key.get();
}

inline std::vector<OtherNameSpec> goodSan()
{
    return {{oid::SanName, QStringLiteral("窓口　花子").toUtf8()},
            {oid::SanNameFlags, "00000"},
            {oid::SanSex, "2"},
            {oid::SanBirth, "319850615"},
            {oid::SanAddress, QStringLiteral("東京都千代田区試験一丁目2番3号").toUtf8()},
            {oid::SanAddressFlags, "0000000000000000"}};
}

using Customize = std::function<void(CertificateBuilder&)>;

inline QDateTime testNow()
{
    return QDateTime(QDate(2025, 4, 1), QTime(0, 0), Qt::UTC);
}

// A certificate with serial, subject, validity (now − 1 y … now + 4 y), key and SKI; `extensions`
// adds the rest. signer defaults to the issuer.
inline QByteArray makeCert(const Issuer& issuer, const Customize& extensions, EVP_PKEY* signer = nullptr)
{
    static int serial = 0x4000;
    CertificateBuilder builder;
    builder.serial(QByteArray::number(++serial, 16))
        .subject({{"C", QStringLiteral("JP")}, {"CN", QStringLiteral("TESTCERT%1").arg(serial)}})
        .validity(testNow().addYears(-1), testNow().addYears(4))
        .publicKey(endEntityKey())
        .subjectKeyIdentifier();
    extensions(builder);
    auto cert = builder.sign(issuer.cert.get(), signer != nullptr ? signer : issuer.key.get());
    return cert ? ossl::toDer(cert->get()) : QByteArray();
}

inline Customize authProfile(const Issuer& issuer)
{
    const QByteArray keyId = issuer.keyId();
    return [keyId](CertificateBuilder& b) {
        b.authorityKeyIdentifier(keyId).extension("keyUsage", "critical,digitalSignature").policies({oid::AuthPolicy});
    };
}

inline Customize signProfile(const Issuer& issuer, std::vector<OtherNameSpec> san = goodSan(),
                             QByteArray policy = oid::SignPolicy)
{
    const QByteArray keyId = issuer.keyId();
    return [keyId, san, policy](CertificateBuilder& b) {
        b.authorityKeyIdentifier(keyId)
            .extension("keyUsage", "critical,digitalSignature,nonRepudiation")
            .policies({policy})
            .otherNames(san);
    };
}

} // namespace madoguchi::pki::testing
