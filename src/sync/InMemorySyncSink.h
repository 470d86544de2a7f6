#pragma once

#include "sync/SyncSink.h"

#include <QHash>
#include <QUuid>

namespace madoguchi::sync {

// A SyncSink in memory: the latest version of every linkage, revocations, conflicts, cursors.
class InMemorySyncSink final : public SyncSink
{
public:
    [[nodiscard]] qint64 linkageCursor() const override { return m_linkageCursor; }
    [[nodiscard]] qint64 revocationCursor() const override { return m_revocationCursor; }
    [[nodiscard]] core::Result<void> applyLinkages(const QList<LinkageRecord>& changes, qint64 cursor) override;
    [[nodiscard]] core::Result<void> applyRevocations(const QList<RevocationEvent>& events, qint64 cursor) override;
    [[nodiscard]] core::Result<void> recordConflict(const ConflictRecord& conflict) override
    {
        m_conflicts.append(conflict);
        return {};
    }

    [[nodiscard]] const QHash<QUuid, LinkageRecord>& linkages() const { return m_linkages; }
    [[nodiscard]] const QList<RevocationEvent>& revocations() const { return m_revocations; }
    [[nodiscard]] const QList<ConflictRecord>& conflicts() const { return m_conflicts; }
    [[nodiscard]] int appliedChanges() const { return m_appliedChanges; }

private:
    QHash<QUuid, LinkageRecord> m_linkages;
    QList<RevocationEvent> m_revocations;
    QList<ConflictRecord> m_conflicts;
    qint64 m_linkageCursor = 0;
    qint64 m_revocationCursor = 0;
    int m_appliedChanges = 0;
};

} // namespace madoguchi::sync
