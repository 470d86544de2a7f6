#pragma once

#include "pki/OpenSsl.h"

#include <QByteArray>
#include <QDateTime>

#include <vector>

namespace madoguchi::pki {

// One revoked certificate. reason: RFC 5280 §5.3.1 CRLReason (jpki-card.md §6), -1 = no reasonCode.
struct RevocationEntry
{
    QByteArray serial; // big-endian magnitude
    QDateTime revokedAt;
    int reason = -1;
};

// Builds a v2 CRL (RFC 5280 §5) for the test PKI: entries sorted by serial, a reasonCode per entry,
// CRL number, thisUpdate/nextUpdate and the issuer's key identifier (AKI), signed with SHA-256/RSA.
[[nodiscard]] core::Result<ossl::X509CrlPtr> buildRevocationList(const X509* issuer, EVP_PKEY* issuerKey,
                                                                 const std::vector<RevocationEntry>& entries,
                                                                 const QDateTime& thisUpdate,
                                                                 const QDateTime& nextUpdate, quint64 crlNumber);

} // namespace madoguchi::pki
