#include "services/ImportRowSource.h"

#include "services/CsvReader.h"
#include "services/ImportColumns.h"
#include "services/LinkageId.h"
#include "services/LinkageService.h"
#include "store/CompactJson.h"

#include <pthread.h>

namespace madoguchi::services {

namespace {

// Rows per hand-over and chunks in flight: enough to keep both threads busy, little memory.
constexpr std::size_t ChunkRows = 256;
constexpr std::size_t MaxChunks = 8;

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

ImportRowSource::ImportRowSource(const LinkageService& service, Operator op, const ImportOptions& options,
                                 QHash<QString, QStringList> kindFields, qint64 skipThrough)
    : m_service(service), m_op(std::move(op)), m_options(options), m_kindFields(std::move(kindFields)),
      m_skipThrough(skipThrough)
{}

ImportRowSource::~ImportRowSource()
{
    stop();
}

void ImportRowSource::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

core::Result<void> ImportRowSource::start(const QString& path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read %1: %2").arg(path, m_file.errorString()));
    }
    m_bytesTotal = m_file.size();
    const CsvEncoding encoding =
        m_options.encoding == CsvEncoding::Auto ? CsvFieldDecoder::detect(m_file.peek(64 * 1024)) : m_options.encoding;
    m_decoder.emplace(encoding);
    if (!m_decoder->isValid()) {
        // Qt built without ICU (some Windows builds) has no "windows-31j" codec.
        return core::fail(core::Errc::Unsupported, QStringLiteral("this Qt build cannot decode CP932"));
    }
    m_reader = std::make_unique<CsvReader>(m_file);
    CsvRecord header;
    if (!m_reader->next(header)) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("empty file"));
    }
    auto columns = ImportColumns::map(header.fields, *m_decoder);
    if (!columns) {
        return core::fail(columns.error());
    }
    for (auto it = columns->cbegin(); it != columns->cend(); ++it) {
        m_slot.insert(it.key(), static_cast<int>(m_csvColumns.size()));
        m_csvColumns.append({it.value(), it.key()});
    }
    m_values.resize(m_csvColumns.size());
    // From here on the file, reader and decoder belong to the reading thread.
    m_thread = std::thread([this] { produce(); });
    return {};
}

void ImportRowSource::produce()
{
    pthread_setname_np(pthread_self(), "import-reader"); // names it in top, perf and debuggers
    CsvRecord record;
    std::vector<ImportRow> chunk;
    chunk.reserve(ChunkRows);
    qint64 row = 0;
    while (m_reader->next(record)) {
        ++row;
        if (row <= m_skipThrough || (record.fields.size() == 1 && record.fields.first().isEmpty())) {
            continue; // committed by an earlier run, or a blank line
        }
        ImportRow& out = chunk.emplace_back();
        out.row = row;
        out.bytesConsumed = m_reader->bytesConsumed();
        if (record.malformed) {
            out.rejected = true;
            out.issues.append({QString(), QStringLiteral("broken quoting")});
        } else {
            parse(record.fields, out);
        }
        if (chunk.size() == ChunkRows) {
            if (!push(std::move(chunk))) {
                return;
            }
            chunk = {};
            chunk.reserve(ChunkRows);
        }
    }
    if (!chunk.empty() && !push(std::move(chunk))) {
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_done = true;
        m_readFailed = m_reader->readFailed();
        m_lastRow = row;
        m_bytesConsumed = m_reader->bytesConsumed();
    }
    m_changed.notify_all();
}

bool ImportRowSource::push(std::vector<ImportRow>&& chunk)
{
    std::vector<std::vector<ImportRow>> used;
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stopping || m_queue.size() < MaxChunks; });
    if (m_stopping) {
        return false;
    }
    m_queue.push_back(std::move(chunk));
    used.swap(m_used);
    lock.unlock();
    m_changed.notify_all();
    return true; // `used` is freed here, on this thread, outside the lock
}

