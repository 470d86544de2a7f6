#pragma once

#include "pki/RevocationEvent.h"

namespace madoguchi::pki {

class SuccessionTable;

// Turns a revocation into the event it causes (jpki-card.md §6). Pure: no I/O, no clock; the
// succession table is only read.
class RevocationConsequences final
{
public:
    explicit RevocationConsequences(const SuccessionTable* successions = nullptr) : m_successions(successions) {}

    [[nodiscard]] RevocationEvent eventFor(const RevokedCertificate& revoked) const;
    // eventFor + hand the event to the sink.
    void dispatch(const RevokedCertificate& revoked, const RevocationEventSink& sink) const;

private:
    const SuccessionTable* m_successions;
};

} // namespace madoguchi::pki
