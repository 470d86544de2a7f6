#pragma once

#include "core/Clock.h"
#include "services/SyncRecords.h"
#include "store/LinkageRepository.h"
#include "store/Statement.h"
#include "sync/OutboxSource.h"

namespace madoguchi::store {
class Database;
}

namespace madoguchi::services {

// sync::OutboxSource over the store's outbox table (0033_compact_linkages.sql). An entry points at an
// immutable linkage_version row (uuid in entity_id, and version), read when it is sent with a credit card's
// sealed number (docs/vault.md); the wire's
// idempotency key "uuid:version" is made from the two. Acknowledged items get sent_at; unsent ones survive any
// crash or offline spell. One connection, one thread: the sync worker opens its own.
class StoreOutbox final : public sync::OutboxSource
{
public:
    StoreOutbox(store::Database& db, const core::Clock& clock, SyncRecords records);

    [[nodiscard]] core::Result<QList<sync::OutboxItem>> pending(int limit) const override;
    [[nodiscard]] core::Result<void> acknowledge(const QList<sync::PushResult>& results) override;

    // Time spent in this store's SQL so far (the run's log line splits store from network time).
    [[nodiscard]] qint64 busyMs() const { return m_busyNs / 1000000; }

    // Linkage changes not yet answered by the platform.
    [[nodiscard]] static core::Result<qint64> pendingCount(store::Database& db);

private:
    [[nodiscard]] core::Result<void> dropSealedCopies(const QList<sync::PushResult>& results);
    [[nodiscard]] core::Result<sync::OutboxItem> itemFor(const QByteArray& entityId, int version) const;
    // The idempotency key on the wire: "<uuid>:<version>", made when sending (not stored since 0033).
    [[nodiscard]] static QString keyOf(const QUuid& uuid, int version);

    store::Database& m_db;
    mutable store::LinkageRepository m_repo; // kind id → code
    const core::Clock& m_clock;
    SyncRecords m_records;
    mutable store::Statement m_version;
    mutable qint64 m_busyNs = 0;              // prepared once: a push reads one version row per item
    mutable QHash<QString, qint64> m_idByKey; // items handed out by pending(): key → outbox row id
};

} // namespace madoguchi::services
