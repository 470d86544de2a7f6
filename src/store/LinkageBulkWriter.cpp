#include "store/LinkageBulkWriter.h"

#include "store/Database.h"

#include <string>

namespace madoguchi::store {

namespace {

constexpr const char* VersionColumns = "uuid, version, card_id, kind, status, valid_from, valid_to, created_by,"
                                       " assurance, fields, search_key, sealed_pan, reason, created_at";
constexpr int VersionColumnCount = 14;
constexpr const char* OutboxColumns = "entity, entity_id, version, op";
constexpr int OutboxColumnCount = 4;

// "YYYY-MM-DD" (what QDate::toString(Qt::ISODate) writes for years 1000–9999), or null.
QByteArray isoDate(const QDate& date)
{
    if (!date.isValid() || date.year() < 1000 || date.year() > 9999) {
        return date.isValid() ? date.toString(Qt::ISODate).toUtf8() : QByteArray();
    }
    char text[10];
    const int parts[3] = {date.year(), date.month(), date.day()};
    const int widths[3] = {4, 2, 2};
    int at = 0;
    for (int p = 0; p < 3; ++p) {
        if (p > 0) {
            text[at++] = '-';
        }
        for (int d = widths[p] - 1, v = parts[p]; d >= 0; --d, v /= 10) {
            text[at + d] = static_cast<char>('0' + v % 10);
        }
        at += widths[p];
    }
    return QByteArray(text, 10);
}

QByteArray utf8OrNull(const QString& text)
{
    return text.isNull() ? QByteArray() : text.toUtf8();
}

} // namespace

QString LinkageBulkWriter::keyOf(int kindId, const QString& searchKey)
{
    return QString::number(kindId) + QLatin1Char('\x1f') + searchKey;
}

core::Result<void> LinkageBulkWriter::add(const Linkage& l, int kindId, QByteArray fieldsJson, const QString& op)
{
    if (!l.sealedPan.isEmpty()) {
        // Never queued: a sealed card number goes through LinkageRepository::insertVersion.
        return core::fail(core::Errc::Internal, QStringLiteral("bulk writes take no sealed card numbers"));
    }
    m_queue.push_back(Queued{l.uuid.toRfc4122(), l.version, l.cardId, kindId, static_cast<int>(l.status),
                             isoDate(l.validFrom), isoDate(l.validTo),
                             utf8Of(l.createdBy, m_lastCreatedBy, m_lastCreatedByUtf8), static_cast<int>(l.assurance),
                             std::move(fieldsJson), l.searchKey.toUtf8(), utf8OrNull(l.reason),
                             l.createdAt.toSecsSinceEpoch(), utf8Of(op, m_lastOp, m_lastOpUtf8)});
    m_queuedKeys.insert(keyOf(kindId, l.searchKey), l.cardId);
    return m_queue.size() >= std::size_t(Rows) ? flush() : core::Result<void>();
}

const QByteArray& LinkageBulkWriter::utf8Of(const QString& text, QString& lastText, QByteArray& lastUtf8)
{
    if (text != lastText || lastUtf8.isNull()) {
        lastText = text;
        lastUtf8 = text.toUtf8();
    }
    return lastUtf8;
}

std::optional<qint64> LinkageBulkWriter::queuedHolder(int kindId, const QString& searchKey) const
{
    if (m_queuedKeys.isEmpty()) {
        return std::nullopt;
    }
    const auto it = m_queuedKeys.constFind(keyOf(kindId, searchKey));
    return it == m_queuedKeys.cend() ? std::nullopt : std::optional<qint64>(it.value());
}

void LinkageBulkWriter::discard()
{
    m_queue.clear();
    m_queuedKeys.clear();
}

core::Result<void> LinkageBulkWriter::flush()
{
    const int count = static_cast<int>(m_queue.size());
    int done = 0;
    core::Result<void> written;
    for (; written && done + Rows <= count; done += Rows) {
        written = write(done, Rows);
    }
    for (; written && done < count; ++done) {
        written = write(done, 1);
    }
    discard(); // written, or failed: then the caller's transaction rolls back and takes them with it
    return written;
}

core::Result<Statement*> LinkageBulkWriter::statement(Statement& slot, const char* table, const char* columns,
                                                      int columnCount, int rows)
{
    if (!slot.isValid()) {
        std::string row = "(?";
        for (int c = 1; c < columnCount; ++c) {
            row += ", ?";
        }
        row += ')';
        // OR FAIL, and deferred foreign keys (0033): nothing in the statement may abort it, so SQLite
        // keeps no statement journal — which in SQLCipher is one more encryption of every page the
        // statement touches (measured: twice the writer's CPU time). A failure still fails the
        // import's transaction, which then rolls back whole.
        std::string sql = std::string("INSERT OR FAIL INTO ") + table + '(' + columns + ") VALUES " + row;
        for (int r = 1; r < rows; ++r) {
            sql += ", " + row;
        }
        auto prepared = m_db.prepare(sql);
        if (!prepared) {
            return core::fail(prepared.error());
        }
        slot = std::move(*prepared);
    }
    return &slot;
}

void LinkageBulkWriter::bindVersion(Statement& s, int base, const Queued& q)
{
    // No copies: the queue keeps the bytes until the statement has run (bind*NoCopy).
    const auto optional = [&s](int index, const QByteArray& text) {
        text.isNull() ? s.bindNull(index) : s.bindTextNoCopy(index, text);
    };
    s.bindBlobNoCopy(base + 1, q.uuid).bind(base + 2, q.version).bind(base + 3, q.cardId).bind(base + 4, q.kind);
    s.bind(base + 5, q.status);
    optional(base + 6, q.validFrom);
    optional(base + 7, q.validTo);
    s.bindTextNoCopy(base + 8, q.createdBy).bind(base + 9, q.assurance).bindTextNoCopy(base + 10, q.fields);
    s.bindTextNoCopy(base + 11, q.searchKey).bindNull(base + 12);
    optional(base + 13, q.reason);
    s.bind(base + 14, q.createdAt);
}

core::Result<void> LinkageBulkWriter::write(int first, int count)
{
    // Version rows first, then their outbox entries in the same order: outbox ids follow the order
    // in which the linkages were created (ImportChunkAudit's digest relies on it).
    const bool many = count > 1;
    auto versions =
        statement(many ? m_versions : m_oneVersion, "linkage_version", VersionColumns, VersionColumnCount, count);
    auto outbox = versions ? statement(many ? m_outbox : m_oneOutbox, "outbox", OutboxColumns, OutboxColumnCount, count)
                           : core::Result<Statement*>(core::fail(versions.error()));
    if (!outbox) {
        return core::fail(outbox.error());
    }
    for (int r = 0; r < count; ++r) {
        bindVersion(**versions, r * VersionColumnCount, m_queue[std::size_t(first + r)]);
    }
    if (auto ran = (*versions)->run(); !ran) {
        return ran;
    }
    Statement& o = **outbox;
    for (int r = 0; r < count; ++r) {
        const Queued& q = m_queue[std::size_t(first + r)];
        const int base = r * OutboxColumnCount;
        o.bindTextNoCopy(base + 1, "linkage").bindBlobNoCopy(base + 2, q.uuid).bind(base + 3, q.version);
        o.bindTextNoCopy(base + 4, q.op);
    }
    return o.run();
}

} // namespace madoguchi::store
