#pragma once

#include "core/Clock.h"
#include "pki/RevocationEvent.h"
#include "services/SyncRecords.h"
#include "store/LinkageRepository.h"
#include "store/Statement.h"
#include "sync/SyncSink.h"

namespace madoguchi::store {
class Database;
}

namespace madoguchi::services {

// sync::SyncSink over the store (0032_sync.sql). Each page and its cursor commit in one transaction.
// Pulled linkages join the local registry as further versions (append-only; a version already here
// is skipped); a linkage from elsewhere for a card that holds a different active linkage of a
// single-active kind is NOT applied but kept as a conflict with both versions. Pulled revocation
// events are stored for PlatformFeedRevocationSource, recorded as card events for known cards and
// handed to `revocations` (e.g. RevocationQueue::sink() on the same connection) as pki events.
class StoreSyncSink final : public sync::SyncSink
{
public:
    StoreSyncSink(store::Database& db, const core::Clock& clock, SyncRecords records,
                  pki::RevocationEventSink revocations = {});

    [[nodiscard]] qint64 linkageCursor() const override { return cursor("linkages"); }
    [[nodiscard]] qint64 revocationCursor() const override { return cursor("revocations"); }
    [[nodiscard]] core::Result<void> applyLinkages(const QList<sync::LinkageRecord>& changes, qint64 cursor) override;
    [[nodiscard]] core::Result<void> applyRevocations(const QList<sync::RevocationEvent>& events,
                                                      qint64 cursor) override;
    [[nodiscard]] core::Result<void> recordConflict(const sync::ConflictRecord& conflict) override;

    // This sink's counts since it was made (for the run's report and the audit entry).
    [[nodiscard]] int appliedLinkages() const { return m_applied; }
    [[nodiscard]] int skippedLinkages() const { return m_skipped; }
    [[nodiscard]] int pullConflicts() const { return m_pullConflicts; }
    [[nodiscard]] qint64 busyMs() const { return m_busyNs / 1000000; } // time in this store's SQL

private:
    [[nodiscard]] qint64 cursor(const char* name) const;
    template <typename Item, typename Apply>
    [[nodiscard]] core::Result<void> applyPage(const QList<Item>& items, const char* cursorName, qint64 cursor,
                                               Apply apply);
    [[nodiscard]] core::Result<void> saveCursor(const char* name, qint64 position);
    [[nodiscard]] core::Result<void> applyOne(const sync::LinkageRecord& record);
    [[nodiscard]] core::Result<bool> hasVersion(const QUuid& uuid, int version);
    // A different active linkage of the same single-active kind on the card, if any.
    [[nodiscard]] core::Result<std::optional<store::Linkage>> rivalOf(const store::Linkage& incoming);
    [[nodiscard]] core::Result<void> storeConflict(const QString& conflictId, const QString& reason,
                                                   const sync::LinkageRecord& local, const QJsonObject& remote);
    [[nodiscard]] core::Result<void> applyEvent(const sync::RevocationEvent& event);
    void dispatch(const sync::RevocationEvent& event, const pki::SuccessionKey& key) const;

    store::Database& m_db;
    const core::Clock& m_clock;
    SyncRecords m_records;
    pki::RevocationEventSink m_revocations;
    store::LinkageRepository m_repo;
    store::Statement m_hasVersion;
    int m_applied = 0;
    int m_skipped = 0;
    int m_pullConflicts = 0;
    qint64 m_busyNs = 0;
};

} // namespace madoguchi::services
