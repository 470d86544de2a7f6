#pragma once

#include "core/Clock.h"
#include "pki/RevocationPolicy.h"
#include "pki/RevocationQuery.h"
#include "pki/RevocationSource.h"
#include "pki/RevocationVerdict.h"

#include <QHash>
#include <QMutex>

#include <atomic>

namespace madoguchi::pki {

// Asks the configured sources in the order the policy gives and decides, failing closed (see
// RevocationPolicy). check() blocks while a source does (OCSP over the network): run it in a
// services job on a worker thread, never on the GUI thread.
class RevocationService final
{
public:
    RevocationService(const core::Clock& clock, RevocationPolicy policy);

    // Not owned; nullptr removes. Thread-safe: a check() already running keeps the sources it started with.
    void setSource(RevocationSourceKind kind, RevocationSource* source);
    // The platform's revocation feed (services::PlatformFeedRevocationSource, sync layer) as the last
    // source: sets it and turns the policy's usePlatformFeed on; nullptr removes it and turns it off.
    // Not owned: the feed must outlive this service or be removed first.
    void setPlatformFeed(RevocationSource* feed);
    [[nodiscard]] RevocationPolicy policy() const;

    [[nodiscard]] RevocationVerdict check(const RevocationQuery& query);
    // Thread-safe: the running check() stops at the next step and answers "unknown" (cancelled).
    void cancel();

private:
    [[nodiscard]] static QList<RevocationSourceKind> order(const RevocationPolicy& policy);
    [[nodiscard]] core::Result<RevocationStatus> ask(RevocationSource& source, const RevocationQuery& query,
                                                     const RevocationPolicy& policy);
    [[nodiscard]] core::Result<RevocationStatus> checkFreshness(RevocationStatus status,
                                                                const RevocationPolicy& policy) const;

    const core::Clock& m_clock;
    RevocationPolicy m_policy;                                // guarded by m_mutex
    QHash<RevocationSourceKind, RevocationSource*> m_sources; // guarded by m_mutex
    std::atomic<bool> m_cancelled{false};
    mutable QMutex m_mutex;
    RevocationSource* m_running = nullptr; // guarded by m_mutex
};

} // namespace madoguchi::pki
