#pragma once

#include <QByteArray>
#include <QUrl>

namespace madoguchi::pki {

// Which JPKI certificate a revocation concerns: the consequences differ (jpki-card.md §6).
enum class CertKind
{
    Auth, // 利用者証明用電子証明書 (EF 000A)
    Sign, // 署名用電子証明書 (EF 0001)
};

// One "is this certificate revoked?" question. Certificates travel as DER so this layer does not
// depend on the certificate model; every source derives what it needs (CertID, issuer key id +
// serial) itself.
struct RevocationQuery
{
    QByteArray certDer;
    QByteArray issuerDer;
    CertKind kind = CertKind::Auth;
    // The OCSP responder to ask; J-LIS gives it to registered verifiers only (jpki-card.md §6),
    // so it comes from configuration, not from the certificate's AIA.
    QUrl ocspUrl;
};

} // namespace madoguchi::pki
