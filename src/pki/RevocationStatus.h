#pragma once

#include "pki/CrlInfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace madoguchi::pki {

// What one source said about one certificate. "Unknown" is an answer, never "good"
// (architecture.md §5).
enum class CertStatus
{
    Good,
    Revoked,
    Unknown,
};

// Where an answer came from, so the GUI can say "OCSP, 10:02" or "CRL #812, 5 h old".
enum class RevocationSourceKind
{
    Ocsp,
    Crl,
    PlatformFeed,
};

struct RevocationStatus
{
    CertStatus status = CertStatus::Unknown;
    // Set for Revoked: a CrlReason value (pki/CrlInfo.h, crlReasonFromCode()). An absent reasonCode means
    // unspecified (RFC 5280 §5.3.1).
    std::optional<int> reasonCode;
    QDateTime revocationTime;

    RevocationSourceKind source = RevocationSourceKind::Ocsp;
    QString sourceName;   // responder URL, CRL file name, feed name
    QDateTime producedAt; // OCSP producedAt
    QDateTime thisUpdate; // OCSP SingleResponse / CRL thisUpdate
    QDateTime nextUpdate; // may be null: "newer information is always available" (RFC 6960 §4.2.2.1)
    std::optional<qint64> crlNumber;
    bool fromCache = false;
    // The checks that were made, in order, in plain English for `--json` and the support log.
    QStringList checks;
};

[[nodiscard]] QString certStatusName(CertStatus status);         // "good", "revoked", "unknown"
[[nodiscard]] QString sourceKindName(RevocationSourceKind kind); // "ocsp", "crl", "platform_feed"
[[nodiscard]] QString reasonName(int reasonCode);                // "keyCompromise", ... (RFC 5280 names)

} // namespace madoguchi::pki
