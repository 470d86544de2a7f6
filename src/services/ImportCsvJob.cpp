#include "services/ImportCsvJob.h"

#include "core/Logging.h"
#include "services/AccessPolicy.h"
#include "services/ImportChunkAudit.h"
#include "services/ImportRowSource.h"
#include "services/LinkageService.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <string>
#include <optional>

namespace madoguchi::services {

namespace {

// The import's journal settings, for its duration (docs/storage.md "Journal and durability"):
// - synchronous = FULL: each commit fsyncs the WAL, so every committed batch and its import_job
//   row survive a power failure too, not only a crash of the process (NORMAL, the connection's
//   default, syncs at checkpoints only). An import commits once per 10 000 rows: ~100 fsyncs per
//   million rows (~2.6 ms each here).
// - the WAL checkpointed every 8192 pages (32 MB) instead of SQLite's 1000: each batch rewrites
//   index pages the next batches rewrite again, and a checkpoint copies every page it finds.
class ImportJournal final
{
public:
    explicit ImportJournal(store::Database& db) : m_db(db)
    {
        m_synchronous = db.queryInt("PRAGMA synchronous").value_or(1);
        m_checkpoint = db.queryInt("PRAGMA wal_autocheckpoint").value_or(1000);
        (void)db.exec("PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 8192");
    }
    ~ImportJournal()
    {
        (void)m_db.exec("PRAGMA synchronous = " + std::to_string(m_synchronous) +
                        "; PRAGMA wal_autocheckpoint = " + std::to_string(m_checkpoint));
    }
    Q_DISABLE_COPY_MOVE(ImportJournal)

private:
    store::Database& m_db;
    qint64 m_synchronous = 1;
    qint64 m_checkpoint = 1000;
};

} // namespace

struct ImportCsvJob::Pass
{
    bool dryRun = false;
    std::optional<ImportChunkAudit> chunk;
    std::optional<store::Transaction> tx;
    qint64 row = 0; // the last data row handled (blank lines and resumed rows count, as in the file)
    qint64 rowsInBatch = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};

ImportCsvJob::ImportCsvJob(LinkageService& service, Operator op, QString path, ImportOptions options)
    : m_service(service), m_op(std::move(op)), m_path(std::move(path)), m_options(std::move(options))
{}

void ImportCsvJob::addIssue(ImportReport& report, qint64 row, const QString& field, const QString& reason) const
{
    if (report.issues.size() < ImportReport::MaxIssues) {
        report.issues.append({row, field, reason});
    }
}

core::Result<QByteArray> ImportCsvJob::fileSha256() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read %1").arg(m_path));
    }
    return hash.result();
}

core::Result<void> ImportCsvJob::openJob(const QByteArray& sha)
{
    store::Database& db = m_service.repository().database();
    auto find = db.prepare("SELECT id, status, last_row, imported_rows, rejected_rows FROM import_job"
                           " WHERE file_sha256 = ? ORDER BY id DESC LIMIT 1");
    if (!find) {
        return core::fail(find.error());
    }
    find->bindBlob(1, sha);
    auto row = find->step();
    if (!row) {
        return core::fail(row.error());
    }
    const QString status = *row ? find->columnText(1) : QString();
    if (status == QStringLiteral("finished")) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("this file was already imported (job %1)").arg(find->columnInt64(0)));
    }
    if (status == QStringLiteral("running") || status == QStringLiteral("cancelled")) {
        m_report.jobId = find->columnInt64(0);
        m_resumeFrom = find->columnInt64(2);
        m_report.imported = find->columnInt64(3);
        m_report.rejected = find->columnInt64(4);
        m_report.resumedAfter = m_resumeFrom;
        qCInfo(lcServices) << "resuming import job" << m_report.jobId << "after row" << m_resumeFrom;
        return {};
    }
    auto insert = db.prepare("INSERT INTO import_job(file_sha256, file_name, mode, status, created_by, started_at)"
                             " VALUES (?, ?, ?, 'running', ?, datetime('now'))");
    if (!insert) {
        return core::fail(insert.error());
    }
    insert->bindBlob(1, sha).bind(2, QFileInfo(m_path).fileName());
    insert->bind(3, m_options.mode == ImportOptions::Mode::AllOrNothing ? QStringLiteral("all_or_nothing")
                                                                        : QStringLiteral("valid_rows_only"));
    insert->bind(4, m_op.id);
    if (auto ran = insert->run(); !ran) {
        return ran;
    }
    m_report.jobId = db.lastInsertRowId();
    return {};
}

