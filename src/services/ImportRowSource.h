#pragma once

#include "core/Result.h"
#include "services/CsvFieldDecoder.h"
#include "services/ImportCsvJob.h"
#include "services/LinkageValidator.h"
#include "services/Operator.h"
#include "store/Linkage.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QStringList>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace madoguchi::services {

class CsvReader;
class LinkageService;

// One data row of an import file, parsed and checked as far as that needs no database.
struct ImportRow
{
    qint64 row = 0;           // data row, 1-based (the header is row 0)
    qint64 bytesConsumed = 0; // of the file, after this row
    bool rejected = false;    // refused before the store: `issues` say why, in report order
    QList<FieldIssue> issues;
    std::optional<core::Error> fatal; // the pass must stop at this row (a failure, not a bad row)
    store::Linkage linkage;           // !rejected: prepared by LinkageService::prepareEnrolment, with its uuid
    QByteArray fieldsJson;            // store::CompactJson of linkage.fields
    QString name;                     // the resident's minimum, when the options store it
    QString birthDate;
};

// The reading half of ImportCsvJob (docs/storage.md "Bulk import"): CSV records → decoded, validated
// ImportRows, on a thread of its own, handed over in chunks through a bounded queue while the job's
// thread writes the previous chunks to the database. Rows come out in file order; the row numbers,
// issues and their order are those the job reported when it did everything on one thread. Blank
// lines and rows up to `skipThrough` (already committed by an earlier run) are not handed out.
// Stopped and joined on destruction (a failed or cancelled pass leaves nothing running).
class ImportRowSource final
{
public:
    ImportRowSource(const LinkageService& service, Operator op, const ImportOptions& options,
                    QHash<QString, QStringList> kindFields, qint64 skipThrough);
    ~ImportRowSource();
    Q_DISABLE_COPY_MOVE(ImportRowSource)

    // Opens the file, reads and maps the header (the pass fails on these errors), starts the thread.
    [[nodiscard]] core::Result<void> start(const QString& path);
    [[nodiscard]] qint64 bytesTotal() const { return m_bytesTotal; }
    // The next chunk of rows, in file order; false at the end of the file. The chunk `chunk` held
    // before goes back to the reading thread, which frees it (the writing thread is the bottleneck).
    [[nodiscard]] bool next(std::vector<ImportRow>& chunk);
    // After next() said false: how the file ended (a read error fails the pass), its last record
    // number and the bytes read.
    [[nodiscard]] core::Result<void> endStatus() const;
    [[nodiscard]] qint64 lastRow() const { return m_lastRow; }
    [[nodiscard]] qint64 bytesConsumed() const { return m_bytesConsumed; }

private:
    void produce();
    [[nodiscard]] bool push(std::vector<ImportRow>&& chunk);
    void parse(const QList<QByteArray>& raw, ImportRow& row);
    [[nodiscard]] bool decodeRow(const QList<QByteArray>& raw, ImportRow& row);
    [[nodiscard]] EnrolRequest requestFor(QList<FieldIssue>& issues) const;
    [[nodiscard]] QString value(const QString& name) const;
    void stop();

    const LinkageService& m_service;
    Operator m_op;
    ImportOptions m_options;
    QHash<QString, QStringList> m_kindFields;
    qint64 m_skipThrough;

    QFile m_file;
    std::unique_ptr<CsvReader> m_reader;
    std::optional<CsvFieldDecoder> m_decoder;
    qint64 m_bytesTotal = 0;
    // The decoded fields of the current row by slot (a list reused across rows, not a QHash per row).
    QHash<QString, int> m_slot;                  // canonical name → index into m_values
    QList<std::pair<int, QString>> m_csvColumns; // (CSV column index, canonical name) per slot
    QList<QString> m_values;

    // Hand-over between the threads; the fields below the mutex are written by the reading thread
    // and read by the job's thread only after next() returned false.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<ImportRow>> m_queue;
    std::vector<std::vector<ImportRow>> m_used; // handled chunks, freed by the reading thread
    bool m_done = false;
    bool m_stopping = false;
    bool m_readFailed = false;
    qint64 m_lastRow = 0;
    qint64 m_bytesConsumed = 0;
    std::thread m_thread;
};

} // namespace madoguchi::services
