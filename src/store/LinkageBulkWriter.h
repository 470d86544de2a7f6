#pragma once

#include "core/Result.h"
#include "store/Linkage.h"
#include "store/Statement.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace madoguchi::store {

class Database;

// The writes of a bulk import (docs/storage.md "Bulk import"): new linkage versions and their outbox
// entries are queued and written `Rows` at a time, one multi-row INSERT per table, prepared once, so
// the per-statement costs of SQLite (step, reset, the VDBE program's start) are paid once per `Rows`
// rows. Queued rows are not in the database until flush(): the caller flushes before it commits or
// reads them — except the duplicate check, which asks queuedHolder() as well as the database — and
// discards the queue when its transaction rolls back. Same connection and thread as the caller.
class LinkageBulkWriter final
{
public:
    static constexpr int Rows = 32; // 32 x 14 parameters: below SQLite 3.15's limit of 999

    explicit LinkageBulkWriter(Database& db) : m_db(db) {}

    // `kindId`: linkage_kind.id of l.kind; `fieldsJson`: CompactJson of l.fields; `op`: the outbox op.
    [[nodiscard]] core::Result<void> add(const Linkage& l, int kindId, QByteArray fieldsJson, const QString& op);
    // The card of a queued version with this key (queued versions are new, hence active).
    [[nodiscard]] std::optional<qint64> queuedHolder(int kindId, const QString& searchKey) const;
    [[nodiscard]] core::Result<void> flush();
    void discard();

private:
    // One row's values, as the bytes SQLite is given (bound without copies until the rows are written).
    struct Queued
    {
        QByteArray uuid;
        int version = 1;
        qint64 cardId = 0;
        int kind = 0;
        int status = 0;
        QByteArray validFrom; // ISO date, or null
        QByteArray validTo;
        QByteArray createdBy;
        int assurance = 0;
        QByteArray fields;
        QByteArray searchKey;
        QByteArray reason; // or null
        qint64 createdAt = 0;
        QByteArray op;
    };

    [[nodiscard]] core::Result<void> write(int first, int count);
    [[nodiscard]] core::Result<Statement*> statement(Statement& slot, const char* table, const char* columns,
                                                     int columnCount, int rows);
    static void bindVersion(Statement& s, int base, const Queued& q);
    // The same text as the last row's when it is the same (one operator, one op per import): shared, not copied.
    static const QByteArray& utf8Of(const QString& text, QString& lastText, QByteArray& lastUtf8);
    [[nodiscard]] static QString keyOf(int kindId, const QString& searchKey);

    Database& m_db;
    std::vector<Queued> m_queue;
    QHash<QString, qint64> m_queuedKeys; // kind id + search key → card
    QString m_lastCreatedBy, m_lastOp;
    QByteArray m_lastCreatedByUtf8, m_lastOpUtf8;
    Statement m_versions, m_outbox, m_oneVersion, m_oneOutbox;
};

} // namespace madoguchi::store