core::Result<ImportReport> ImportCsvJob::run()
{
    if (m_op.role == Role::Auditor) {
        return core::fail(core::Errc::PermissionDenied, QStringLiteral("role auditor may not import"));
    }
    auto sha = fileSha256();
    if (!sha) {
        return core::fail(sha.error());
    }
    m_fileSha256 = *sha;
    if (auto opened = openJob(*sha); !opened) {
        return core::fail(opened.error());
    }
    if (m_options.mode == ImportOptions::Mode::AllOrNothing && m_resumeFrom == 0) {
        Pass dry;
        dry.dryRun = true;
        if (auto checked = runPass(dry); !checked) {
            m_service.discardImported();
            return core::fail(checked.error());
        }
        if (m_report.rejected > 0) {
            m_report.stored = false;
            m_report.imported = 0;
            auto mark = m_service.repository().database().prepare("UPDATE import_job SET status = 'rejected',"
                                                                  " rejected_rows = ? WHERE id = ?");
            if (mark) {
                mark->bind(1, m_report.rejected).bind(2, m_report.jobId);
                (void)mark->run();
            }
            return m_report;
        }
        m_report = ImportReport{m_report.jobId, 0, 0, 0, 0, true, {}};
    }
    const ImportJournal journal(m_service.repository().database()); // outlives the pass's transaction
    Pass pass;
    if (auto done = runPass(pass); !done) {
        m_service.discardImported(); // rolled back with the batch's transaction
        return core::fail(done.error());
    }
    return m_report;
}

core::Result<void> ImportCsvJob::runPass(Pass& pass)
{
    auto kinds = m_service.repository().kindFields();
    if (!kinds) {
        return core::fail(kinds.error());
    }
    // Reading, decoding and validating run on the source's thread while this one writes (the
    // connection stays on this thread); rows arrive in file order, so the report is the same.
    ImportRowSource source(m_service, m_op, m_options, std::move(*kinds), pass.dryRun ? 0 : m_resumeFrom);
    if (auto started = source.start(m_path); !started) {
        return started;
    }
    pass.bytesTotal = source.bytesTotal();
    if (!pass.dryRun) {
        pass.chunk.emplace(m_service.recorder(), m_fileSha256, m_report.jobId);
    }
    if (auto begun = beginBatch(pass); !begun) {
        return begun;
    }
    std::vector<ImportRow> rows;
    while (source.next(rows)) {
        for (ImportRow& row : rows) {
            if (auto handled = handleRow(pass, row); !handled) {
                return handled;
            }
        }
    }
    if (auto ended = source.endStatus(); !ended) {
        return ended;
    }
    pass.row = std::max(pass.row, source.lastRow());
    pass.bytesDone = source.bytesConsumed();
    return commitBatch(pass, true);
}

core::Result<void> ImportCsvJob::handleRow(Pass& pass, ImportRow& row)
{
    ++m_report.rows;
    pass.row = row.row;
    pass.bytesDone = row.bytesConsumed;
    if (auto stored = storeRow(pass, row); !stored) {
        return stored;
    }
    ++pass.rowsInBatch;
    if (m_cancel != nullptr && m_cancel->load(std::memory_order_relaxed)) {
        return core::fail(core::Errc::Cancelled, QStringLiteral("import cancelled; committed rows are kept"));
    }
    if (pass.rowsInBatch >= m_options.batchSize) {
        if (auto committed = commitBatch(pass, false); !committed) {
            return committed;
        }
    }
    return {};
}

