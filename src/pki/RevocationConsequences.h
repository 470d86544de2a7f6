#pragma once

#include "core/Result.h"
#include "pki/RevocationEvent.h"
#include "pki/RevocationStatus.h"

namespace madoguchi::pki {

class SuccessionTable;

// Turns a revocation into the event it causes (jpki-card.md §6). Pure: no I/O, no clock; the
// succession table is only read.
class RevocationConsequences final
{
public:
    explicit RevocationConsequences(const SuccessionTable* successions = nullptr) : m_successions(successions) {}

    [[nodiscard]] RevocationEvent eventFor(const RevokedCertificate& revoked) const;
    // The revoked certificate a "revoked" answer is about, keyed by (issuer key id, serial) taken
    // from the certificate itself; InvalidArgument for any other answer.
    [[nodiscard]] static core::Result<RevokedCertificate> revokedCertificateOf(const RevocationQuery& query,
                                                                               const RevocationStatus& status);
    // eventFor + hand the event to the sink.
    void dispatch(const RevokedCertificate& revoked, const RevocationEventSink& sink) const;

private:
    const SuccessionTable* m_successions;
};

} // namespace madoguchi::pki
