#include "services/RevocationQueue.h"

#include "core/Logging.h"
#include "services/AccessPolicy.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

namespace madoguchi::services {

namespace {

using Queue = RevocationWorkItem::Queue;

QString queueName(Queue queue)
{
    return queue == Queue::Migration ? QStringLiteral("migration") : QStringLiteral("change_of_address");
}

std::optional<Queue> queueFor(pki::RevocationEventKind kind)
{
    switch (kind) {
    case pki::RevocationEventKind::Migrate:
    case pki::RevocationEventKind::SuccessorMissing:
        return Queue::Migration;
    case pki::RevocationEventKind::ChangeOfAddress:
        return Queue::ChangeOfAddress;
    default:
        return std::nullopt;
    }
}

RevocationWorkItem readItem(const store::Statement& s)
{
    RevocationWorkItem item;
    item.id = s.columnInt64(0);
    item.queue = s.columnText(1) == QStringLiteral("migration") ? Queue::Migration : Queue::ChangeOfAddress;
    item.event = s.columnText(2);
    item.card = {s.columnBlob(3), s.columnBlob(4)};
    item.certKind = s.columnText(5) == QStringLiteral("sign") ? pki::CertKind::Sign : pki::CertKind::Auth;
    if (!s.columnIsNull(6)) {
        item.reasonCode = static_cast<int>(s.columnInt64(6));
    }
    item.revokedAt = QDateTime::fromString(s.columnText(7), Qt::ISODate);
    if (!s.columnIsNull(8)) {
        item.successor = store::CardIdentity{s.columnBlob(8), s.columnBlob(9)};
    }
    item.note = s.columnText(10);
    item.createdAt = QDateTime::fromString(s.columnText(11), Qt::ISODate);
    item.doneAt = QDateTime::fromString(s.columnText(12), Qt::ISODate);
    item.doneBy = s.columnText(13);
    return item;
}

} // namespace

core::Result<bool> RevocationQueue::add(const pki::RevocationEvent& event)
{
    if (m_recorder == nullptr) {
        return insert(event);
    }
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    auto added = insert(event);
    if (!added) {
        return added;
    }
    const bool repeat = queueFor(event.kind).has_value() && !*added;
    if (!repeat) {
        if (auto recorded = record(event, *added); !recorded) {
            return core::fail(recorded.error());
        }
    }
    if (auto committed = tx->commit(); !committed) {
        return core::fail(committed.error());
    }
    return added;
}

core::Result<void> RevocationQueue::record(const pki::RevocationEvent& event, bool queued)
{
    const auto& revoked = event.revoked;
    QJsonObject details{{QStringLiteral("event"), pki::eventKindName(event.kind)},
                        {QStringLiteral("queued"), queued},
                        {QStringLiteral("certKind"),
                         revoked.kind == pki::CertKind::Sign ? QStringLiteral("sign") : QStringLiteral("auth")}};
    if (revoked.reasonCode) {
        details.insert(QStringLiteral("reason"), *revoked.reasonCode);
    }
    if (event.successor) {
        details.insert(QStringLiteral("successor"),
                       store::CardIdentity{event.successor->issuerKeyId, event.successor->serial}.toString());
    }
    // By the system (empty actor): the revocation came from a CRL or the platform's feed.
    const store::CardIdentity cert{revoked.certificate.issuerKeyId, revoked.certificate.serial};
    return m_recorder->record(m_db, ChangeRecord{QStringLiteral("card"), cert.toString().toUtf8(),
                                                 QStringLiteral("revocation_") + pki::eventKindName(event.kind), 0,
                                                 Operator{QString(), Role::Auditor}, event.note, details});
}

core::Result<bool> RevocationQueue::insert(const pki::RevocationEvent& event)
{
    const auto queue = queueFor(event.kind);
    if (!queue) {
        return false;
    }
    auto stmt = m_db.prepare(
        "INSERT OR IGNORE INTO revocation_work (queue, event, issuer_key_id, serial, cert_kind, reason_code, "
        "revoked_at, successor_key_id, successor_serial, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    const auto& revoked = event.revoked;
    stmt->bind(1, queueName(*queue)).bind(2, pki::eventKindName(event.kind));
    stmt->bindBlob(3, revoked.certificate.issuerKeyId).bindBlob(4, revoked.certificate.serial);
    stmt->bind(5, revoked.kind == pki::CertKind::Sign ? QStringLiteral("sign") : QStringLiteral("auth"));
    revoked.reasonCode ? stmt->bind(6, *revoked.reasonCode) : stmt->bindNull(6);
    stmt->bindOptional(7, revoked.revokedAt.isValid() ? revoked.revokedAt.toUTC().toString(Qt::ISODate) : QString());
    if (event.successor) {
        stmt->bindBlob(8, event.successor->issuerKeyId).bindBlob(9, event.successor->serial);
    } else {
        stmt->bindNull(8).bindNull(9);
    }
    stmt->bind(10, event.note).bind(11, m_clock.now().toUTC().toString(Qt::ISODate));
    if (auto ran = stmt->run(); !ran) {
        return core::fail(ran.error());
    }
    auto changes = m_db.queryInt("SELECT changes()");
    if (!changes) {
        return core::fail(changes.error());
    }
    return *changes > 0;
}

pki::RevocationEventSink RevocationQueue::sink()
{
    return [this](const pki::RevocationEvent& event) {
        if (auto added = add(event); !added) {
            qCWarning(lcServices) << "revocation event not queued:" << added.error().toString();
        }
    };
}

core::Result<QList<RevocationWorkItem>> RevocationQueue::items(const Operator& op, Queue queue, bool includeDone)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    auto stmt = m_db.prepare(
        includeDone ? "SELECT id, queue, event, issuer_key_id, serial, cert_kind, reason_code, revoked_at, "
                      "successor_key_id, successor_serial, note, created_at, done_at, done_by FROM "
                      "revocation_work WHERE queue = ? ORDER BY id"
                    : "SELECT id, queue, event, issuer_key_id, serial, cert_kind, reason_code, revoked_at, "
                      "successor_key_id, successor_serial, note, created_at, done_at, done_by FROM "
                      "revocation_work WHERE queue = ? AND done_at IS NULL ORDER BY id");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, queueName(queue));
    QList<RevocationWorkItem> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            return out;
        }
        out.append(readItem(*stmt));
    }
}

core::Result<void> RevocationQueue::markDone(const Operator& op, qint64 id)
{
    if (auto allowed = AccessPolicy::mayChangeCard(op); !allowed) {
        return allowed;
    }
    auto tx = store::Transaction::begin(m_db); // the item and its audit entry together (issue 5 item 1)
    if (!tx) {
        return core::fail(tx.error());
    }
    auto stmt = m_db.prepare("UPDATE revocation_work SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, m_clock.now().toUTC().toString(Qt::ISODate)).bind(2, op.id).bind(3, id);
    if (auto ran = stmt->run(); !ran) {
        return ran;
    }
    auto changes = m_db.queryInt("SELECT changes()");
    if (!changes) {
        return core::fail(changes.error());
    }
    if (*changes == 0) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no open work item %1").arg(id));
    }
    if (m_recorder != nullptr) {
        auto recorded = m_recorder->record(m_db, ChangeRecord{QStringLiteral("revocation_work"),
                                                              QByteArray::number(id),
                                                              QStringLiteral("done"),
                                                              0,
                                                              op,
                                                              QStringLiteral("work item %1 done").arg(id),
                                                              {}});
        if (!recorded) {
            return recorded;
        }
    }
    return tx->commit();
}

} // namespace madoguchi::services
