#pragma once

#include "core/Result.h"
#include "sync/SyncTypes.h"

#include <QList>

namespace madoguchi::sync {

// Where pulled feeds and conflicts go; the desktop store implements it. A batch and its cursor are
// given together, so the store can save both in one transaction (resume exactly where it stopped).
class SyncSink
{
public:
    virtual ~SyncSink() = default;
    [[nodiscard]] virtual qint64 linkageCursor() const = 0;
    [[nodiscard]] virtual qint64 revocationCursor() const = 0;
    // A failure stops the run with the cursor where it was: the page is fetched again next time.
    [[nodiscard]] virtual core::Result<void> applyLinkages(const QList<LinkageRecord>& changes, qint64 cursor) = 0;
    [[nodiscard]] virtual core::Result<void> applyRevocations(const QList<RevocationEvent>& events, qint64 cursor) = 0;
    [[nodiscard]] virtual core::Result<void> recordConflict(const ConflictRecord& conflict) = 0;
};

} // namespace madoguchi::sync