core::Result<void> ImportCsvJob::storeRow(Pass& pass, ImportRow& row)
{
    if (row.fatal) {
        return core::fail(*row.fatal);
    }
    QList<FieldIssue>& issues = row.issues;
    if (!row.rejected) {
        // No audit entry per row: the batch's entry covers it (ImportChunkAudit).
        store::Linkage& l = row.linkage; // completed in place; freed with the row on the reading thread
        auto enrolled =
            m_service.storeImported(m_op, l, std::move(row.fieldsJson), issues, m_options.createUnknownCards);
        if (enrolled) {
            ++m_report.imported;
            if (pass.chunk) {
                pass.chunk->add(l.uuid);
            }
            if (row.name.isEmpty()) {
                return {};
            }
            return m_service.repository().appendResident(l.cardId, row.name, row.birthDate, m_op.id, l.createdAt);
        }
        const core::Errc code = enrolled.error().code;
        if (code != core::Errc::InvalidArgument && code != core::Errc::NotFound && code != core::Errc::Revoked &&
            code != core::Errc::PermissionDenied) {
            return core::fail(enrolled.error()); // the store failed: stop; the batch rolls back whole
        }
        if (issues.isEmpty()) {
            issues.append({QString(), enrolled.error().detail});
        }
    }
    ++m_report.rejected;
    for (const FieldIssue& issue : issues) {
        addIssue(m_report, row.row, issue.field, issue.reason);
    }
    return {};
}

core::Result<void> ImportCsvJob::commitBatch(Pass& pass, bool last)
{
    // The queued rows go in now: the audit entry reads their outbox ids, the commit takes them along.
    if (auto flushed = m_service.flushImported(); !flushed) {
        return flushed;
    }
    if (pass.dryRun) {
        if (last) {
            pass.tx->rollback();
        }
        pass.rowsInBatch = 0;
        return {};
    }
    store::Database& db = m_service.repository().database();
    if (auto recorded = pass.chunk->record(db, m_op, pass.row); !recorded) {
        return recorded;
    }
    auto update = db.prepare("UPDATE import_job SET last_row = ?, imported_rows = ?, rejected_rows = ?,"
                             " status = ?, finished_at = CASE WHEN ? THEN datetime('now') END WHERE id = ?");
    if (!update) {
        return core::fail(update.error());
    }
    update->bind(1, pass.row).bind(2, m_report.imported).bind(3, m_report.rejected);
    update->bind(4, last ? QStringLiteral("finished") : QStringLiteral("running")).bind(5, last ? 1 : 0);
    update->bind(6, m_report.jobId);
    if (auto ran = update->run(); !ran) {
        return ran;
    }
    // Row bookkeeping and the batch's rows commit together: after a crash the job resumes exactly here.
    if (auto committed = pass.tx->commit(); !committed) {
        return committed;
    }
    pass.rowsInBatch = 0;
    if (m_progress) {
        m_progress(pass.row, pass.bytesDone, pass.bytesTotal);
    }
    return last ? core::Result<void>() : beginBatch(pass);
}

core::Result<void> ImportCsvJob::beginBatch(Pass& pass)
{
    store::Database& db = m_service.repository().database();
    pass.tx.reset();
    auto tx = store::Transaction::begin(db);
    if (!tx) {
        return core::fail(tx.error());
    }
    pass.tx.emplace(std::move(*tx));
    const qint64 firstRow = std::max(pass.row, pass.dryRun ? qint64(0) : m_resumeFrom) + 1;
    return pass.chunk ? pass.chunk->begin(db, firstRow) : core::Result<void>();
}

} // namespace madoguchi::services
