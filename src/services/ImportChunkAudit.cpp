#include "services/ImportChunkAudit.h"

#include "store/Database.h"

namespace madoguchi::services {

ImportChunkAudit::ImportChunkAudit(ChangeRecorder* recorder, QByteArray fileSha256, qint64 jobId)
    : m_recorder(recorder), m_fileSha256(std::move(fileSha256)), m_jobId(jobId)
{}

core::Result<qint64> ImportChunkAudit::maxOutboxId(store::Database& db)
{
    return db.queryInt("SELECT coalesce(max(id), 0) FROM outbox");
}

core::Result<void> ImportChunkAudit::begin(store::Database& db, qint64 firstRow)
{
    m_firstRow = firstRow;
    m_count = 0;
    m_digest.reset();
    if (m_recorder == nullptr) {
        return {};
    }
    auto before = maxOutboxId(db);
    if (!before) {
        return core::fail(before.error());
    }
    m_outboxBefore = *before;
    return {};
}

void ImportChunkAudit::add(const QUuid& linkage)
{
    if (m_recorder != nullptr) {
        m_digest.addData(linkage.toRfc4122());
    }
    ++m_count;
}

core::Result<void> ImportChunkAudit::record(store::Database& db, const Operator& op, qint64 lastRow)
{
    if (m_recorder == nullptr || m_count == 0) {
        return {};
    }
    auto after = maxOutboxId(db);
    if (!after) {
        return core::fail(after.error());
    }
    // No personal data: row numbers, counts, ids and hashes only (architecture.md §6).
    const QString summary = QStringLiteral("job %1 rows %2-%3: %4 linkages, outbox ids %5-%6, uuid sha256 %7")
                                .arg(m_jobId)
                                .arg(m_firstRow)
                                .arg(lastRow)
                                .arg(m_count)
                                .arg(m_outboxBefore + 1)
                                .arg(*after)
                                .arg(QString::fromLatin1(m_digest.result().toHex()));
    return m_recorder->record(
        db, {QStringLiteral("import"), m_fileSha256, QStringLiteral("chunk"), static_cast<int>(m_jobId), op, summary});
}

QByteArray ImportChunkAudit::digestOf(const QList<QByteArray>& uuidsRfc4122)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray& uuid : uuidsRfc4122) {
        hash.addData(uuid);
    }
    return hash.result();
}

} // namespace madoguchi::services
