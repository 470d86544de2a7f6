#include "sync/InMemorySyncSink.h"

namespace madoguchi::sync {

core::Result<void> InMemorySyncSink::applyLinkages(const QList<LinkageRecord>& changes, qint64 cursor)
{
    for (const LinkageRecord& change : changes) {
        auto it = m_linkages.find(change.linkageId);
        if (it == m_linkages.end() || it->version < change.version) {
            m_linkages.insert(change.linkageId, change);
        }
        ++m_appliedChanges;
    }
    m_linkageCursor = cursor;
    return {};
}

core::Result<void> InMemorySyncSink::applyRevocations(const QList<RevocationEvent>& events, qint64 cursor)
{
    m_revocations.append(events);
    m_revocationCursor = cursor;
    return {};
}

} // namespace madoguchi::sync
