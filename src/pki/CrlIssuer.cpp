#include "pki/CrlIssuer.h"

#include <QFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace madoguchi::pki {

namespace {

const EVP_MD* mdFor(CrlSignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case CrlSignatureAlgorithm::Sha256WithRsa:
    case CrlSignatureAlgorithm::EcdsaWithSha256:
        return EVP_sha256();
    case CrlSignatureAlgorithm::Sha384WithRsa:
    case CrlSignatureAlgorithm::EcdsaWithSha384:
        return EVP_sha384();
    case CrlSignatureAlgorithm::Sha512WithRsa:
        return EVP_sha512();
    }
    return nullptr;
}

bool isRsa(CrlSignatureAlgorithm algorithm)
{
    return algorithm == CrlSignatureAlgorithm::Sha256WithRsa || algorithm == CrlSignatureAlgorithm::Sha384WithRsa ||
           algorithm == CrlSignatureAlgorithm::Sha512WithRsa;
}

} // namespace

core::Result<CrlIssuer> CrlIssuer::fromPem(const QByteArray& pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    X509* raw = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!raw) {
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("issuer: not a PEM certificate"));
    }
    CrlIssuer issuer;
    issuer.m_cert.reset(raw, &X509_free);
    issuer.m_key.reset(X509_get_pubkey(raw), &EVP_PKEY_free);
    if (!issuer.m_key) {
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("issuer: no usable public key"));
    }
    unsigned char* der = nullptr;
    const int length = i2d_X509_NAME(X509_get_subject_name(raw), &der);
    if (length <= 0) {
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("issuer: subject not encodable"));
    }
    issuer.m_subjectDer = QByteArray(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    if (const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(raw)) {
        issuer.m_subjectKeyId =
            QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(ski)), ASN1_STRING_length(ski));
    }
    issuer.m_pem = pem;
    return issuer;
}

core::Result<CrlIssuer> CrlIssuer::fromPemFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    return fromPem(file.read(1 << 20));
}

core::Result<void> CrlIssuer::matches(const CrlInfo& info) const
{
    // Every JPKI generation shares one DN: without a key identifier on both sides the CA is ambiguous.
    if (info.authorityKeyId.isEmpty() || m_subjectKeyId.isEmpty()) {
        return core::fail(core::Errc::UntrustedIssuer, QStringLiteral("CRL or CA lacks a key identifier"));
    }
    if (info.authorityKeyId != m_subjectKeyId) {
        return core::fail(core::Errc::UntrustedIssuer, QStringLiteral("CRL signed by key %1, CA key is %2")
                                                           .arg(QString::fromLatin1(info.authorityKeyId.toHex()),
                                                                QString::fromLatin1(m_subjectKeyId.toHex())));
    }
    if (info.issuerDer != m_subjectDer) {
        return core::fail(core::Errc::UntrustedIssuer, QStringLiteral("CRL issuer name differs from the CA subject"));
    }
    return {};
}

core::Result<void> CrlIssuer::verifyDigest(CrlSignatureAlgorithm algorithm, const QByteArray& digest,
                                           const uchar* signature, qint64 signatureLength) const
{
    const int type = EVP_PKEY_get_base_id(m_key.get());
    if ((isRsa(algorithm) && type != EVP_PKEY_RSA) || (!isRsa(algorithm) && type != EVP_PKEY_EC)) {
        return core::fail(core::Errc::SignatureInvalid, QStringLiteral("signature algorithm does not fit the CA key"));
    }
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new(m_key.get(), nullptr),
                                                                    &EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_signature_md(ctx.get(), mdFor(algorithm)) != 1 ||
        (isRsa(algorithm) && EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1)) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("EVP_PKEY_verify setup failed"));
    }
    const int ok = EVP_PKEY_verify(ctx.get(), signature, size_t(signatureLength),
                                   reinterpret_cast<const unsigned char*>(digest.constData()), size_t(digest.size()));
    if (ok != 1) {
        return core::fail(core::Errc::SignatureInvalid, QStringLiteral("CRL signature does not verify"));
    }
    return {};
}

core::Result<QByteArray> CrlIssuer::digest(CrlSignatureAlgorithm algorithm, const uchar* data, qint64 length)
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    if (EVP_Digest(data, size_t(length), reinterpret_cast<unsigned char*>(out.data()), &size, mdFor(algorithm),
                   nullptr) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("EVP_Digest failed"));
    }
    out.resize(qsizetype(size));
    return out;
}

QByteArray CrlIssuer::sha256(const uchar* data, qint64 length)
{
    return *digest(CrlSignatureAlgorithm::Sha256WithRsa, data, length);
}

} // namespace madoguchi::pki
