#include "pki/OpenSsl.h"

#include <openssl/err.h>
#include <openssl/pem.h>

namespace madoguchi::pki::ossl {

core::Error error(core::Errc code, const QString& what)
{
    const unsigned long first = ERR_peek_error();
    QString detail = what;
    if (first != 0) {
        char buffer[256] = {};
        ERR_error_string_n(first, buffer, sizeof buffer);
        detail += QStringLiteral(" (") + QString::fromLatin1(buffer) + QLatin1Char(')');
    }
    ERR_clear_error();
    return core::Error{code, detail, static_cast<qint64>(first)};
}

namespace {

template <typename T, typename Fn>
QByteArray encode(const T* object, Fn i2d)
{
    if (object == nullptr) {
        return {};
    }
    const int length = i2d(object, nullptr);
    if (length <= 0) {
        return {};
    }
    QByteArray der(length, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    i2d(object, &out);
    return der;
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

} // namespace

QByteArray toDer(const X509* cert)
{
    return encode(cert, [](const X509* x, unsigned char** out) { return i2d_X509(x, out); });
}

QByteArray toDer(const X509_CRL* crl)
{
    return encode(crl, [](const X509_CRL* c, unsigned char** out) { return i2d_X509_CRL(c, out); });
}

core::Result<QByteArray> privateKeyToPkcs8Der(const EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || i2d_PKCS8PrivateKey_bio(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return core::fail(error(core::Errc::CryptoFailure, QStringLiteral("PKCS#8 encoding")));
    }
    return bioContents(bio.get());
}

core::Result<QByteArray> privateKeyToPem(const EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return core::fail(error(core::Errc::CryptoFailure, QStringLiteral("PEM key encoding")));
    }
    return bioContents(bio.get());
}

core::Result<QByteArray> publicKeyToPem(const EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
        return core::fail(error(core::Errc::CryptoFailure, QStringLiteral("PEM public key encoding")));
    }
    return bioContents(bio.get());
}

QByteArray certToPem(const X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) {
        ERR_clear_error();
        return {};
    }
    return bioContents(bio.get());
}

core::Result<X509Ptr> certFromDer(const QByteArray& der)
{
    const auto* in = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr cert(d2i_X509(nullptr, &in, der.size()));
    if (!cert) {
        return core::fail(error(core::Errc::CertificateInvalid, QStringLiteral("not a DER certificate")));
    }
    if (in != reinterpret_cast<const unsigned char*>(der.constData()) + der.size()) {
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("trailing bytes after the certificate"));
    }
    return cert;
}

core::Result<X509Ptr> certFromDerOrPem(const QByteArray& bytes)
{
    if (!bytes.contains("-----BEGIN")) {
        return certFromDer(bytes);
    }
    BioPtr bio(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
    X509Ptr cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!cert) {
        return core::fail(error(core::Errc::CertificateInvalid, QStringLiteral("not a PEM certificate")));
    }
    return cert;
}

core::Result<X509CrlPtr> crlFromDer(const QByteArray& der)
{
    const auto* in = reinterpret_cast<const unsigned char*>(der.constData());
    X509CrlPtr crl(d2i_X509_CRL(nullptr, &in, der.size()));
    if (!crl) {
        return core::fail(error(core::Errc::MalformedDer, QStringLiteral("not a DER CRL")));
    }
    return crl;
}

core::Result<EvpPkeyPtr> privateKeyFromPkcs8Der(const QByteArray& der)
{
    const auto* in = reinterpret_cast<const unsigned char*>(der.constData());
    EvpPkeyPtr key(d2i_AutoPrivateKey(nullptr, &in, der.size()));
    if (!key) {
        return core::fail(error(core::Errc::CryptoFailure, QStringLiteral("not a PKCS#8 private key")));
    }
    return key;
}

QByteArray toBytes(const ASN1_STRING* string)
{
    if (string == nullptr) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(string)), ASN1_STRING_length(string));
}

QByteArray serialBytes(const X509* cert)
{
    return toBytes(X509_get0_serialNumber(cert));
}

QByteArray subjectKeyId(const X509* cert)
{
    // OpenSSL 3.0 takes X509* here because it caches the decoded extensions; nothing else changes.
    return toBytes(X509_get0_subject_key_id(const_cast<X509*>(cert)));
}

QByteArray authorityKeyId(const X509* cert)
{
    return toBytes(X509_get0_authority_key_id(const_cast<X509*>(cert)));
}

QByteArray publicKeySha1(const X509* cert)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_pubkey_digest(cert, EVP_sha1(), digest, &length) != 1) {
        ERR_clear_error();
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length));
}

QString nameToString(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
        ERR_clear_error();
        return {};
    }
    return QString::fromUtf8(bioContents(bio.get()));
}

QString oidText(const ASN1_OBJECT* object)
{
    char text[128] = {};
    const int length = OBJ_obj2txt(text, sizeof text, object, 1);
    return length > 0 && length < static_cast<int>(sizeof text) ? QString::fromLatin1(text) : QString();
}

Asn1TimePtr toAsn1Time(const QDateTime& at)
{
    return Asn1TimePtr(ASN1_TIME_set(nullptr, static_cast<time_t>(at.toSecsSinceEpoch())));
}

QDateTime fromAsn1Time(const ASN1_TIME* time)
{
    struct tm parts = {};
    if (time == nullptr || ASN1_TIME_to_tm(time, &parts) != 1) {
        return {};
    }
    const QDate date(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday);
    const QTime clock(parts.tm_hour, parts.tm_min, parts.tm_sec);
    return QDateTime(date, clock, Qt::UTC);
}

} // namespace madoguchi::pki::ossl
