#pragma once

#include "core/Result.h"
#include "store/Linkage.h"
#include "store/Statement.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace madoguchi::store {

class Database;

// The SQL of the linkage registry (0001_initial.sql), with statements prepared once and reused —
// that reuse is most of the import speed (performance.md §2). Callers own the transactions.
class LinkageRepository final
{
public:
    explicit LinkageRepository(Database& db) : m_db(db) {}

    [[nodiscard]] Database& database() { return m_db; }

    // The card's row id, inserting the identity when it is new (then `*created` is true).
    [[nodiscard]] core::Result<qint64> ensureCard(const CardIdentity& card, const QDateTime& now,
                                                  bool* created = nullptr);
    [[nodiscard]] core::Result<std::optional<qint64>> findCard(const CardIdentity& card);
    // The latest card_event ("revoked", "migrated", "restored"), or an empty string.
    [[nodiscard]] core::Result<QString> cardState(qint64 cardId);
    [[nodiscard]] core::Result<void> appendCardEvent(qint64 cardId, const QString& event, int reasonCode,
                                                     std::optional<qint64> successorId, const QString& by,
                                                     const QDateTime& now);
    [[nodiscard]] core::Result<void> appendResident(qint64 cardId, const QString& name, const QString& birthDate,
                                                    const QString& by, const QDateTime& now);

    // linkage_kind: code → its field names (kinds are data, 0001_initial.sql).
    [[nodiscard]] core::Result<QHash<QString, QStringList>> kindFields();
    [[nodiscard]] core::Result<void> insertVersion(const Linkage& linkage);
    // The current linkages of a card given by its identity (empty for an unknown card).
    [[nodiscard]] core::Result<QList<Linkage>> currentByIdentity(const CardIdentity& card);
    // `known`: the card's identity when the caller has it (saves a page read).
    [[nodiscard]] core::Result<QList<Linkage>> currentByCard(qint64 cardId, const CardIdentity* known = nullptr);
    [[nodiscard]] core::Result<QList<Linkage>> currentByKey(const QString& kind, const QString& searchKey);
    // Cards holding an active or suspended linkage with this key (the duplicate check of every enrolment).
    [[nodiscard]] core::Result<QList<qint64>> cardsHoldingKey(const QString& kind, const QString& searchKey);
    [[nodiscard]] core::Result<QList<Linkage>> currentByResidentName(const QString& name);
    [[nodiscard]] core::Result<std::optional<Linkage>> current(const QUuid& uuid);
    [[nodiscard]] core::Result<QList<Linkage>> history(const QUuid& uuid);
    // Calls `visit` for every current linkage; stops early when it returns false.
    [[nodiscard]] core::Result<void> forEachCurrent(const std::function<bool(const Linkage&)>& visit);

    // An outbox entry pointing at the version row (entity_id = the linkage's 16-byte UUID, version):
    // 0033_compact_linkages.sql. Sync derives the idempotency key "<uuid>:<version>" when it sends.
    [[nodiscard]] core::Result<void> appendOutbox(const QString& entity, QByteArrayView entityId, int version,
                                                  const QString& op);

    // linkage_kind.id of a kind code (0033), or -1 for a code the store does not know (an insert with
    // it then fails its foreign key, as an unknown code always did).
    [[nodiscard]] int kindId(const QString& code);
    [[nodiscard]] QString kindCode(int id);

private:
    [[nodiscard]] core::Result<Statement*> cached(Statement& slot, const char* sql);
    [[nodiscard]] core::Result<QList<Linkage>> collect(Statement& stmt, int limit = -1);
    [[nodiscard]] Linkage readLinkage(const Statement& s);
    void loadKinds();
    // ISO text of a timestamp, cached: a bulk import stamps thousands of rows with the same second.
    [[nodiscard]] const QString& isoText(const QDateTime& at);

    Database& m_db;
    qint64 m_lastStampSecond = 0;
    QString m_lastStampText;
    QHash<QString, int> m_kindIds; // linkage_kind code → id, loaded on first use
    QHash<int, QString> m_kindCodes;
    Statement m_insertCard, m_findCard, m_cardState, m_insertVersion, m_byCard, m_byIdentity, m_byKey, m_holding,
        m_outbox;
};

} // namespace madoguchi::store
