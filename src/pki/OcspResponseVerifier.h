#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "pki/RevocationStatus.h"

#include <QByteArray>
#include <QList>

namespace madoguchi::pki {

// Everything a response is checked against.
struct OcspExpectation
{
    QByteArray issuerDer;  // the CA that issued the certificate asked about
    QByteArray certIdDer;  // the CertID asked about
    QByteArray requestDer; // the request sent; empty for a cached response (no nonce to match)
    // Responder certificates known out of band, for responders that send none (`-resp_no_certs`).
    // They pass the same delegated-signer checks as an included certificate: configuration never
    // makes an arbitrary key trusted.
    QList<QByteArray> signerCandidates;
    const core::Clock* clock = nullptr;
    qint64 allowedSkewSeconds = 300;
};

// Strict RFC 6960 response checks, each failure a distinct error:
//   responseStatus successful (§4.2.1)           → OcspResponderError
//   basic response, signer found and authorised  → OcspUntrustedSigner (§4.2.2.2)
//   signature over tbsResponseData               → OcspBadSignature
//   nonce equal to ours (§4.4.1)                 → OcspNonceMismatch
//   a SingleResponse for our CertID              → OcspCertIdMismatch
//   thisUpdate ≤ now + skew, nextUpdate ≥ now − skew (§4.2.2.1) → OcspStale
class OcspResponseVerifier final
{
public:
    [[nodiscard]] static core::Result<RevocationStatus> verify(const QByteArray& responseDer,
                                                               const OcspExpectation& expected);
};

} // namespace madoguchi::pki
