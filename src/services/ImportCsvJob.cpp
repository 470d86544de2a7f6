#include "services/ImportCsvJob.h"

#include "core/Logging.h"
#include "services/AccessPolicy.h"
#include "services/CsvReader.h"
#include "services/ImportChunkAudit.h"
#include "services/ImportColumns.h"
#include "services/LinkageService.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <optional>

namespace madoguchi::services {

namespace {

QDate parseDate(const QString& text)
{
    if (text.isEmpty()) {
        return {};
    }
    if (const QDate iso = QDate::fromString(text, Qt::ISODate); iso.isValid()) {
        return iso; // the fast path: format strings build a QDateTimeParser on every call
    }
    for (const QString& format :
         {QStringLiteral("yyyy-MM-dd"), QStringLiteral("yyyyMMdd"), QStringLiteral("yyyy/M/d")}) {
        const QDate date = QDate::fromString(text, format);
        if (date.isValid()) {
            return date;
        }
    }
    return {};
}

bool isHex(const QString& text)
{
    if (text.isEmpty() || text.size() % 2 != 0) {
        return false;
    }
    for (const QChar c : text) {
        if (!c.isDigit() && !(c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'))) {
            return false;
        }
    }
    return true;
}

} // namespace

struct ImportCsvJob::Pass
{
    bool dryRun = false;
    QHash<QString, int> column; // canonical name → CSV column index
    // The decoded fields of the current row, by position in `column`'s iteration order (a list
    // reused across rows instead of a fresh QHash per row: the allocations showed in perf).
    QHash<QString, int> slot;                  // canonical name → index into `values`
    QList<std::pair<int, QString>> csvColumns; // (CSV column index, canonical name) per slot
    QList<QString> values;
    std::optional<ImportChunkAudit> chunk;
    QHash<QString, QStringList> kindFields;
    std::optional<store::Transaction> tx;
    std::optional<CsvFieldDecoder> decoder;
    qint64 row = 0;
    qint64 rowsInBatch = 0;
    qint64 bytesTotal = 0;
    CsvReader* reader = nullptr;
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
    Pass pass;
    if (auto done = runPass(pass); !done) {
        return core::fail(done.error());
    }
    return m_report;
}

core::Result<void> ImportCsvJob::runPass(Pass& pass)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    }
    pass.bytesTotal = file.size();
    const CsvEncoding encoding =
        m_options.encoding == CsvEncoding::Auto ? CsvFieldDecoder::detect(file.peek(64 * 1024)) : m_options.encoding;
    pass.decoder.emplace(encoding);
    if (!pass.decoder->isValid()) {
        // Qt built without ICU (some Windows builds) has no "windows-31j" codec.
        return core::fail(core::Errc::Unsupported, QStringLiteral("this Qt build cannot decode CP932"));
    }
    CsvReader reader(file);
    pass.reader = &reader;
    CsvRecord record;
    if (!reader.next(record)) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("empty file"));
    }
    auto columns = ImportColumns::map(record.fields, *pass.decoder);
    if (!columns) {
        return core::fail(columns.error());
    }
    pass.column = std::move(*columns);
    for (auto it = pass.column.cbegin(); it != pass.column.cend(); ++it) {
        pass.slot.insert(it.key(), static_cast<int>(pass.csvColumns.size()));
        pass.csvColumns.append({it.value(), it.key()});
    }
    pass.values.resize(pass.csvColumns.size());
    auto kinds = m_service.repository().kindFields();
    if (!kinds) {
        return core::fail(kinds.error());
    }
    pass.kindFields = std::move(*kinds);
    if (!pass.dryRun) {
        pass.chunk.emplace(m_service.recorder(), m_fileSha256, m_report.jobId);
    }
    if (auto begun = beginBatch(pass); !begun) {
        return begun;
    }
    while (reader.next(record)) {
        ++pass.row;
        if (!pass.dryRun && pass.row <= m_resumeFrom) {
            continue;
        }
        if (record.fields.size() == 1 && record.fields.first().isEmpty()) {
            continue; // blank line
        }
        if (auto handled = handleRecord(pass, record); !handled) {
            return handled;
        }
    }
    if (reader.readFailed()) {
        return core::fail(core::Errc::Io, QStringLiteral("read error in %1").arg(m_path));
    }
    return commitBatch(pass, true);
}

