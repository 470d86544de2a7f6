#pragma once

#include "core/Result.h"
#include "services/ChangeRecorder.h"
#include "services/Operator.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QUuid>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::services {

// The audit entry of one committed import chunk (docs/storage.md "Audit of bulk imports"): instead
// of one entry per created linkage, one per transaction naming the file's SHA-256, the job, the row
// range, the count, the outbox id range the chunk wrote and a SHA-256 over the created linkages'
// 16-byte UUIDs in creation order. The entry is written in the chunk's own transaction, so it commits
// or rolls back with the rows it describes.
class ImportChunkAudit final
{
public:
    ImportChunkAudit(ChangeRecorder* recorder, QByteArray fileSha256, qint64 jobId);

    // Starts a chunk whose first data row is `firstRow` (remembers the outbox's highest id).
    [[nodiscard]] core::Result<void> begin(store::Database& db, qint64 firstRow);
    void add(const QUuid& linkage);
    // Writes the entry for rows [firstRow, lastRow] when the chunk created any linkage.
    [[nodiscard]] core::Result<void> record(store::Database& db, const Operator& op, qint64 lastRow);

    // The digest an auditor recomputes from the outbox rows (entity_id, in id order) of the range.
    [[nodiscard]] static QByteArray digestOf(const QList<QByteArray>& uuidsRfc4122);

private:
    [[nodiscard]] static core::Result<qint64> maxOutboxId(store::Database& db);

    ChangeRecorder* m_recorder;
    QByteArray m_fileSha256;
    qint64 m_jobId;
    qint64 m_firstRow = 0;
    qint64 m_outboxBefore = 0;
    qint64 m_count = 0;
    QCryptographicHash m_digest{QCryptographicHash::Sha256};
};

} // namespace madoguchi::services
