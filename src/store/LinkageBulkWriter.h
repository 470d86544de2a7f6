#pragma once

#include "core/Result.h"
#include "store/Linkage.h"
#include "store/Statement.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace madoguchi::store {

class Database;

// The writes of a bulk import (docs/storage.md "Bulk import"): new linkages (version 1, active, no
// sealed card number, no reason) and their outbox entries ('enrol') are queued and written `Rows` at
// a time, one multi-row INSERT per table, prepared once, with constant columns as literals and the
// creator as one shared parameter: SQLite's per-statement and per-bind costs (step, reset, the
// connection mutex per call) are paid once per `Rows` rows or not at all. Queued rows are not in the
// database until flush(): the caller flushes before it commits or reads them — except the
// duplicate check, which asks queuedHolder() as well as the database — and discards the queue
// when its transaction rolls back. Same connection and thread as the caller.
class LinkageBulkWriter final
{
public:
    static constexpr int Rows = 32; // 1 + 32 x 9 parameters: below SQLite 3.15's limit of 999

    explicit LinkageBulkWriter(Database& db) : m_db(db) {}

    // `kindId`: linkage_kind.id of l.kind; `fieldsJson`: CompactJson of l.fields. Anything but a new
    // linkage is refused (Errc::Internal).
    [[nodiscard]] core::Result<void> add(const Linkage& l, int kindId, QByteArray fieldsJson);
    // The card of a queued version with this key (queued versions are new, hence active).
    [[nodiscard]] std::optional<qint64> queuedHolder(int kindId, const QString& searchKey) const;
    [[nodiscard]] core::Result<void> flush();
    void discard();

private:
    // One row's values, as the bytes SQLite is given (bound without copies until the rows are written).
    struct Queued
    {
        QByteArray uuid;
        qint64 cardId = 0;
        int kind = 0;
        QByteArray validFrom; // ISO date, or null
        QByteArray validTo;
        int assurance = 0;
        QByteArray fields;
        QByteArray searchKey;
        qint64 createdAt = 0;
    };

    [[nodiscard]] core::Result<void> write(int first, int count);
    [[nodiscard]] core::Result<Statement*> statement(Statement& slot, bool versions, int rows);
    static void bindVersion(Statement& s, int base, const Queued& q);

    Database& m_db;
    std::vector<Queued> m_queue;
    QHash<std::pair<int, QString>, qint64> m_queuedKeys; // (kind id, search key) → card
    QString m_lastCreatedBy;                             // the queued rows' creator (one per statement) ...
    QByteArray m_createdBy;                              // ... as UTF-8
    Statement m_versions, m_outbox, m_oneVersion, m_oneOutbox;
};

} // namespace madoguchi::store
