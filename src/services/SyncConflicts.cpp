#include "services/SyncConflicts.h"

#include "services/AccessPolicy.h"
#include "services/ChangeRecorder.h"
#include "services/SyncRecords.h"
#include "store/Database.h"
#include "store/LinkageRepository.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QtEndian>

namespace madoguchi::services {

namespace {

constexpr const char* SelectConflict =
    "SELECT c.id, c.reason, c.card, c.kind, c.local_json, c.remote_json, c.detected_at, r.choice, r.resolved_by "
    "FROM sync_conflict c LEFT JOIN sync_resolution r ON r.conflict = c.id ";

SyncConflict readConflict(const store::Statement& s)
{
    return SyncConflict{s.columnInt64(0),
                        s.columnText(1),
                        s.columnText(2),
                        s.columnText(3),
                        QJsonDocument::fromJson(s.columnBlob(4)).object(),
                        QJsonDocument::fromJson(s.columnBlob(5)).object(),
                        QDateTime::fromString(s.columnText(6), Qt::ISODateWithMs),
                        s.columnText(7),
                        s.columnText(8)};
}

core::Result<int> latestVersion(store::Database& db, const QUuid& uuid)
{
    auto stmt = db.prepare("SELECT coalesce(max(version), 0) FROM linkage_version WHERE uuid = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bindBlob(1, uuid.toRfc4122());
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    return static_cast<int>(stmt->columnInt64(0));
}

// The conflict's row id, 8 bytes big-endian: the audit subject reads "sync_conflict:<16 hex digits>".
QByteArray conflictKey(qint64 id)
{
    QByteArray key(8, '\0');
    qToBigEndian(id, key.data());
    return key;
}

} // namespace

bool SyncConflicts::mayResolve(const Operator& op, const QString& kind)
{
    return AccessPolicy::mayChangeKind(op, kind).has_value();
}

core::Result<QList<SyncConflict>> SyncConflicts::list(const Operator& op, bool includeResolved)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    auto stmt = m_db.prepare(std::string(SelectConflict) + (includeResolved ? "" : "WHERE r.conflict IS NULL ") +
                             "ORDER BY c.id");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    QList<SyncConflict> conflicts;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            return conflicts;
        }
        conflicts.append(readConflict(*stmt));
    }
}

core::Result<qint64> SyncConflicts::openCount()
{
    return m_db.queryInt("SELECT count(*) FROM sync_conflict WHERE id NOT IN (SELECT conflict FROM sync_resolution)");
}

core::Result<SyncConflict> SyncConflicts::load(qint64 id)
{
    auto stmt = m_db.prepare(std::string(SelectConflict) + "WHERE c.id = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    if (!*row) {
        return core::fail(core::Errc::NotFound, QStringLiteral("sync conflict %1").arg(id));
    }
    return readConflict(*stmt);
}

core::Result<void> SyncConflicts::resolve(const Operator& op, qint64 conflictId, Choice choice)
{
    auto conflict = load(conflictId);
    if (!conflict) {
        return core::fail(conflict.error());
    }
    if (auto allowed = AccessPolicy::mayChangeKind(op, conflict->kind); !allowed) {
        return allowed;
    }
    if (!conflict->resolution.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("sync conflict %1 already resolved").arg(conflictId));
    }
    auto records = SyncRecords::load(m_db);
    auto tx = records ? store::Transaction::begin(m_db) : core::Result<store::Transaction>(core::fail(records.error()));
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto applied = apply(op, *records, *conflict, choice); !applied) {
        return applied;
    }
    auto stmt =
        m_db.prepare("INSERT INTO sync_resolution(conflict, choice, resolved_by, resolved_at) VALUES (?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    const QString name = choice == Choice::KeepOurs ? QStringLiteral("keep_ours") : QStringLiteral("take_theirs");
    stmt->bind(1, conflictId).bind(2, name).bind(3, op.id).bind(4, m_clock.now().toUTC().toString(Qt::ISODateWithMs));
    if (auto ran = stmt->run(); !ran) {
        return ran;
    }
    if (m_recorder != nullptr) {
        if (auto recorded = m_recorder->record(m_db, {QStringLiteral("sync_conflict"), conflictKey(conflictId), name, 0,
                                                      op, conflict->kind + QLatin1Char(' ') + conflict->reason});
            !recorded) {
            return recorded;
        }
    }
    return tx->commit();
}

