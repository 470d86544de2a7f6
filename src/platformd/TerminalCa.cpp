#include "platformd/TerminalCa.h"

#include "pki/CertificateBuilder.h"
#include "pki/OpenSsl.h"

#include <QDir>
#include <QFile>

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

namespace madoguchi::platformd {

namespace {

using X509ReqPtr = std::unique_ptr<X509_REQ, pki::ossl::Deleter<X509_REQ_free>>;

core::Result<pki::ossl::EvpPkeyPtr> newKey()
{
    pki::ossl::EvpPkeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        return core::fail(pki::ossl::error(core::Errc::CryptoFailure, QStringLiteral("EC key generation")));
    }
    return key;
}

core::Result<pki::ossl::EvpPkeyPtr> keyFromPem(const QByteArray& pem)
{
    pki::ossl::BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    pki::ossl::EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key) {
        return core::fail(pki::ossl::error(core::Errc::CryptoFailure, QStringLiteral("private key PEM")));
    }
    return key;
}

QByteArray randomSerial()
{
    QByteArray serial(16, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(serial.data()), static_cast<int>(serial.size()));
    serial[0] = static_cast<char>(serial[0] & 0x7f); // positive (RFC 5280 §4.1.2.2)
    return serial;
}

core::Result<bool> writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1").arg(path));
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

} // namespace

struct TerminalCa::Impl
{
    pki::ossl::X509Ptr cert;
    pki::ossl::EvpPkeyPtr key;

    core::Result<QByteArray> sign(EVP_PKEY* subjectKey, const QString& cn, const QString& ou, int days,
                                  const core::Clock& clock, const char* extendedKeyUsage, const char* san) const
    {
        pki::CertificateBuilder builder;
        builder.serial(randomSerial())
            .subject({{"O", QStringLiteral("Madoguchi Platform")}, {"OU", ou}, {"CN", cn}})
            .validity(clock.now().addSecs(-300), clock.now().addDays(days))
            .publicKey(subjectKey)
            .extension("basicConstraints", "critical,CA:FALSE")
            .extension("keyUsage", "critical,digitalSignature")
            .extension("extendedKeyUsage", extendedKeyUsage)
            .subjectKeyIdentifier()
            .authorityKeyIdentifier(pki::ossl::subjectKeyId(cert.get()));
        if (san != nullptr) {
            builder.extension("subjectAltName", san);
        }
        auto signedCert = builder.sign(cert.get(), key.get());
        if (!signedCert) {
            return core::fail(signedCert.error());
        }
        return pki::ossl::certToPem(signedCert->get());
    }
};

TerminalCa::TerminalCa(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TerminalCa::TerminalCa(TerminalCa&&) noexcept = default;
TerminalCa& TerminalCa::operator=(TerminalCa&&) noexcept = default;
TerminalCa::~TerminalCa() = default;

core::Result<TerminalCa> TerminalCa::load(const QByteArray& certPem, const QByteArray& keyPem)
{
    auto impl = std::make_unique<Impl>();
    auto cert = pki::ossl::certFromDerOrPem(certPem);
    if (!cert) {
        return core::fail(cert.error());
    }
    auto key = keyFromPem(keyPem);
    if (!key) {
        return core::fail(key.error());
    }
    impl->cert = std::move(*cert);
    impl->key = std::move(*key);
    return TerminalCa(std::move(impl));
}

QByteArray TerminalCa::certificatePem() const
{
    return pki::ossl::certToPem(m_impl->cert.get());
}

core::Result<QByteArray> TerminalCa::issue(const QByteArray& csrPem, const QString& commonName, const QString& role,
                                           int days, const core::Clock& clock) const
{
    pki::ossl::BioPtr bio(BIO_new_mem_buf(csrPem.constData(), static_cast<int>(csrPem.size())));
    X509ReqPtr request(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
    if (!request) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("CSR is not a PEM certificate request"));
    }
    EVP_PKEY* publicKey = X509_REQ_get0_pubkey(request.get());
    if (publicKey == nullptr || X509_REQ_verify(request.get(), publicKey) != 1) {
        return core::fail(core::Errc::SignatureInvalid, QStringLiteral("CSR signature does not verify"));
    }
    return m_impl->sign(publicKey, commonName, role, days, clock, "clientAuth", nullptr);
}

