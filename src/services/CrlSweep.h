#pragma once

#include "core/Result.h"
#include "services/Operator.h"

namespace madoguchi::services {

class CrlOverview;
class LinkageService;
class RevocationQueue;

struct CrlSweepReport
{
    int cardsChecked = 0;    // cards holding an active or suspended linkage
    int cardsRevoked = 0;    // newly found revoked by a loaded CRL (a card already marked is skipped)
    int linkagesChanged = 0; // suspended, ended or marked migrated
    int queued = 0;          // new items on the Revocations page's queues (reason 4)
};

// After a CRL import, the counter's own registry is held against the loaded CRLs (issue 3 item 7): each
// registered card found revoked gets its consequence through LinkageService::applyRevocation (1/6
// suspend, 5 end, 4 migrate or suspend) and RevocationConsequences → RevocationQueue (reason 4 without
// a known successor waits there for a person). Walking the registry, not the CRL, keeps this
// proportional to the counter's cards (thousands), not to the national list (10^7 entries); each
// look-up is a hash probe (performance.md §1). Runs on the thread that owns the services (the GUI's).
class CrlSweep final
{
public:
    CrlSweep(const CrlOverview& crls, LinkageService& linkages, RevocationQueue& queue)
        : m_crls(crls), m_linkages(linkages), m_queue(queue)
    {}

    // `op` must be allowed to change cards (AccessPolicy::mayChangeCard); the changes are recorded in
    // the audit log in its name by the services that make them.
    [[nodiscard]] core::Result<CrlSweepReport> run(const Operator& op);

private:
    const CrlOverview& m_crls;
    LinkageService& m_linkages;
    RevocationQueue& m_queue;
};

} // namespace madoguchi::services
