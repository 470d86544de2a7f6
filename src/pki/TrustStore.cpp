#include "pki/TrustStore.h"

#include "core/Logging.h"
#include "pki/OpenSsl.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/pem.h>

namespace madoguchi::pki {

namespace {

const char* const BuiltInRoots[] = {":/trust/auth_ca_2015.pem", ":/trust/auth_ca_2023.pem", ":/trust/sign_ca_2015.pem",
                                    ":/trust/sign_ca_2023.pem"};

// Every certificate in a PEM bundle, or one DER certificate.
core::Result<std::vector<QByteArray>> certificatesIn(const QByteArray& bytes)
{
    std::vector<QByteArray> out;
    if (!bytes.contains("-----BEGIN")) {
        auto cert = ossl::certFromDer(bytes);
        if (!cert) {
            return core::fail(cert.error());
        }
        out.push_back(bytes);
        return out;
    }
    ossl::BioPtr bio(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
    while (ossl::X509Ptr cert{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)}) {
        out.push_back(ossl::toDer(cert.get()));
    }
    ERR_clear_error(); // the read past the last certificate
    if (out.empty()) {
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("no certificate in the PEM data"));
    }
    return out;
}

bool looksLikeTest(const X509* cert)
{
    const QString subject = ossl::nameToString(X509_get_subject_name(cert));
    return subject.contains(QStringLiteral("O=JPKI TEST")) || subject.contains(QStringLiteral("OU=TEST,")) ||
           subject.endsWith(QStringLiteral("OU=TEST"));
}

} // namespace

std::vector<QByteArray> TrustStore::builtInRootsPem()
{
    std::vector<QByteArray> out;
    for (const char* path : BuiltInRoots) {
        QFile file(QString::fromLatin1(path));
        if (file.open(QIODevice::ReadOnly)) {
            out.push_back(file.readAll());
        }
    }
    return out;
}

core::Result<TrustStore> TrustStore::load(TrustMode mode, const QString& installedAnchorsPath)
{
    TrustStore store(mode, installedAnchorsPath);
    const std::vector<QByteArray> roots = builtInRootsPem();
    if (roots.size() != std::size(BuiltInRoots)) {
        return core::fail(core::Errc::Internal, QStringLiteral("embedded J-LIS roots missing from resources"));
    }
    for (const auto& pem : roots) {
        auto certs = certificatesIn(pem);
        if (!certs || !store.add(certs->front(), AnchorOrigin::BuiltIn)) {
            return core::fail(core::Errc::Internal, QStringLiteral("embedded J-LIS root does not load"));
        }
    }
    if (installedAnchorsPath.isEmpty() || !QFile::exists(installedAnchorsPath)) {
        return store;
    }
    QFile file(installedAnchorsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read ") + installedAnchorsPath);
    }
    auto certs = certificatesIn(file.readAll());
    if (!certs) {
        return core::fail(certs.error());
    }
    for (const auto& der : *certs) {
        // Fail closed but stay usable: an anchor that may not be trusted in this mode is skipped.
        if (auto added = store.add(der, AnchorOrigin::Installed); !added) {
            qCWarning(lcPki) << "installed trust anchor skipped:" << added.error().toString();
        }
    }
    return store;
}

core::Result<void> TrustStore::add(const QByteArray& der, AnchorOrigin origin)
{
    auto cert = ossl::certFromDer(der);
    if (!cert) {
        return core::fail(cert.error());
    }
    X509* x = cert->get();
    // A trust anchor must be a CA certificate that signed itself (JPKI roots are self-signed).
    if (X509_check_ca(x) != 1 || X509_verify(x, X509_get0_pubkey(x)) != 1) {
        ERR_clear_error();
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("not a self-signed CA certificate"));
    }
    const bool isTest = origin == AnchorOrigin::Test || looksLikeTest(x);
    if (isTest && m_mode != TrustMode::Training) {
        return core::fail(core::Errc::UntrustedIssuer,
                          QStringLiteral("a TEST PKI root is trusted only in training mode"));
    }
    QByteArray keyId = ossl::subjectKeyId(x);
    if (keyId.isEmpty()) {
        keyId = ossl::publicKeySha1(x);
    }
    if (findByKeyId(keyId) != nullptr) {
        return {}; // the same anchor twice is harmless
    }
    m_anchors.push_back(TrustAnchor{der, keyId, ossl::nameToString(X509_get_subject_name(x)), origin, isTest});
    return {};
}

const TrustAnchor* TrustStore::findByKeyId(QByteArrayView keyId) const
{
    for (const auto& anchor : m_anchors) {
        if (anchor.keyId == keyId) {
            return &anchor;
        }
    }
    return nullptr;
}

bool TrustStore::isTestPkiTrusted() const
{
    return std::any_of(m_anchors.begin(), m_anchors.end(), [](const TrustAnchor& a) { return a.isTest; });
}

core::Result<void> TrustStore::addTestAnchor(const QByteArray& certDer)
{
    if (m_mode != TrustMode::Training) {
        return core::fail(core::Errc::UntrustedIssuer, QStringLiteral("test roots need training mode"));
    }
    return add(certDer, AnchorOrigin::Test);
}

core::Result<int> TrustStore::installAnchorsFromFile(const QString& path)
{
    if (m_installedPath.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("no path to persist installed anchors"));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::NotFound, QStringLiteral("cannot read ") + path);
    }
    auto certs = certificatesIn(file.readAll());
    if (!certs) {
        return core::fail(certs.error());
    }
    TrustStore candidate = *this; // all or nothing
    for (const auto& der : *certs) {
        if (auto added = candidate.add(der, AnchorOrigin::Installed); !added) {
            return core::fail(added.error());
        }
    }
    QByteArray bundle;
    for (const auto& anchor : candidate.m_anchors) {
        if (anchor.origin == AnchorOrigin::Installed) {
            bundle += ossl::certToPem(ossl::certFromDer(anchor.certDer)->get());
        }
    }
    QDir().mkpath(QFileInfo(m_installedPath).absolutePath());
    QSaveFile out(m_installedPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(bundle) != bundle.size() || !out.commit()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write ") + m_installedPath);
    }
    const int added = static_cast<int>(candidate.m_anchors.size() - m_anchors.size());
    qCInfo(lcPki) << "trust anchors installed:" << added;
    *this = std::move(candidate);
    return added;
}

} // namespace madoguchi::pki
