#include "services/StoreOutbox.h"

#include "store/Database.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace madoguchi::services {

StoreOutbox::StoreOutbox(store::Database& db, const core::Clock& clock, SyncRecords records)
    : m_db(db), m_clock(clock), m_records(std::move(records)), m_repo(db)
{}

core::Result<qint64> StoreOutbox::pendingCount(store::Database& db)
{
    return db.queryInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND entity = 'linkage'");
}

core::Result<QList<sync::OutboxItem>> StoreOutbox::pending(int limit) const
{
    auto stmt = m_db.prepare("SELECT entity_id, payload, idempotency_key FROM outbox "
                             "WHERE sent_at IS NULL AND entity = 'linkage' ORDER BY id LIMIT ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, limit);
    QList<sync::OutboxItem> items;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            return items;
        }
        auto item = itemFor(stmt->columnBlob(0), stmt->columnBlob(1), stmt->columnText(2));
        if (!item) {
            return core::fail(item.error());
        }
        items.append(*item);
    }
}

core::Result<sync::OutboxItem> StoreOutbox::itemFor(const QByteArray& entityId, const QByteArray& payload,
                                                    const QString& key) const
{
    const QUuid uuid = QUuid::fromRfc4122(entityId);
    // The version: from the payload; the key "uuid:version" says the same when the payload is lean.
    int version = QJsonDocument::fromJson(payload).object().value(QStringLiteral("version")).toInt();
    if (version < 1) {
        version = key.section(QLatin1Char(':'), -1).toInt();
    }
    auto history = m_repo.history(uuid);
    if (!history) {
        return core::fail(history.error());
    }
    for (const store::Linkage& l : *history) {
        if (l.version == version) {
            return sync::OutboxItem{key, m_records.toWire(l)};
        }
    }
    return core::fail(core::Errc::StoreFailure,
                      QStringLiteral("outbox %1 points at a missing linkage version").arg(key));
}

core::Result<void> StoreOutbox::acknowledge(const QList<sync::PushResult>& results)
{
    auto tx = store::Transaction::begin(m_db);
    auto mark = tx ? m_db.prepare("UPDATE outbox SET sent_at = ? WHERE idempotency_key = ? AND sent_at IS NULL")
                   : core::Result<store::Statement>(core::fail(tx.error()));
    if (!mark) {
        return core::fail(mark.error());
    }
    const QString now = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    for (const sync::PushResult& result : results) {
        mark->bind(1, now).bind(2, result.idempotencyKey);
        if (auto ran = mark->run(); !ran) {
            return ran;
        }
    }
    auto state = m_db.prepare("INSERT OR REPLACE INTO sync_state(name, position, updated_at) VALUES ('push', "
                              "coalesce((SELECT position FROM sync_state WHERE name = 'push'), 0) + ?, ?)");
    if (!state) {
        return core::fail(state.error());
    }
    state->bind(1, static_cast<qint64>(results.size())).bind(2, now);
    if (auto ran = state->run(); !ran) {
        return ran;
    }
    return tx->commit();
}

} // namespace madoguchi::services
