#pragma once

#include "core/Result.h"

#include <QByteArray>

namespace madoguchi::pki {

// A DER OCSPRequest and what is needed to check its answer.
struct OcspRequest
{
    QByteArray der;       // application/ocsp-request body
    QByteArray certIdDer; // the CertID asked about: cache key and response match (RFC 6960 §4.1.1)
    QByteArray nonce;     // the random nonce sent (RFC 6960 §4.4.1)
};

// Builds single-certificate OCSP requests with a fresh random nonce.
class OcspRequestBuilder final
{
public:
    static constexpr int NonceBytes = 16;

    // CertID with SHA-1 hashes of the issuer name and key: RFC 6960 §4.1.1 allows others, but
    // SHA-1 is what responders (and RFC 5019 §2.1.1 lightweight profiles) are sure to accept.
    [[nodiscard]] static core::Result<OcspRequest> build(const QByteArray& certDer, const QByteArray& issuerDer);
    // The CertID alone (no network): the cache key for a certificate.
    [[nodiscard]] static core::Result<QByteArray> certIdFor(const QByteArray& certDer, const QByteArray& issuerDer);
};

} // namespace madoguchi::pki
