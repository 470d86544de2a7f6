#pragma once

#include "core/Clock.h"
#include "pki/RevocationSource.h"

#include <mutex>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::services {

// pki::RevocationSource (kind PlatformFeed) over the revocation events sync pulled from the platform
// (0032_sync.sql platform_revocation). The platform derives them from the J-LIS CRLs and OCSP it
// consumes (issue 7), so the counter can answer between its own CRL loads. Fails closed
// (architecture.md §5): a feed never pulled is RevocationUnknown, one older than `maxAge` is
// RevocationStale; "good" only means "not in a feed pulled within maxAge".
// Give it its own connection when statusOf() runs on a worker thread; calls are serialised.
class PlatformFeedRevocationSource final : public pki::RevocationSource
{
public:
    PlatformFeedRevocationSource(store::Database& db, const core::Clock& clock, qint64 maxAgeSeconds = 24 * 3600)
        : m_db(db), m_clock(clock), m_maxAgeSeconds(maxAgeSeconds)
    {}

    [[nodiscard]] pki::RevocationSourceKind kind() const override { return pki::RevocationSourceKind::PlatformFeed; }
    [[nodiscard]] core::Result<pki::RevocationStatus> statusOf(const pki::RevocationQuery& query) override;

private:
    [[nodiscard]] core::Result<QDateTime> lastPull();

    std::mutex m_mutex;
    store::Database& m_db;
    const core::Clock& m_clock;
    qint64 m_maxAgeSeconds;
};

} // namespace madoguchi::services
