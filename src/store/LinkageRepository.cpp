#include "store/LinkageRepository.h"

#include "store/CompactJson.h"
#include "store/Database.h"

#include <QJsonDocument>

namespace madoguchi::store {

namespace {

constexpr const char* SelectCurrent =
    "SELECT v.uuid, v.version, v.card_id, c.issuer_key_id, c.serial, v.kind, v.status, v.valid_from, v.valid_to,"
    " v.created_by, v.assurance, v.fields, v.search_key, v.sealed_pan, v.reason, v.created_at"
    " FROM linkage_current v JOIN card_identity c ON c.id = v.card_id ";

QString isoDate(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

template <typename Enum>
Enum enumFromCode(qint64 code, int count, Enum fallback)
{
    return code >= 0 && code < count ? static_cast<Enum>(code) : fallback;
}

} // namespace

Linkage LinkageRepository::readLinkage(const Statement& s)
{
    // Integer codes of 0033_compact_linkages.sql: the enums' order (store/Linkage.h).
    Linkage l;
    l.uuid = QUuid::fromRfc4122(s.columnView(0));
    l.version = static_cast<int>(s.columnInt64(1));
    l.cardId = s.columnInt64(2);
    if (!s.columnIsNull(3)) {
        l.card = {s.columnBlob(3), s.columnBlob(4)};
    }
    l.kind = kindCode(static_cast<int>(s.columnInt64(5)));
    l.status = enumFromCode(s.columnInt64(6), 4, LinkageStatus::Suspended);
    l.validFrom = QDate::fromString(s.columnText(7), Qt::ISODate);
    l.validTo = QDate::fromString(s.columnText(8), Qt::ISODate);
    l.createdBy = s.columnText(9);
    l.assurance = enumFromCode(s.columnInt64(10), 3, Assurance::TapOnly);
    l.fields = QJsonDocument::fromJson(s.columnBlob(11)).object();
    l.searchKey = s.columnText(12);
    l.sealedPan = s.columnBlob(13);
    l.reason = s.columnText(14);
    l.createdAt = QDateTime::fromSecsSinceEpoch(s.columnInt64(15), Qt::UTC);
    return l;
}

const QString& LinkageRepository::isoText(const QDateTime& at)
{
    // Per second, not per QDateTime: ISO text has no milliseconds, and a clock read per row differs
    // in its milliseconds nearly every time.
    const qint64 second = at.toSecsSinceEpoch();
    if (second != m_lastStampSecond || m_lastStampText.isEmpty()) {
        m_lastStampSecond = second;
        m_lastStampText = at.toString(Qt::ISODate);
    }
    return m_lastStampText;
}

core::Result<Statement*> LinkageRepository::cached(Statement& slot, const char* sql)
{
    if (!slot.isValid()) {
        auto prepared = m_db.prepare(sql);
        if (!prepared) {
            return core::fail(prepared.error());
        }
        slot = std::move(*prepared);
    }
    slot.reset();
    return &slot;
}

core::Result<QList<Linkage>> LinkageRepository::collect(Statement& stmt, int limit)
{
    QList<Linkage> out;
    while (limit < 0 || out.size() < limit) {
        auto row = stmt.step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            break;
        }
        out.append(readLinkage(stmt));
    }
    stmt.reset();
    return out;
}

core::Result<std::optional<qint64>> LinkageRepository::findCard(const CardIdentity& card)
{
    auto stmt = cached(m_findCard, "SELECT id FROM card_identity WHERE issuer_key_id = ? AND serial = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    (*stmt)->bindBlob(1, card.issuerKeyId).bindBlob(2, card.serial);
    auto row = (*stmt)->step();
    if (!row) {
        return core::fail(row.error());
    }
    std::optional<qint64> id;
    if (*row) {
        id = (*stmt)->columnInt64(0);
    }
    (*stmt)->reset();
    return id;
}

core::Result<qint64> LinkageRepository::ensureCard(const CardIdentity& card, const QDateTime& now, bool* created)
{
    // INSERT OR IGNORE first (SQLite 3.15 has no UPSERT): one statement for a new card, the common
    // case in a bulk import; the unique (issuer_key_id, serial) index decides.
    auto stmt =
        cached(m_insertCard, "INSERT OR IGNORE INTO card_identity(issuer_key_id, serial, created_at) VALUES (?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    (*stmt)->bindBlob(1, card.issuerKeyId).bindBlob(2, card.serial).bind(3, isoText(now));
    if (auto ran = (*stmt)->run(); !ran) {
        return core::fail(ran.error());
    }
    const bool inserted = m_db.changes() > 0;
    if (created != nullptr) {
        *created = inserted;
    }
    if (inserted) {
        return m_db.lastInsertRowId();
    }
    auto found = findCard(card);
    if (!found || !found->has_value()) {
        return found ? core::fail(core::Errc::Internal, QStringLiteral("card vanished")) : core::fail(found.error());
    }
    return **found;
}

core::Result<QString> LinkageRepository::cardState(qint64 cardId)
{
    auto stmt = cached(m_cardState, "SELECT event FROM card_event WHERE card_id = ? ORDER BY id DESC LIMIT 1");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    (*stmt)->bind(1, cardId);
    auto row = (*stmt)->step();
    if (!row) {
        return core::fail(row.error());
    }
    QString state = *row ? (*stmt)->columnText(0) : QString();
    (*stmt)->reset();
    return state;
}

core::Result<void> LinkageRepository::appendCardEvent(qint64 cardId, const QString& event, int reasonCode,
                                                      std::optional<qint64> successorId, const QString& by,
                                                      const QDateTime& now)
{
    auto stmt = m_db.prepare("INSERT INTO card_event(card_id, event, reason_code, successor_id, created_by,"
                             " created_at) VALUES (?, ?, ?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, cardId).bind(2, event).bind(3, reasonCode);
    successorId ? stmt->bind(4, *successorId) : stmt->bindNull(4);
    stmt->bind(5, by).bind(6, now.toString(Qt::ISODate));
    return stmt->run();
}

core::Result<void> LinkageRepository::appendResident(qint64 cardId, const QString& name, const QString& birthDate,
                                                     const QString& by, const QDateTime& now)
{
    auto stmt = m_db.prepare("INSERT INTO resident(card_id, name, birth_date, recorded_by, recorded_at)"
                             " VALUES (?, ?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, cardId).bindOptional(2, name).bindOptional(3, birthDate).bind(4, by);
    stmt->bind(5, now.toString(Qt::ISODate));
    return stmt->run();
}

core::Result<void> LinkageRepository::insertVersion(const Linkage& l)
{
    auto stmt = cached(m_insertVersion,
                       "INSERT INTO linkage_version(uuid, version, card_id, kind, status, valid_from, valid_to,"
                       " created_by, assurance, fields, search_key, sealed_pan, reason, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    Statement& s = **stmt;
    s.bindBlob(1, l.uuid.toRfc4122()).bind(2, l.version).bind(3, l.cardId).bind(4, kindId(l.kind));
    s.bind(5, static_cast<int>(l.status)).bindOptional(6, isoDate(l.validFrom)).bindOptional(7, isoDate(l.validTo));
    s.bind(8, l.createdBy).bind(9, static_cast<int>(l.assurance));
    s.bindText(10, CompactJson::write(l.fields)).bind(11, l.searchKey);
    l.sealedPan.isEmpty() ? s.bindNull(12) : s.bindBlob(12, l.sealedPan);
    s.bindOptional(13, l.reason).bind(14, l.createdAt.toSecsSinceEpoch());
    return s.run();
}

core::Result<QList<Linkage>> LinkageRepository::currentByIdentity(const CardIdentity& card)
{
    // The counter's lookup in one statement: the (issuer_key_id, serial) index gives the card id,
    // the clustered linkage_version leaf gives its linkages and their latest versions.
    auto stmt = cached(m_byIdentity,
                       "SELECT v.uuid, v.version, v.card_id, NULL, NULL, v.kind, v.status, v.valid_from, v.valid_to,"
                       " v.created_by, v.assurance, v.fields, v.search_key, v.sealed_pan, v.reason, v.created_at"
                       " FROM card_identity c JOIN linkage_version v ON v.card_id = c.id"
                       " WHERE c.issuer_key_id = ?1 AND c.serial = ?2 AND v.version = (SELECT max(w.version)"
                       " FROM linkage_version w WHERE w.card_id = c.id AND w.uuid = v.uuid) ORDER BY v.uuid");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    (*stmt)->bindBlob(1, card.issuerKeyId).bindBlob(2, card.serial);
    auto rows = collect(**stmt);
    if (rows) {
        for (Linkage& l : *rows) {
            l.card = card;
        }
    }
    return rows;
}

core::Result<QList<Linkage>> LinkageRepository::currentByCard(qint64 cardId, const CardIdentity* known)
{
    // Not the view: within one uuid the card never changes (succession makes a new uuid), so the
    // "latest version" subquery is answered from the same clustered (card_id, uuid, version) leaf,
    // and the identity comes from the caller. The lookup then reads ~3 pages instead of ~6; each
    // page missing from the cache costs a decrypt (performance.md §2).
    auto stmt =
        cached(m_byCard, "SELECT v.uuid, v.version, v.card_id, NULL, NULL, v.kind, v.status, v.valid_from, v.valid_to,"
                         " v.created_by, v.assurance, v.fields, v.search_key, v.sealed_pan, v.reason, v.created_at"
                         " FROM linkage_version v WHERE v.card_id = ?1 AND v.version = (SELECT max(w.version)"
                         " FROM linkage_version w WHERE w.card_id = ?1 AND w.uuid = v.uuid) ORDER BY v.uuid");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    (*stmt)->bind(1, cardId);
    auto rows = collect(**stmt);
    if (!rows || rows->isEmpty()) {
        return rows;
    }
    CardIdentity card = known != nullptr ? *known : CardIdentity{};
    if (known == nullptr) {
        auto identity = m_db.prepare("SELECT issuer_key_id, serial FROM card_identity WHERE id = ?");
        if (!identity) {
            return core::fail(identity.error());
        }
        identity->bind(1, cardId);
        if (auto row = identity->step(); row && *row) {
            card = {identity->columnBlob(0), identity->columnBlob(1)};
        }
    }
    for (Linkage& l : *rows) {
        l.card = card;
    }
    return rows;
}

core::Result<QList<Linkage>> LinkageRepository::currentByKey(const QString& kind, const QString& searchKey)
{
    auto stmt =
        cached(m_byKey, (std::string(SelectCurrent) + "WHERE v.kind = ? AND v.search_key = ? ORDER BY v.uuid").c_str());
    if (!stmt) {
        return core::fail(stmt.error());
    }
    (*stmt)->bind(1, kindId(kind)).bind(2, searchKey);
    return collect(**stmt);
}

core::Result<QList<qint64>> LinkageRepository::cardsHoldingKey(const QString& kind, const QString& searchKey)
{
    auto stmt = cached(m_holding, "SELECT card_id FROM linkage_current WHERE kind = ? AND search_key = ?"
                                  " AND status IN (0, 1)"); // active, suspended
    if (!stmt) {
        return core::fail(stmt.error());
    }
    (*stmt)->bind(1, kindId(kind)).bind(2, searchKey);
    QList<qint64> cards;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            break;
        }
        cards.append((*stmt)->columnInt64(0));
    }
    (*stmt)->reset();
    return cards;
}

core::Result<QList<Linkage>> LinkageRepository::currentByResidentName(const QString& name)
{
    auto stmt = m_db.prepare(std::string(SelectCurrent) +
                             "WHERE v.card_id IN (SELECT card_id FROM resident WHERE name = ?) ORDER BY v.uuid");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, name);
    return collect(*stmt, 1000);
}

core::Result<std::optional<Linkage>> LinkageRepository::current(const QUuid& uuid)
{
    auto stmt = m_db.prepare(std::string(SelectCurrent) + "WHERE v.uuid = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bindBlob(1, uuid.toRfc4122());
    auto rows = collect(*stmt, 1);
    if (!rows) {
        return core::fail(rows.error());
    }
    return rows->isEmpty() ? std::nullopt : std::optional<Linkage>(rows->first());
}

core::Result<QList<Linkage>> LinkageRepository::history(const QUuid& uuid)
{
    std::string sql(SelectCurrent);
    sql.replace(sql.find("linkage_current"), 15, "linkage_version");
    auto stmt = m_db.prepare(sql + "WHERE v.uuid = ? ORDER BY v.version");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bindBlob(1, uuid.toRfc4122());
    return collect(*stmt);
}

core::Result<void> LinkageRepository::forEachCurrent(const std::function<bool(const Linkage&)>& visit)
{
    auto stmt = m_db.prepare(std::string(SelectCurrent) + "ORDER BY v.uuid");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row || !visit(readLinkage(*stmt))) {
            return {};
        }
    }
}

core::Result<void> LinkageRepository::appendOutbox(const QString& entity, QByteArrayView entityId, int version,
                                                   const QString& op)
{
    auto stmt = cached(m_outbox, "INSERT INTO outbox(entity, entity_id, version, op) VALUES (?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    (*stmt)->bind(1, entity).bindBlob(2, entityId).bind(3, version).bind(4, op);
    return (*stmt)->run();
}

} // namespace madoguchi::store
