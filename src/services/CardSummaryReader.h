#pragma once

#include "card/CardConnection.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "services/CardSummary.h"

namespace madoguchi::pki {
class TrustStore;
}

namespace madoguchi::services {

// The free reads of an inserted card, in one transaction and with as few APDUs as possible
// (performance.md §3): SELECT the JPKI AP, the token, the auth certificate, then the chain against
// the trust store by key identifier (the CA certificate on the card is not needed for that), then
// whether the card has PINs at all. No PIN is asked for and no personal data is read.
class CardSummaryReader final
{
public:
    CardSummaryReader(const pki::TrustStore& trust, const core::Clock& clock) : m_trust(trust), m_clock(clock) {}

    [[nodiscard]] core::Result<CardSummary> read(card::CardConnection& connection) const;

private:
    const pki::TrustStore& m_trust;
    const core::Clock& m_clock;
};

} // namespace madoguchi::services
