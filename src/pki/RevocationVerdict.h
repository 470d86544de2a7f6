#pragma once

#include "core/Error.h"
#include "pki/RevocationStatus.h"

#include <QList>

#include <optional>

namespace madoguchi::pki {

// What one source was asked and what came back: an answer or the error that made it no answer.
struct RevocationAttempt
{
    RevocationSourceKind source = RevocationSourceKind::Ocsp;
    std::optional<RevocationStatus> answer;
    std::optional<core::Error> error;
};

// The service's decision for one certificate, with its provenance for the GUI ("revoked, reason 1,
// OCSP http://…, produced 10:02" or "unknown: OCSP timed out, CRL 40 h old").
struct RevocationVerdict
{
    CertStatus status = CertStatus::Unknown;
    std::optional<RevocationStatus> decidedBy; // the answer that decided; none for "unknown" by error
    QList<RevocationAttempt> attempts;         // in the order the sources were asked
    QString why;                               // one line: why this verdict

    [[nodiscard]] bool isGood() const { return status == CertStatus::Good && decidedBy.has_value(); }
};

} // namespace madoguchi::pki
