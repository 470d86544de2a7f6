#include "pki/TestPki.h"

#include "pki/CertificateBuilder.h"
#include "pki/DeterministicRsa.h"
#include "pki/JpkiOids.h"
#include "pki/RevocationListBuilder.h"
#include "pki/SeededRandom.h"

#include <QTimeZone>

namespace madoguchi::pki {

namespace {

struct CaState
{
    ossl::X509Ptr cert;
    ossl::EvpPkeyPtr key;
    QByteArray keyPkcs8Der;
};

// J-LIS's DNs (jpki-card.md §5) with `O=JPKI TEST` and `OU=TEST`, so nobody mistakes them.
DistinguishedName caName(Hierarchy hierarchy)
{
    const QString purpose = hierarchy == Hierarchy::Auth ? QStringLiteral("JPKI for user authentication")
                                                         : QStringLiteral("JPKI for digital signature");
    return {{"C", QStringLiteral("JP")},
            {"O", QStringLiteral("JPKI TEST")},
            {"OU", QStringLiteral("TEST")},
            {"OU", purpose},
            {"OU", QStringLiteral("Japan Agency for Local Authority Information Systems")}};
}

QByteArray hierarchyLabel(Hierarchy hierarchy)
{
    return hierarchy == Hierarchy::Auth ? QByteArrayLiteral("auth") : QByteArrayLiteral("sign");
}

// 16 bytes, positive, always 16 bytes long in DER (RFC 5280 §4.1.2.2: ≤ 20 octets).
QByteArray makeSerial(const SeededRandom& random, QByteArrayView label)
{
    SeededRandom stream = random.derive(QByteArray("serial:").append(label));
    QByteArray serial = stream.next(16);
    serial[0] = static_cast<char>((static_cast<quint8>(serial[0]) & 0x7f) | 0x40);
    return serial;
}

} // namespace

struct TestPki::Impl
{
    TestPkiOptions options;
    SeededRandom random{0};
    CaState auth;
    CaState sign;

    CaState& ca(Hierarchy hierarchy) { return hierarchy == Hierarchy::Auth ? auth : sign; }
    const CaState& ca(Hierarchy hierarchy) const { return hierarchy == Hierarchy::Auth ? auth : sign; }

    core::Result<ossl::EvpPkeyPtr> newKey(QByteArrayView label) const
    {
        SeededRandom stream = random.derive(QByteArray("key:").append(label));
        return generateRsaKey(stream);
    }