core::Result<void> SyncConflicts::apply(const Operator& op, const SyncRecords& records, const SyncConflict& c,
                                        Choice choice)
{
    auto oursWire = sync::LinkageRecord::fromJson(c.ours);
    auto ours = oursWire ? records.fromWire(*oursWire) : core::Result<store::Linkage>(core::fail(oursWire.error()));
    if (!ours) {
        return core::fail(ours.error());
    }
    Sides sides{*ours, std::nullopt, 0, 0};
    // A refusal has no "theirs": its JSON is the platform's error, not a linkage.
    if (auto theirsWire = sync::LinkageRecord::fromJson(c.theirs); theirsWire) {
        if (auto theirs = records.fromWire(*theirsWire); theirs) {
            sides.theirs = *theirs;
        }
    }
    auto oursLatest = latestVersion(m_db, sides.ours.uuid);
    auto theirsLatest = sides.theirs ? latestVersion(m_db, sides.theirs->uuid) : core::Result<int>(0);
    if (!oursLatest || !theirsLatest) {
        return core::fail(!oursLatest ? oursLatest.error() : theirsLatest.error());
    }
    sides.oursLatest = *oursLatest;
    sides.theirsLatest = *theirsLatest;
    return choice == Choice::KeepOurs ? keepOurs(op, sides) : takeTheirs(op, sides);
}

core::Result<void> SyncConflicts::keepOurs(const Operator& op, const Sides& s)
{
    const QString what = QStringLiteral("sync_keep_ours");
    const bool sameLinkage = s.theirs && s.theirs->uuid == s.ours.uuid;
    if (s.theirs && !sameLinkage) {
        // The platform holds another active linkage for this card and kind: end it there first.
        if (s.theirs->version > s.theirsLatest) {
            if (auto kept = append(op, *s.theirs, what, false); !kept) {
                return kept;
            }
        }
        store::Linkage ended = *s.theirs;
        ended.version = std::max(s.theirsLatest, s.theirs->version) + 1;
        ended.status = store::LinkageStatus::Ended;
        if (auto done = append(op, ended, what, true); !done) {
            return done;
        }
    }
    store::Linkage again = s.ours;
    again.version = std::max(s.oursLatest, sameLinkage ? s.theirs->version : 0) + 1;
    return append(op, again, what, true);
}

core::Result<void> SyncConflicts::takeTheirs(const Operator& op, const Sides& s)
{
    const QString what = QStringLiteral("sync_take_theirs");
    if (s.theirs && s.theirs->uuid == s.ours.uuid) {
        store::Linkage taken = *s.theirs;
        const bool fresh = s.theirs->version > s.oursLatest; // the platform's version number is free here
        taken.version = fresh ? s.theirs->version : s.oursLatest + 1;
        return append(op, taken, what, !fresh);
    }
    if (s.theirs && s.theirs->version > s.theirsLatest) {
        if (auto taken = append(op, *s.theirs, what, false); !taken) {
            return taken;
        }
    }
    store::Linkage ended = s.ours;
    ended.version = s.oursLatest + 1;
    ended.status = store::LinkageStatus::Ended;
    return append(op, ended, what, s.theirs.has_value()); // a refused change stays local
}

core::Result<void> SyncConflicts::append(const Operator& op, store::Linkage l, const QString& what, bool push)
{
    store::LinkageRepository repo(m_db);
    const QDateTime now = m_clock.now();
    auto cardId = repo.ensureCard(l.card, now);
    if (!cardId) {
        return core::fail(cardId.error());
    }
    l.cardId = *cardId;
    l.createdBy = op.id;
    l.createdAt = now;
    l.reason = what;
    if (l.sealedPan.isEmpty() && l.kind == QStringLiteral("credit_card")) {
        // A version made from the wire form has no sealed number: the counter's copy (held until the
        // platform's vault has the number, docs/vault.md) goes with every version of the linkage.
        auto latest = repo.current(l.uuid);
        if (!latest) {
            return core::fail(latest.error());
        }
        if (latest->has_value()) {
            l.sealedPan = (*latest)->sealedPan;
        }
    }
    if (auto inserted = repo.insertVersion(l); !inserted) {
        return inserted;
    }
    const QByteArray id = l.uuid.toRfc4122();
    if (push) {
        // The same outbox entry LinkageService writes: a pointer at the immutable version row.
        if (auto queued = repo.appendOutbox(QStringLiteral("linkage"), id, l.version, what); !queued) {
            return queued;
        }
    }
    if (m_recorder != nullptr) {
        return m_recorder->record(m_db, {QStringLiteral("linkage"), id, what, l.version, op,
                                         l.kind + QLatin1Char(' ') + store::statusName(l.status)});
    }
    return {};
}

} // namespace madoguchi::services
