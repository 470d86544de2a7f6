// LinkageService: the changes after enrolment (end, revocation, succession) and export.
#include "services/LinkageService.h"

#include "core/Logging.h"
#include "services/AccessPolicy.h"
#include "services/LinkageId.h"
#include "services/CsvWriter.h"
#include "store/Database.h"
#include "store/Transaction.h"

namespace madoguchi::services {

using store::Linkage;
using store::LinkageStatus;

core::Result<Linkage> LinkageService::changeStatus(const Operator& op, Linkage current, LinkageStatus status,
                                                   const QString& reason)
{
    // No update in place: the change is version + 1 (architecture.md §3).
    current.version += 1;
    current.status = status;
    current.reason = reason;
    if (status == LinkageStatus::Ended && !current.validTo.isValid()) {
        current.validTo = m_clock.now().date();
    }
    if (auto appended = appendVersion(op, current, statusName(status)); !appended) {
        return core::fail(appended.error());
    }
    return current;
}

core::Result<Linkage> LinkageService::end(const Operator& op, const QUuid& uuid, const QString& reason)
{
    return setStatus(op, uuid, LinkageStatus::Ended, reason);
}

core::Result<Linkage> LinkageService::suspend(const Operator& op, const QUuid& uuid, const QString& reason)
{
    return setStatus(op, uuid, LinkageStatus::Suspended, reason);
}

core::Result<Linkage> LinkageService::setStatus(const Operator& op, const QUuid& uuid, LinkageStatus status,
                                                const QString& reason)
{
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    auto current = m_repo.current(uuid);
    if (!current) {
        return core::fail(current.error());
    }
    if (!current->has_value()) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no linkage %1").arg(uuid.toString()));
    }
    if (auto allowed = AccessPolicy::mayChangeKind(op, (*current)->kind); !allowed) {
        return core::fail(allowed.error());
    }
    if ((*current)->status == LinkageStatus::Ended || (*current)->status == LinkageStatus::Migrated) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("linkage already %1").arg(statusName((*current)->status)));
    }
    if (status == LinkageStatus::Suspended && (*current)->status == LinkageStatus::Suspended) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("linkage already suspended"));
    }
    auto ended = changeStatus(op, **current, status, reason);
    if (!ended) {
        return ended;
    }
    if (auto committed = tx->commit(); !committed) {
        return core::fail(committed.error());
    }
    return ended;
}

core::Result<int> LinkageService::changeCard(const Operator& op, qint64 cardId, LinkageStatus status,
                                             const QString& reason, std::optional<qint64> successor)
{
    auto current = m_repo.currentByCard(cardId);
    if (!current) {
        return core::fail(current.error());
    }
    int changed = 0;
    for (const Linkage& l : *current) {
        if (l.status == LinkageStatus::Ended || l.status == LinkageStatus::Migrated || l.status == status) {
            continue;
        }
        auto moved = changeStatus(op, l, status, reason);
        if (!moved) {
            return core::fail(moved.error());
        }
        if (successor) {
            Linkage next = l;
            next.uuid = LinkageId::create();
            next.version = 1;
            next.cardId = *successor;
            next.status = LinkageStatus::Active;
            next.reason = QStringLiteral("migrated from %1").arg(l.uuid.toString(QUuid::WithoutBraces));
            if (auto appended = appendVersion(op, next, QStringLiteral("enrol")); !appended) {
                return core::fail(appended.error());
            }
        }
        ++changed;
    }
    return changed;
}

core::Result<int> LinkageService::migrate(const Operator& op, const store::CardIdentity& from,
                                          const store::CardIdentity& to)
{
    return applyRevocation(op, RevocationEvent{from, 4, to});
}

core::Result<int> LinkageService::applyRevocation(const Operator& op, const RevocationEvent& event)
{
    if (auto allowed = AccessPolicy::mayChangeCard(op); !allowed) {
        return core::fail(allowed.error());
    }
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    const QDateTime now = m_clock.now();
    auto cardId = m_repo.ensureCard(event.card, now);
    if (!cardId) {
        return core::fail(cardId.error());
    }
    std::optional<qint64> successor;
    if (event.reasonCode == 4 && event.successor) {
        auto next = m_repo.ensureCard(*event.successor, now);
        if (!next) {
            return core::fail(next.error());
        }
        successor = *next;
    }
    const QString eventName = successor ? QStringLiteral("migrated") : QStringLiteral("revoked");
    if (auto logged = m_repo.appendCardEvent(*cardId, eventName, event.reasonCode, successor, op.id, now); !logged) {
        return core::fail(logged.error());
    }
    core::Result<int> changed = 0;
    const QString reason = QStringLiteral("revocation reason %1").arg(event.reasonCode);
    if (successor) {
        changed = changeCard(op, *cardId, LinkageStatus::Migrated, reason, successor);
    } else if (event.reasonCode == 5) { // cessationOfOperation: the card is gone for good
        changed = changeCard(op, *cardId, LinkageStatus::Ended, reason, std::nullopt);
    } else if (event.reasonCode != 3) { // 3 (affiliationChanged) starts the change-of-address flow
        changed = changeCard(op, *cardId, LinkageStatus::Suspended, reason, std::nullopt);
    }
    if (!changed) {
        return changed;
    }
    if (auto committed = tx->commit(); !committed) {
        return core::fail(committed.error());
    }
    qCInfo(lcServices) << "revocation event reason" << event.reasonCode << "changed" << *changed << "linkages";
    return changed;
}

core::Result<int> LinkageService::exportCsv(const Operator& op, QIODevice& out)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    static const QStringList FieldColumns{QStringLiteral("platform_id"), QStringLiteral("insurer_number"),
                                          QStringLiteral("symbol"),      QStringLiteral("number"),
                                          QStringLiteral("branch"),      QStringLiteral("household_id"),
                                          QStringLiteral("token"),       QStringLiteral("brand"),
                                          QStringLiteral("last4"),       QStringLiteral("expiry")};
    CsvWriter writer(out);
    writer.writeRow(QStringList{QStringLiteral("uuid"), QStringLiteral("version"), QStringLiteral("issuer_key_id"),
                                QStringLiteral("serial"), QStringLiteral("kind"), QStringLiteral("status"),
                                QStringLiteral("valid_from"), QStringLiteral("valid_to"), QStringLiteral("assurance")} +
                    FieldColumns);
    int rows = 0;
    auto walked = m_repo.forEachCurrent([&](const Linkage& l) {
        QStringList row{l.uuid.toString(QUuid::WithoutBraces),
                        QString::number(l.version),
                        QString::fromLatin1(l.card.issuerKeyId.toHex()),
                        QString::fromLatin1(l.card.serial.toHex()),
                        l.kind,
                        statusName(l.status),
                        l.validFrom.toString(Qt::ISODate),
                        l.validTo.toString(Qt::ISODate),
                        assuranceName(l.assurance)};
        for (const QString& field : FieldColumns) {
            row << l.fields.value(field).toString();
        }
        writer.writeRow(row);
        ++rows;
        return true;
    });
    if (!walked) {
        return core::fail(walked.error());
    }
    if (!writer.ok()) {
        return core::fail(core::Errc::Io, QStringLiteral("export write failed"));
    }
    return rows;
}

} // namespace madoguchi::services
