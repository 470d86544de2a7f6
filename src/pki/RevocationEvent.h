#pragma once

#include "pki/RevocationQuery.h"
#include "pki/SuccessionKey.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace madoguchi::pki {

// The work a revocation causes for the linkages of a card (jpki-card.md §6, architecture.md §5).
enum class RevocationEventKind
{
    Revoke,           // reason 0: destroyed before delivery
    Block,            // 1 keyCompromise, 6 certificateHold (and CA/AA compromise, privilege withdrawn)
    ChangeOfAddress,  // 3 affiliationChanged on a signing certificate: the one-stop moving flow
    Migrate,          // 4 superseded with a known successor
    SuccessorMissing, // 4 superseded, but no old↔new link names the successor yet
    End,              // 5 cessationOfOperation
    Review,           // not expected from J-LIS (e.g. 3 on an auth certificate): a person decides
};

// One revoked certificate, as a CRL entry or an OCSP answer reports it.
struct RevokedCertificate
{
    SuccessionKey certificate;
    CertKind kind = CertKind::Auth;
    std::optional<int> reasonCode; // absent: unspecified (RFC 5280 §5.3.1)
    QDateTime revokedAt;
};

struct RevocationEvent
{
    RevocationEventKind kind = RevocationEventKind::Review;
    RevokedCertificate revoked;
    std::optional<SuccessionKey> successor; // Migrate: the latest certificate of the chain
    QString note;                           // why, in English, for logs and the review queue
};

// Where events go until the store consumes them (issue 3 item 7): a callback, so the store, a
// test or a Qt signal can sit behind it.
using RevocationEventSink = std::function<void(const RevocationEvent&)>;

[[nodiscard]] QString eventKindName(RevocationEventKind kind); // "block", "migrate", ...

} // namespace madoguchi::pki
