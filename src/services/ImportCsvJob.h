#pragma once

#include "core/Result.h"
#include "services/CsvFieldDecoder.h"
#include "services/LinkageService.h"
#include "services/Operator.h"
#include "store/Linkage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace madoguchi::services {

struct ImportRow;

struct ImportOptions
{
    enum class Mode
    {
        AllOrNothing,  // a dry run first; any bad row → nothing is stored
        ValidRowsOnly, // bad rows are reported and skipped
    };
    Mode mode = Mode::ValidRowsOnly;
    CsvEncoding encoding = CsvEncoding::Auto;
    QString defaultKind = QStringLiteral("health_insurance"); // when the file has no kind column
    bool createUnknownCards = false;                          // false: rows for cards never seen here are rejected
    bool storeResidentNames = false;                          // the operator's explicit choice (architecture.md §3)
    store::Assurance assurance = store::Assurance::TapOnly;
    int batchSize = 10000; // rows per transaction; each committed batch is one audit entry
};

struct ImportIssue
{
    qint64 row = 0; // data row, 1-based (the header is row 0)
    QString field;
    QString reason;
};

struct ImportReport
{
    qint64 jobId = 0;
    qint64 rows = 0;     // data rows seen
    qint64 imported = 0; // rows stored by this run and earlier runs of the same job
    qint64 rejected = 0;
    qint64 resumedAfter = 0;   // rows skipped because an earlier run had committed them
    bool stored = true;        // false: all-or-nothing refused the file
    QList<ImportIssue> issues; // the first MaxIssues
    static constexpr int MaxIssues = 10000;
};

// Bulk import of linkage files (issue 4 item 6): streaming RFC 4180, UTF-8 or CP932, Japanese or
// English headers, row-level report, batches of `batchSize` rows per transaction, resumable after a
// crash (import_job keyed by the file's SHA-256 remembers the last committed row). With the service's
// ChangeRecorder, each committed batch gets ONE audit entry (ImportChunkAudit), not one per row.
// run() reads and validates on a second thread (ImportRowSource) while the calling thread, which
// owns the connection, writes; progress and the cancel check stay on the calling thread.
class ImportCsvJob final
{
public:
    using Progress = std::function<void(qint64 rowsDone, qint64 bytesDone, qint64 bytesTotal)>;

    ImportCsvJob(LinkageService& service, Operator op, QString path, ImportOptions options = {});

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Checked between rows; a cancelled import keeps its committed batches and resumes later.
    void setCancelFlag(const std::atomic_bool* cancel) { m_cancel = cancel; }

    [[nodiscard]] core::Result<ImportReport> run();

private:
    struct Pass;
    [[nodiscard]] core::Result<void> runPass(Pass& pass);
    [[nodiscard]] core::Result<void> handleRow(Pass& pass, ImportRow& row);
    [[nodiscard]] core::Result<void> storeRow(Pass& pass, ImportRow& row);
    [[nodiscard]] core::Result<void> beginBatch(Pass& pass);
    [[nodiscard]] core::Result<void> commitBatch(Pass& pass, bool last);
    [[nodiscard]] core::Result<QByteArray> fileSha256() const;
    [[nodiscard]] core::Result<void> openJob(const QByteArray& sha);
    void addIssue(ImportReport& report, qint64 row, const QString& field, const QString& reason) const;

    LinkageService& m_service;
    Operator m_op;
    QString m_path;
    ImportOptions m_options;
    Progress m_progress;
    const std::atomic_bool* m_cancel = nullptr;
    ImportReport m_report;
    qint64 m_resumeFrom = 0;
    QByteArray m_fileSha256;
};

} // namespace madoguchi::services
