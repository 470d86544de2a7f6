#pragma once

#include "core/Result.h"
#include "pki/CrlInfo.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct x509_st;
struct evp_pkey_st;

namespace madoguchi::pki {

// The CA certificate a CRL is checked against. JPKI reuses one DN across key generations, so the
// CRL's authorityKeyIdentifier must equal this certificate's subjectKeyIdentifier and its issuer DN
// must equal the subject DN byte for byte (RFC 5280 §5.2.1, §7.1 — DER of the same CA is identical).
class CrlIssuer final
{
public:
    [[nodiscard]] static core::Result<CrlIssuer> fromPem(const QByteArray& pem);
    [[nodiscard]] static core::Result<CrlIssuer> fromPemFile(const QString& path);

    [[nodiscard]] const QByteArray& subjectDer() const { return m_subjectDer; }
    [[nodiscard]] const QByteArray& subjectKeyId() const { return m_subjectKeyId; }
    [[nodiscard]] const QByteArray& pem() const { return m_pem; }

    // UntrustedIssuer unless `info` names this CA (key identifier and DN).
    [[nodiscard]] core::Result<void> matches(const CrlInfo& info) const;
    // SignatureInvalid unless `signature` is this CA's signature over a message whose digest (by the
    // algorithm's hash) is `digest`. OpenSSL's EVP_PKEY_verify is the primitive.
    [[nodiscard]] core::Result<void> verifyDigest(CrlSignatureAlgorithm algorithm, const QByteArray& digest,
                                                  const uchar* signature, qint64 signatureLength) const;

    // The hash of `algorithm` over [data, data + length) — EVP_Digest.
    [[nodiscard]] static core::Result<QByteArray> digest(CrlSignatureAlgorithm algorithm, const uchar* data,
                                                         qint64 length);
    [[nodiscard]] static QByteArray sha256(const uchar* data, qint64 length);

private:
    std::shared_ptr<x509_st> m_cert;
    std::shared_ptr<evp_pkey_st> m_key;
    QByteArray m_subjectDer;
    QByteArray m_subjectKeyId;
    QByteArray m_pem;
};

} // namespace madoguchi::pki
