#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "pki/JpkiCertificate.h"
#include "pki/TrustStore.h"

#include <optional>

namespace madoguchi::pki {

// What a successful validation established.
struct ValidatedCertificate
{
    JpkiCertificate certificate;
    TrustAnchor anchor;           // the root it chains to (found by key identifier)
    bool testPki = false;         // chains to a TEST PKI root (training mode only)
    bool testEnvironment = false; // carries J-LIS's test-environment policy …8.5.1.0.x
};

// Validates a JPKI end-entity certificate against a TrustStore at the time of an injected clock
// (RFC 5280 §6, reduced to JPKI's two-level hierarchies). Each failure is its own Errc:
//   CertificateInvalid        does not parse, malformed SAN personal data, no AKI
//   UnknownCriticalExtension  a critical extension we do not process (RFC 5280 §4.2)
//   UntrustedIssuer           no trust anchor with the certificate's authority key identifier
//   SignatureInvalid          the anchor's key does not verify the signature
//   NotYetValid / Expired     the certificate (or its anchor) outside its validity at clock.now()
//   KeyUsageInvalid           a CA certificate, no digitalSignature (sign: no nonRepudiation)
//   PolicyInvalid             no JPKI policy, another kind than expected, test policy in production
// Revocation is not checked here (CRL engine and OCSP client do that).
class CertificateValidator final
{
public:
    CertificateValidator(const TrustStore& store, const core::Clock& clock) : m_store(store), m_clock(clock) {}

    [[nodiscard]] core::Result<ValidatedCertificate>
    validate(const QByteArray& certDer, std::optional<JpkiCertificateKind> expectedKind = std::nullopt) const;

private:
    const TrustStore& m_store;
    const core::Clock& m_clock;
};

} // namespace madoguchi::pki