    core::Result<void> makeCa(Hierarchy hierarchy);
    core::Result<IssuedCertificate> issue(Hierarchy hierarchy, QByteArrayView label, CertificateBuilder& builder,
                                          const QDateTime& notBefore, const QDateTime& notAfter);
};

core::Result<void> TestPki::Impl::makeCa(Hierarchy hierarchy)
{
    const QByteArray label = QByteArray("ca:") + hierarchyLabel(hierarchy);
    auto key = newKey(label);
    if (!key) {
        return core::fail(key.error());
    }
    const QDateTime from = options.caNotBefore.value_or(options.now.addYears(-8));
    const QDateTime to = options.caNotAfter.value_or(options.now.addYears(12));
    CertificateBuilder builder;
    builder.serial(makeSerial(random, label))
        .subject(caName(hierarchy))
        .validity(from, to)
        .publicKey(key->get())
        .extension("basicConstraints", "critical,CA:TRUE")
        .extension("keyUsage", "critical,keyCertSign,cRLSign")
        .subjectKeyIdentifier();
    const QByteArray keyId = [&] {
        ossl::X509Ptr probe(X509_new());
        X509_set_pubkey(probe.get(), key->get());
        return ossl::publicKeySha1(probe.get());
    }();
    builder.authorityKeyIdentifier(keyId);
    auto cert = builder.sign(nullptr, key->get());
    auto der = ossl::privateKeyToPkcs8Der(key->get());
    if (!cert || !der) {
        return core::fail(cert ? der.error() : cert.error());
    }
    ca(hierarchy) = CaState{std::move(*cert), std::move(*key), *der};
    return {};
}

core::Result<IssuedCertificate> TestPki::Impl::issue(Hierarchy hierarchy, QByteArrayView label,
                                                     CertificateBuilder& builder, const QDateTime& notBefore,
                                                     const QDateTime& notAfter)
{
    auto key = newKey(label);
    if (!key) {
        return core::fail(key.error());
    }
    const CaState& issuer = ca(hierarchy);
    const QByteArray serial = makeSerial(random, label);
    builder.serial(serial)
        .validity(notBefore, notAfter)
        .publicKey(key->get())
        .subjectKeyIdentifier()
        .authorityKeyIdentifier(ossl::subjectKeyId(issuer.cert.get()));
    auto cert = builder.sign(issuer.cert.get(), issuer.key.get());
    auto keyDer = ossl::privateKeyToPkcs8Der(key->get());
    if (!cert || !keyDer) {
        return core::fail(cert ? keyDer.error() : cert.error());
    }
    return IssuedCertificate{ossl::toDer(cert->get()), *keyDer, serial};
}

TestPki::TestPki(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TestPki::TestPki(TestPki&&) noexcept = default;
TestPki& TestPki::operator=(TestPki&&) noexcept = default;
TestPki::~TestPki() = default;

core::Result<TestPki> TestPki::create(const TestPkiOptions& options)
{
    if (!options.now.isValid()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("test PKI needs a clock value"));
    }
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->options.now = options.now.toUTC();
    const SeededRandom root = options.seed ? SeededRandom(*options.seed) : SeededRandom::fromSystemEntropy();
    impl->random = root.derive(QByteArray("generation:") + QByteArray::number(options.generation));
    for (const Hierarchy hierarchy : {Hierarchy::Auth, Hierarchy::Sign}) {
        if (auto made = impl->makeCa(hierarchy); !made) {
            return core::fail(made.error());
        }
    }
    return TestPki(std::move(impl));
}

QByteArray TestPki::caCertDer(Hierarchy hierarchy) const
{
    return ossl::toDer(m_impl->ca(hierarchy).cert.get());
}

QByteArray TestPki::caKeyPkcs8Der(Hierarchy hierarchy) const
{
    return m_impl->ca(hierarchy).keyPkcs8Der;
}

core::Result<IssuedCertificate> TestPki::issueAuthCert(QByteArrayView label, const QDateTime& notBefore,
                                                       const QDateTime& notAfter)
{
    const QByteArray fullLabel = QByteArray("auth:").append(label);
    // The real CN is an opaque identifier, not the holder's name (jpki-card.md §5).
    const QString opaqueId =
        QString::fromLatin1(m_impl->random.derive(QByteArray("cn:") + fullLabel).next(10).toHex().toUpper());
    CertificateBuilder builder;
    builder.subject({{"C", QStringLiteral("JP")}, {"CN", opaqueId}})
        .extension("keyUsage", "critical,digitalSignature")
        .policies({oid::AuthPolicy});
    return m_impl->issue(Hierarchy::Auth, fullLabel, builder, notBefore, notAfter);
}

core::Result<IssuedCertificate> TestPki::issueSignCert(QByteArrayView label, const SignCertProfile& profile)
{
    const JpkiPersonalData& p = profile.personal;
    // CN: request time (JST) + 4-digit sequence + issuing office code.
    const QString commonName =
        profile.notBefore.toTimeZone(QTimeZone(9 * 3600)).toString(QStringLiteral("yyyyMMddHHmmss")) +
        QStringLiteral("%1").arg(profile.sequence, 4, 10, QLatin1Char('0')) + profile.officeCode;
    CertificateBuilder builder;
    builder.subject({{"C", QStringLiteral("JP")}, {"L", profile.prefecture}, {"L", profile.city}, {"CN", commonName}})
        .extension("keyUsage", "critical,digitalSignature,nonRepudiation")
        .policies({oid::SignPolicy})
        .otherNames({{oid::SanName, p.name.toUtf8()},
                     {oid::SanNameFlags, p.nameFlags.toUtf8()},
                     {oid::SanSex, p.sex.toUtf8()},
                     {oid::SanBirth, p.birthField().toUtf8()},
                     {oid::SanAddress, p.address.toUtf8()},
                     {oid::SanAddressFlags, p.addressFlags.toUtf8()}});
    return m_impl->issue(Hierarchy::Sign, QByteArray("sign:").append(label), builder, profile.notBefore,
                         profile.notAfter);
}

core::Result<IssuedCertificate> TestPki::issueOcspSigner(Hierarchy hierarchy)
{
    DistinguishedName name = caName(hierarchy);
    name.push_back({"CN", QStringLiteral("OCSP Responder TEST")});
    CertificateBuilder builder;
    builder.subject(name)
        .extension("keyUsage", "critical,digitalSignature")
        .extension("extendedKeyUsage", "OCSPSigning")
        .extension("noCheck", "ignored");
    // As long-lived as its CA: a responder started today must still verify against a set generated
    // with a fixed clock in the past.
    const QDateTime from = m_impl->options.caNotBefore.value_or(m_impl->options.now.addYears(-8));
    const QDateTime to = m_impl->options.caNotAfter.value_or(m_impl->options.now.addYears(12));
    return m_impl->issue(hierarchy, QByteArray("ocsp:") + hierarchyLabel(hierarchy), builder, from, to);
}

core::Result<QByteArray> TestPki::makeCrl(Hierarchy hierarchy, const std::vector<TestRevocation>& entries,
                                          const QDateTime& thisUpdate, const QDateTime& nextUpdate,
                                          quint64 crlNumber) const
{
    std::vector<RevocationEntry> list;
    list.reserve(entries.size());
    for (const auto& entry : entries) {
        list.push_back({entry.serial, entry.revokedAt, entry.reason});
    }
    const CaState& ca = m_impl->ca(hierarchy);
    auto crl = buildRevocationList(ca.cert.get(), ca.key.get(), list, thisUpdate, nextUpdate, crlNumber);
    if (!crl) {
        return core::fail(crl.error());
    }
    return ossl::toDer(crl->get());
}

QDateTime TestPki::fifthBirthdayAfter(QDate birthDate, const QDateTime& issuedAt)
{
    const QDate issued = issuedAt.toTimeZone(QTimeZone(9 * 3600)).date();
    QDate birthday = birthDate.addYears(issued.year() - birthDate.year());
    if (birthday <= issued) {
        birthday = birthday.addYears(1);
    }
    birthday = birthDate.addYears(birthday.year() - birthDate.year() + 4); // from the birth date: keeps 29 Feb
    return QDateTime(birthday, QTime(23, 59, 59), QTimeZone(9 * 3600)).toUTC();
}

} // namespace madoguchi::pki