bool ImportRowSource::next(std::vector<ImportRow>& chunk)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_queue.empty() || m_done; });
    if (m_queue.empty()) {
        return false;
    }
    if (!chunk.empty()) {
        m_used.push_back(std::move(chunk));
    }
    chunk = std::move(m_queue.front());
    m_queue.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return true;
}

core::Result<void> ImportRowSource::endStatus() const
{
    if (m_readFailed) {
        return core::fail(core::Errc::Io, QStringLiteral("read error in %1").arg(m_file.fileName()));
    }
    return {};
}

void ImportRowSource::parse(const QList<QByteArray>& raw, ImportRow& row)
{
    if (!decodeRow(raw, row)) {
        return;
    }
    QList<FieldIssue>& issues = row.issues;
    EnrolRequest request = requestFor(issues);
    if (issues.isEmpty()) {
        auto prepared = m_service.prepareEnrolment(m_op, request, issues);
        if (prepared) {
            row.linkage = std::move(*prepared);
            // Here rather than on the writing thread: the writer is the import's bottleneck.
            row.linkage.uuid = LinkageId::create();
            row.fieldsJson = store::CompactJson::write(row.linkage.fields);
            row.linkage.fields = {}; // freed here too: the writer needs only the JSON text
            if (m_options.storeResidentNames) {
                row.name = value(QStringLiteral("name"));
                row.birthDate = value(QStringLiteral("birth_date"));
            }
            return;
        }
        const core::Errc code = prepared.error().code;
        if (code != core::Errc::InvalidArgument && code != core::Errc::NotFound && code != core::Errc::Revoked &&
            code != core::Errc::PermissionDenied) {
            row.fatal = prepared.error(); // not the row's fault: the job stops here
            return;
        }
        if (issues.isEmpty()) {
            issues.append({QString(), prepared.error().detail});
        }
    }
    row.rejected = true;
}

bool ImportRowSource::decodeRow(const QList<QByteArray>& raw, ImportRow& row)
{
    for (qsizetype i = 0; i < m_csvColumns.size(); ++i) {
        const auto& [index, name] = m_csvColumns[i];
        QString& text = m_values[i];
        text.clear();
        if (index >= raw.size()) {
            continue;
        }
        if (!m_decoder->decode(raw[index], text)) {
            row.rejected = true;
            row.issues.append({name, QStringLiteral("bytes not valid in the file's encoding")});
            return false;
        }
        text = std::move(text).trimmed();
    }
    return true;
}

QString ImportRowSource::value(const QString& name) const
{
    const int at = m_slot.value(name, -1);
    return at < 0 ? QString() : m_values[at];
}

EnrolRequest ImportRowSource::requestFor(QList<FieldIssue>& issues) const
{
    EnrolRequest request;
    const QString kind = value(QStringLiteral("kind"));
    request.kind = kind.isEmpty() ? m_options.defaultKind : kind;
    const QString issuer = value(QStringLiteral("issuer_key_id"));
    const QString serial = value(QStringLiteral("serial"));
    if (!isHex(issuer) || !isHex(serial)) {
        issues.append({QStringLiteral("card"), QStringLiteral("issuer_key_id and serial must be hex")});
    } else if (!m_kindFields.contains(request.kind)) {
        issues.append({QStringLiteral("kind"), QStringLiteral("unknown linkage kind")});
    } else if (request.kind == QStringLiteral("credit_card")) {
        // A file of full card numbers has no place at a counter terminal (PCI DSS).
        issues.append({QStringLiteral("kind"), QStringLiteral("credit cards are enrolled at the counter only")});
    }
    request.card = store::CardIdentity::fromHex(issuer.toLatin1(), serial.toLatin1());
    for (const QString& field : m_kindFields.value(request.kind)) {
        request.fields.insert(field, value(field));
    }
    request.validFrom = parseDate(value(QStringLiteral("valid_from")));
    request.validTo = parseDate(value(QStringLiteral("valid_to")));
    request.assurance = m_options.assurance;
    return request;
}

} // namespace madoguchi::services
