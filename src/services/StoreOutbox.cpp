#include "services/StoreOutbox.h"

#include "store/Database.h"
#include "store/Transaction.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace madoguchi::services {

namespace {

// Adds the lifetime of the scope to a counter.
class BusyTimer final
{
public:
    explicit BusyTimer(qint64& total) : m_total(total) { m_timer.start(); }
    ~BusyTimer() { m_total += m_timer.nsecsElapsed(); }
    Q_DISABLE_COPY_MOVE(BusyTimer)

private:
    qint64& m_total;
    QElapsedTimer m_timer;
};

} // namespace

StoreOutbox::StoreOutbox(store::Database& db, const core::Clock& clock, SyncRecords records)
    : m_db(db), m_repo(db), m_clock(clock), m_records(std::move(records))
{}

core::Result<qint64> StoreOutbox::pendingCount(store::Database& db)
{
    return db.queryInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND entity = 'linkage'");
}

core::Result<QList<sync::OutboxItem>> StoreOutbox::pending(int limit) const
{
    const BusyTimer busy(m_busyNs);
    auto stmt = m_db.prepare("SELECT id, entity_id, version FROM outbox "
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
        auto item = itemFor(stmt->columnBlob(1), static_cast<int>(stmt->columnInt64(2)));
        if (!item) {
            return core::fail(item.error());
        }
        m_idByKey.insert(item->idempotencyKey, stmt->columnInt64(0));
        items.append(*item);
    }
}

QString StoreOutbox::keyOf(const QUuid& uuid, int version)
{
    return uuid.toString(QUuid::WithoutBraces) + QLatin1Char(':') + QString::number(version);
}

core::Result<sync::OutboxItem> StoreOutbox::itemFor(const QByteArray& entityId, int version) const
{
    const QUuid uuid = QUuid::fromRfc4122(entityId);
    const QString key = keyOf(uuid, version);
    if (!m_version.isValid()) {
        auto prepared = m_db.prepare("SELECT c.issuer_key_id, c.serial, v.kind, v.status, v.valid_from, v.valid_to, "
                                     "v.created_by, v.assurance, v.fields, v.sealed_pan FROM linkage_version v "
                                     "JOIN card_identity c ON c.id = v.card_id WHERE v.uuid = ? AND v.version = ?");
        if (!prepared) {
            return core::fail(prepared.error());
        }
        m_version = std::move(*prepared);
    }
    m_version.bindBlob(1, entityId).bind(2, version);
    auto row = m_version.step();
    if (!row) {
        m_version.reset();
        return core::fail(row.error());
    }
    if (*row) {
        // Integer codes of 0033_compact_linkages.sql (store/Linkage.h enum order).
        const auto code = [this](int column, int count) {
            const qint64 value = m_version.columnInt64(column);
            return value >= 0 && value < count ? static_cast<int>(value) : 0;
        };
        store::Linkage l;
        l.uuid = uuid;
        l.version = version;
        l.card = store::CardIdentity{m_version.columnBlob(0), m_version.columnBlob(1)};
        l.kind = m_repo.kindCode(static_cast<int>(m_version.columnInt64(2)));
        l.status = static_cast<store::LinkageStatus>(code(3, 4));
        l.validFrom = QDate::fromString(m_version.columnText(4), Qt::ISODate);
        l.validTo = QDate::fromString(m_version.columnText(5), Qt::ISODate);
        l.createdBy = m_version.columnText(6);
        l.assurance = static_cast<store::Assurance>(code(7, 3));
        l.fields = QJsonDocument::fromJson(m_version.columnBlob(8)).object();
        const QByteArray sealed = m_version.columnBlob(9); // ciphertext for the vault, or empty
        m_version.reset();
        return sync::OutboxItem{key, m_records.toWire(l), sealed};
    }
    m_version.reset();
    return core::fail(core::Errc::StoreFailure,
                      QStringLiteral("outbox %1 points at a missing linkage version").arg(key));
}

// Data minimisation (docs/vault.md): once the platform's vault holds a card number (the answer named
// its vault token, and it answers only after its transaction committed), the counter's sealed copy
// serves no one — it is dropped from every version of that linkage, in the acknowledgement's
// transaction. This is the only UPDATE of linkage_version, bookkeeping like outbox.sent_at: the rest of
// the row (token, brand, last4, expiry) stays as history. A rejected number is kept, for a person.
core::Result<void> StoreOutbox::dropSealedCopies(const QList<sync::PushResult>& results)
{
    std::optional<store::Statement> drop;
    for (const sync::PushResult& result : results) {
        if (result.vaultToken.isEmpty()) {
            continue;
        }
        if (!drop) {
            auto prepared = m_db.prepare("UPDATE linkage_version SET sealed_pan = NULL WHERE sealed_pan IS NOT NULL "
                                         "AND uuid = ?");
            if (!prepared) {
                return core::fail(prepared.error());
            }
            drop.emplace(std::move(*prepared));
        }
        // The key is "<uuid>:<version>" (keyOf); every version of that linkage loses its copy.
        const QUuid uuid = QUuid::fromString(result.idempotencyKey.section(QLatin1Char(':'), 0, 0));
        drop->bindBlob(1, uuid.toRfc4122());
        if (auto ran = drop->run(); !ran) {
            return ran;
        }
    }
    return {};
}

core::Result<void> StoreOutbox::acknowledge(const QList<sync::PushResult>& results)
{
    const BusyTimer busy(m_busyNs);
    auto tx = store::Transaction::begin(m_db);
    // By row id when pending() handed the item out (the usual case); otherwise by (uuid, version)
    // parsed from the key, among the unsent items (0033: no index on the key any more).
    auto mark = tx ? m_db.prepare("UPDATE outbox SET sent_at = ?1 WHERE sent_at IS NULL AND id = coalesce(?2, "
                                  "(SELECT id FROM outbox WHERE sent_at IS NULL AND entity_id = ?3 AND version = ?4))")
                   : core::Result<store::Statement>(core::fail(tx.error()));
    if (!mark) {
        return core::fail(mark.error());
    }
    const QString now = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    for (const sync::PushResult& result : results) {
        mark->bind(1, now);
        const auto known = m_idByKey.constFind(result.idempotencyKey);
        if (known != m_idByKey.cend()) {
            mark->bind(2, known.value());
        } else {
            const QUuid uuid = QUuid::fromString(result.idempotencyKey.section(QLatin1Char(':'), 0, 0));
            mark->bindNull(2).bindBlob(3, uuid.toRfc4122());
            mark->bind(4, result.idempotencyKey.section(QLatin1Char(':'), -1).toInt());
        }
        if (auto ran = mark->run(); !ran) {
            return ran;
        }
    }
    if (auto dropped = dropSealedCopies(results); !dropped) {
        return dropped;
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
    if (auto committed = tx->commit(); !committed) {
        return committed;
    }
    for (const sync::PushResult& result : results) {
        m_idByKey.remove(result.idempotencyKey);
    }
    return {};
}

} // namespace madoguchi::services