core::Result<void> ImportCsvJob::handleRecord(Pass& pass, const CsvRecord& record)
{
    ++m_report.rows;
    if (record.malformed) {
        ++m_report.rejected;
        addIssue(m_report, pass.row, QString(), QStringLiteral("broken quoting"));
    } else if (auto imported = importRow(pass, record.fields); !imported) {
        return imported;
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

bool ImportCsvJob::decodeRow(Pass& pass, const QList<QByteArray>& raw)
{
    for (qsizetype i = 0; i < pass.csvColumns.size(); ++i) {
        const auto& [index, name] = pass.csvColumns[i];
        QString& text = pass.values[i];
        text.clear();
        if (index >= raw.size()) {
            continue;
        }
        if (!pass.decoder->decode(raw[index], text)) {
            ++m_report.rejected;
            addIssue(m_report, pass.row, name, QStringLiteral("bytes not valid in the file's encoding"));
            return false;
        }
        text = std::move(text).trimmed();
    }
    return true;
}

EnrolRequest ImportCsvJob::requestFor(const Pass& pass, QList<FieldIssue>& issues) const
{
    const auto value = [&pass](const QString& name) {
        const int at = pass.slot.value(name, -1);
        return at < 0 ? QString() : pass.values[at];
    };
    EnrolRequest request;
    const QString kind = value(QStringLiteral("kind"));
    request.kind = kind.isEmpty() ? m_options.defaultKind : kind;
    const QString issuer = value(QStringLiteral("issuer_key_id"));
    const QString serial = value(QStringLiteral("serial"));
    if (!isHex(issuer) || !isHex(serial)) {
        issues.append({QStringLiteral("card"), QStringLiteral("issuer_key_id and serial must be hex")});
    } else if (!pass.kindFields.contains(request.kind)) {
        issues.append({QStringLiteral("kind"), QStringLiteral("unknown linkage kind")});
    } else if (request.kind == QStringLiteral("credit_card")) {
        // A file of full card numbers has no place at a counter terminal (PCI DSS).
        issues.append({QStringLiteral("kind"), QStringLiteral("credit cards are enrolled at the counter only")});
    }
    request.card = store::CardIdentity::fromHex(issuer.toLatin1(), serial.toLatin1());
    for (const QString& field : pass.kindFields.value(request.kind)) {
        request.fields.insert(field, value(field));
    }
    request.validFrom = parseDate(value(QStringLiteral("valid_from")));
    request.validTo = parseDate(value(QStringLiteral("valid_to")));
    request.assurance = m_options.assurance;
    return request;
}

core::Result<void> ImportCsvJob::importRow(Pass& pass, const QList<QByteArray>& raw)
{
    if (!decodeRow(pass, raw)) {
        return {};
    }
    QList<FieldIssue> issues;
    EnrolRequest request = requestFor(pass, issues);
    if (issues.isEmpty()) {
        // No audit entry per row: the batch's entry covers it (ImportChunkAudit).
        auto enrolled = m_service.enrolInTransaction(m_op, request, &issues, m_options.createUnknownCards, false);
        if (enrolled) {
            ++m_report.imported;
            if (pass.chunk) {
                pass.chunk->add(enrolled->uuid);
            }
            const int nameAt = pass.slot.value(QStringLiteral("name"), -1);
            if (!m_options.storeResidentNames || nameAt < 0 || pass.values[nameAt].isEmpty()) {
                return {};
            }
            const int birthAt = pass.slot.value(QStringLiteral("birth_date"), -1);
            return m_service.repository().appendResident(enrolled->cardId, pass.values[nameAt],
                                                         birthAt < 0 ? QString() : pass.values[birthAt], m_op.id,
                                                         enrolled->createdAt);
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
        addIssue(m_report, pass.row, issue.field, issue.reason);
    }
    return {};
}

core::Result<void> ImportCsvJob::commitBatch(Pass& pass, bool last)
{
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
        m_progress(pass.row, pass.reader->bytesConsumed(), pass.bytesTotal);
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
