#include "services/StoreSyncSink.h"

#include "core/Logging.h"
#include "pki/CardIdentity.h"
#include "pki/RevocationConsequences.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QScopeGuard>

namespace madoguchi::services {

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

StoreSyncSink::StoreSyncSink(store::Database& db, const core::Clock& clock, SyncRecords records,
                             pki::RevocationEventSink revocations)
    : m_db(db), m_clock(clock), m_records(std::move(records)), m_revocations(std::move(revocations)), m_repo(db)
{}

qint64 StoreSyncSink::cursor(const char* name) const
{
    auto stmt = m_db.prepare("SELECT position FROM sync_state WHERE name = ?");
    if (!stmt) {
        return 0;
    }
    stmt->bind(1, QString::fromLatin1(name));
    auto row = stmt->step();
    return row && *row ? stmt->columnInt64(0) : 0;
}

core::Result<void> StoreSyncSink::saveCursor(const char* name, qint64 position)
{
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO sync_state(name, position, updated_at) VALUES (?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, QString::fromLatin1(name)).bind(2, position);
    stmt->bind(3, m_clock.now().toUTC().toString(Qt::ISODateWithMs));
    return stmt->run();
}

// A pulled page and its cursor in one transaction: a crash resumes exactly after the last page applied.
template <typename Item, typename Apply>
core::Result<void> StoreSyncSink::applyPage(const QList<Item>& items, const char* cursorName, qint64 cursor,
                                            Apply apply)
{
    QElapsedTimer busy;
    busy.start();
    const auto account = qScopeGuard([&]() { m_busyNs += busy.nsecsElapsed(); });
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    for (const Item& item : items) {
        if (auto applied = apply(item); !applied) {
            return applied;
        }
    }
    if (auto saved = saveCursor(cursorName, cursor); !saved) {
        return saved;
    }
    return tx->commit();
}

core::Result<void> StoreSyncSink::applyLinkages(const QList<sync::LinkageRecord>& changes, qint64 cursor)
{
    return applyPage(changes, "linkages", cursor, [this](const sync::LinkageRecord& r) { return applyOne(r); });
}

core::Result<bool> StoreSyncSink::hasVersion(const QUuid& uuid, int version)
{
    if (!m_hasVersion.isValid()) {
        auto prepared = m_db.prepare("SELECT 1 FROM linkage_version WHERE uuid = ? AND version = ?");
        if (!prepared) {
            return core::fail(prepared.error());
        }
        m_hasVersion = std::move(*prepared);
    }
    m_hasVersion.bindBlob(1, uuid.toRfc4122()).bind(2, version);
    auto row = m_hasVersion.step();
    m_hasVersion.reset();
    return row;
}

core::Result<void> StoreSyncSink::applyOne(const sync::LinkageRecord& record)
{
    auto known = hasVersion(record.linkageId, record.version);
    if (!known) {
        return core::fail(known.error());
    }
    if (*known) { // our own change coming back, or one pulled before
        ++m_skipped;
        return {};
    }
    auto linkage = m_records.fromWire(record);
    if (!linkage) { // a kind this counter does not keep: nothing to apply here
        qCInfo(lcSync).noquote() << "pulled linkage skipped:" << linkage.error().toString();
        ++m_skipped;
        return {};
    }
    bool newCard = false;
    auto cardId = m_repo.ensureCard(linkage->card, m_clock.now(), &newCard);
    if (!cardId) {
        return core::fail(cardId.error());
    }
    linkage->cardId = *cardId;
    linkage->createdAt = m_clock.now();
    // A card first seen just now holds nothing here to conflict with (saves a lookup per new card).
    auto rival = newCard ? core::Result<std::optional<store::Linkage>>() : rivalOf(*linkage);
    if (!rival) {
        return core::fail(rival.error());
    }
    if (*rival) {
        // Never silently overwritten (architecture.md §7): both versions wait for a person.
        ++m_pullConflicts;
        return storeConflict(QString(), QStringLiteral("linked_differently"), m_records.toWire(**rival),
                             record.toJson());
    }
    ++m_applied;
    return m_repo.insertVersion(*linkage);
}

core::Result<std::optional<store::Linkage>> StoreSyncSink::rivalOf(const store::Linkage& incoming)
{
    if (!m_records.isSingleActive(incoming.kind) || incoming.status != store::LinkageStatus::Active) {
        return std::optional<store::Linkage>();
    }
    auto current = m_repo.currentByCard(incoming.cardId, &incoming.card);
    if (!current) {
        return core::fail(current.error());
    }
    for (const store::Linkage& l : *current) {
        if (l.uuid != incoming.uuid && l.kind == incoming.kind && l.status == store::LinkageStatus::Active) {
            return std::optional<store::Linkage>(l);
        }
    }
    return std::optional<store::Linkage>();
}

core::Result<void> StoreSyncSink::recordConflict(const sync::ConflictRecord& conflict)
{
    return storeConflict(conflict.conflictId, conflict.reason, conflict.local, conflict.remote);
}

core::Result<void> StoreSyncSink::storeConflict(const QString& conflictId, const QString& reason,
                                                const sync::LinkageRecord& local, const QJsonObject& remote)
{
    const QString localUuid = local.linkageId.toString(QUuid::WithoutBraces);
    const QString remoteUuid = remote.value(QStringLiteral("linkageId")).toString();
    if (!remoteUuid.isEmpty()) {
        // The push already found this pair; the pull brings the platform's side of it again.
        auto seen = m_db.prepare("SELECT count(*) FROM sync_conflict WHERE local_uuid = ? AND remote_uuid = ?");
        if (!seen) {
            return core::fail(seen.error());
        }
        seen->bind(1, localUuid).bind(2, remoteUuid);
        if (auto row = seen->step(); !row || seen->columnInt64(0) > 0) {
            return row ? core::Result<void>() : core::fail(row.error());
        }
    }
    auto stmt = m_db.prepare("INSERT INTO sync_conflict(conflict_id, reason, card, kind, local_uuid, remote_uuid, "
                             "local_json, remote_json, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    const QString kind = m_records.localKind(local.kind);
    stmt->bindOptional(1, conflictId.isEmpty() ? QString() : conflictId).bind(2, reason).bind(3, local.cardId);
    stmt->bind(4, kind.isEmpty() ? local.kind : kind).bind(5, localUuid).bindOptional(6, remoteUuid);
    stmt->bindText(7, compact(local.toJson())).bindText(8, compact(remote));
    stmt->bind(9, m_clock.now().toUTC().toString(Qt::ISODateWithMs));
    return stmt->run();
}

core::Result<void> StoreSyncSink::applyRevocations(const QList<sync::RevocationEvent>& events, qint64 cursor)
{
    return applyPage(events, "revocations", cursor, [this](const sync::RevocationEvent& e) { return applyEvent(e); });
}

core::Result<void> StoreSyncSink::applyEvent(const sync::RevocationEvent& event)
{
    auto card = pki::CardIdentity::fromString(event.cardId);
    if (!card) {
        qCInfo(lcSync).noquote() << "revocation event" << event.seq << "skipped:" << card.error().toString();
        return {};
    }
    const pki::SuccessionKey key{card->issuerKeyId, pki::SuccessionKey::normalizedSerial(card->serial)};
    auto stmt = m_db.prepare("INSERT OR IGNORE INTO platform_revocation(seq, issuer_key_id, serial, event, reason, "
                             "occurred_at, successor, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, event.seq).bindBlob(2, key.issuerKeyId).bindBlob(3, key.serial).bind(4, event.event);
    event.reason >= 0 ? stmt->bind(5, event.reason) : stmt->bindNull(5);
    stmt->bindOptional(6, event.occurredAt.isValid() ? event.occurredAt.toUTC().toString(Qt::ISODate) : QString());
    stmt->bindOptional(7, event.successorCardId.isEmpty() ? QString() : event.successorCardId);
    stmt->bind(8, m_clock.now().toUTC().toString(Qt::ISODateWithMs));
    if (auto ran = stmt->run(); !ran) {
        return ran;
    }
    if (m_db.changes() == 0) {
        return {}; // pulled before
    }
    auto local = m_repo.findCard(store::CardIdentity{card->issuerKeyId, card->serial});
    if (!local) {
        return core::fail(local.error());
    }
    if (*local) {
        const bool succession = event.event == QStringLiteral("succession");
        std::optional<qint64> successor;
        if (auto next = SyncRecords::cardOf(event.successorCardId); succession && next) {
            auto id = m_repo.ensureCard(*next, m_clock.now());
            if (!id) {
                return core::fail(id.error());
            }
            successor = *id;
        }
        if (auto appended =
                m_repo.appendCardEvent(**local, succession ? QStringLiteral("migrated") : QStringLiteral("revoked"),
                                       event.reason, successor, QStringLiteral("platform"), m_clock.now());
            !appended) {
            return appended;
        }
    }
    dispatch(event, key);
    return {};
}

// The consequence of the event (jpki-card.md §6): a succession names the successor, so it is a
// migration; a revocation goes through RevocationConsequences like a CRL entry would.
void StoreSyncSink::dispatch(const sync::RevocationEvent& event, const pki::SuccessionKey& key) const
{
    if (!m_revocations) {
        return;
    }
    pki::RevokedCertificate revoked{key, pki::CertKind::Auth,
                                    event.reason >= 0 ? std::optional<int>(event.reason) : std::nullopt,
                                    event.occurredAt};
    auto successor = pki::CardIdentity::fromString(event.successorCardId);
    if (event.event == QStringLiteral("succession") && successor) {
        revoked.reasonCode = static_cast<int>(pki::CrlReason::Superseded);
        m_revocations(pki::RevocationEvent{
            pki::RevocationEventKind::Migrate, revoked,
            pki::SuccessionKey{successor->issuerKeyId, pki::SuccessionKey::normalizedSerial(successor->serial)},
            QStringLiteral("platform feed: succession")});
        return;
    }
    pki::RevocationConsequences().dispatch(revoked, m_revocations);
}

} // namespace madoguchi::services