core::Result<std::pair<QByteArray, QByteArray>> TerminalCa::makeCsr(const QString& commonName)
{
    auto key = newKey();
    if (!key) {
        return core::fail(key.error());
    }
    X509ReqPtr request(X509_REQ_new());
    auto name = pki::CertificateBuilder::makeName({{"CN", commonName}});
    if (!request || X509_REQ_set_subject_name(request.get(), name.get()) != 1 ||
        X509_REQ_set_pubkey(request.get(), key->get()) != 1 ||
        X509_REQ_sign(request.get(), key->get(), EVP_sha256()) <= 0) {
        return core::fail(pki::ossl::error(core::Errc::CryptoFailure, QStringLiteral("CSR")));
    }
    pki::ossl::BioPtr out(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509_REQ(out.get(), request.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(out.get(), &data);
    auto keyPem = pki::ossl::privateKeyToPem(key->get());
    if (!keyPem) {
        return core::fail(keyPem.error());
    }
    return std::pair{QByteArray(data, static_cast<qsizetype>(length)), *keyPem};
}

core::Result<void> TerminalCa::createDevelopmentSet(const QString& directory, const core::Clock& clock)
{
    QDir().mkpath(directory);
    const PlatformFiles files{directory};
    auto caKey = newKey();
    if (!caKey) {
        return core::fail(caKey.error());
    }
    pki::CertificateBuilder builder;
    auto caCert =
        builder.serial(randomSerial())
            .subject({{"O", QStringLiteral("Madoguchi Platform")}, {"CN", QStringLiteral("Terminal CA (DEV)")}})
            .validity(clock.now().addDays(-1), clock.now().addDays(3650))
            .publicKey(caKey->get())
            .extension("basicConstraints", "critical,CA:TRUE")
            .extension("keyUsage", "critical,keyCertSign,cRLSign")
            .subjectKeyIdentifier()
            .sign(nullptr, caKey->get());
    if (!caCert) {
        return core::fail(caCert.error());
    }
    auto caKeyPem = pki::ossl::privateKeyToPem(caKey->get());
    if (!caKeyPem) {
        return core::fail(caKeyPem.error());
    }
    auto ca = load(pki::ossl::certToPem(caCert->get()), *caKeyPem);
    if (!ca) {
        return core::fail(ca.error());
    }
    struct Leaf
    {
        const char* base;
        QString cn;
        QString ou;
        const char* eku;
        const char* san;
    };
    const Leaf leaves[] = {
        {"server", QStringLiteral("localhost"), QStringLiteral("server"), "serverAuth", "DNS:localhost,IP:127.0.0.1"},
        {"admin", QStringLiteral("admin"), QStringLiteral("admin"), "clientAuth", nullptr},
    };
    for (const Leaf& leaf : leaves) {
        auto key = newKey();
        if (!key) {
            return core::fail(key.error());
        }
        auto pem = ca->m_impl->sign(key->get(), leaf.cn, leaf.ou, 825, clock, leaf.eku, leaf.san);
        auto keyPem = pki::ossl::privateKeyToPem(key->get());
        if (!pem || !keyPem) {
            return core::fail(!pem ? pem.error() : keyPem.error());
        }
        const QString base = QLatin1String(leaf.base);
        if (!writeFile(files.directory + QLatin1Char('/') + base + QStringLiteral(".pem"), *pem) ||
            !writeFile(files.directory + QLatin1Char('/') + base + QStringLiteral(".key"), *keyPem)) {
            return core::fail(core::Errc::Io, QStringLiteral("writing %1").arg(base));
        }
    }
    pki::ossl::EvpPkeyPtr vaultKey(EVP_RSA_gen(3072));
    auto vaultKeyPem = vaultKey ? pki::ossl::privateKeyToPem(vaultKey.get())
                                : core::Result<QByteArray>(core::fail(core::Errc::CryptoFailure));
    if (!vaultKeyPem) {
        return core::fail(vaultKeyPem.error());
    }
    pki::ossl::BioPtr pub(BIO_new(BIO_s_mem()));
    PEM_write_bio_PUBKEY(pub.get(), vaultKey.get());
    char* pubData = nullptr;
    const long pubLength = BIO_get_mem_data(pub.get(), &pubData);
    QByteArray secret(32, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()), 32);
    if (!writeFile(files.path("ca.pem"), ca->certificatePem()) || !writeFile(files.path("ca.key"), *caKeyPem) ||
        !writeFile(files.path("vault.key"), *vaultKeyPem) ||
        !writeFile(files.path("vault.pem"), QByteArray(pubData, static_cast<qsizetype>(pubLength))) ||
        !writeFile(files.path("secret.bin"), secret)) {
        return core::fail(core::Errc::Io, QStringLiteral("writing the development set"));
    }
    return {};
}

} // namespace madoguchi::platformd
