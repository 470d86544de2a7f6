#pragma once

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
    virtual void applyLinkages(const QList<LinkageRecord>& changes, qint64 cursor) = 0;
    virtual void applyRevocations(const QList<RevocationEvent>& events, qint64 cursor) = 0;
    virtual void recordConflict(const ConflictRecord& conflict) = 0;
};

} // namespace madoguchi::sync
