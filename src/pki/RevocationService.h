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

    // Not owned; nullptr removes. Set up before the first check().
    void setSource(RevocationSourceKind kind, RevocationSource* source);
    [[nodiscard]] const RevocationPolicy& policy() const { return m_policy; }

    [[nodiscard]] RevocationVerdict check(const RevocationQuery& query);
    // Thread-safe: the running check() stops at the next step and answers "unknown" (cancelled).
    void cancel();

private:
    [[nodiscard]] QList<RevocationSourceKind> order() const;
    [[nodiscard]] core::Result<RevocationStatus> ask(RevocationSource& source, const RevocationQuery& query);
    [[nodiscard]] core::Result<RevocationStatus> checkFreshness(RevocationStatus status) const;

    const core::Clock& m_clock;
    RevocationPolicy m_policy;
    QHash<RevocationSourceKind, RevocationSource*> m_sources;
    std::atomic<bool> m_cancelled{false};
    QMutex m_mutex;
    RevocationSource* m_running = nullptr; // guarded by m_mutex
};

} // namespace madoguchi::pki
