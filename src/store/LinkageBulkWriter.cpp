#include "store/LinkageBulkWriter.h"

#include "store/Database.h"

#include <string>

// Statements are built once per shape: 32 rows, or 1 for the rest of a flush.

namespace madoguchi::store {

namespace {

// New linkages only: version 1, status 0 (active), no sealed PAN, no reason; created_by is one
// parameter (?1) shared by all rows of a statement. Per row 9 parameters: uuid, card_id, kind,
// valid_from, valid_to, assurance, fields, search_key, created_at.
constexpr int VersionParams = 9;

// "(?b+1, 1, ?b+2, ...)" for the row whose parameters start after `base`.
std::string versionRow(int base)
{
    const auto p = [base](int i) { return "?" + std::to_string(base + i); };
    return "(" + p(1) + ", 1, " + p(2) + ", " + p(3) + ", 0, " + p(4) + ", " + p(5) + ", ?1, " + p(6) + ", " + p(7) +
           ", " + p(8) + ", NULL, NULL, " + p(9) + ")";
}

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

} // namespace

core::Result<void> LinkageBulkWriter::add(const Linkage& l, int kindId, QByteArray fieldsJson)
{
    if (l.version != 1 || l.status != LinkageStatus::Active || !l.sealedPan.isEmpty() || !l.reason.isEmpty()) {
        // Never queued: changes and sealed card numbers go through LinkageRepository::insertVersion.
        return core::fail(core::Errc::Internal, QStringLiteral("bulk writes take new linkages only"));
    }
    if (!m_queue.empty() && l.createdBy != m_lastCreatedBy) {
        if (auto flushed = flush(); !flushed) { // one creator per statement (?1)
            return flushed;
        }
    }
    m_queue.push_back(Queued{l.uuid.toRfc4122(), l.cardId, kindId, isoDate(l.validFrom), isoDate(l.validTo),
                             static_cast<int>(l.assurance), std::move(fieldsJson), l.searchKey.toUtf8(),
                             l.createdAt.toSecsSinceEpoch()});
    if (l.createdBy != m_lastCreatedBy || m_createdBy.isNull()) {
        m_lastCreatedBy = l.createdBy;
        m_createdBy = l.createdBy.toUtf8();
    }
    m_queuedKeys.insert({kindId, l.searchKey}, l.cardId); // shares the string, no copy
    return m_queue.size() >= std::size_t(Rows) ? flush() : core::Result<void>();
}

std::optional<qint64> LinkageBulkWriter::queuedHolder(int kindId, const QString& searchKey) const
{
    if (m_queuedKeys.isEmpty()) {
        return std::nullopt;
    }
    const auto it = m_queuedKeys.constFind({kindId, searchKey});
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

core::Result<Statement*> LinkageBulkWriter::statement(Statement& slot, bool versions, int rows)
{
    if (!slot.isValid()) {
        // OR FAIL, and deferred foreign keys (0033): nothing in the statement may abort it, so SQLite
        // keeps no statement journal — which in SQLCipher is one more encryption of every page the
        // statement touches (measured: twice the writer's CPU time). A failure still fails the
        // import's transaction, which then rolls back whole.
        std::string sql = versions ? "INSERT OR FAIL INTO linkage_version(uuid, version, card_id, kind, status,"
                                     " valid_from, valid_to, created_by, assurance, fields, search_key, sealed_pan,"
                                     " reason, created_at) VALUES "
                                   : "INSERT OR FAIL INTO outbox(entity, entity_id, version, op) VALUES ";
        for (int r = 0; r < rows; ++r) {
            sql += r > 0 ? ", " : "";
            sql += versions ? versionRow(1 + r * VersionParams)
                            : "('linkage', ?" + std::to_string(r + 1) + ", 1, 'enrol')";
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
    s.bindBlobNoCopy(base + 1, q.uuid).bind(base + 2, q.cardId).bind(base + 3, q.kind);
    optional(base + 4, q.validFrom);
    optional(base + 5, q.validTo);
    s.bind(base + 6, q.assurance).bindTextNoCopy(base + 7, q.fields).bindTextNoCopy(base + 8, q.searchKey);
    s.bind(base + 9, q.createdAt);
}

core::Result<void> LinkageBulkWriter::write(int first, int count)
{
    // Version rows first, then their outbox entries in the same order: outbox ids follow the order
    // in which the linkages were created (ImportChunkAudit's digest relies on it).
    const bool many = count > 1;
    auto versions = statement(many ? m_versions : m_oneVersion, true, count);
    auto outbox = versions ? statement(many ? m_outbox : m_oneOutbox, false, count)
                           : core::Result<Statement*>(core::fail(versions.error()));
    if (!outbox) {
        return core::fail(outbox.error());
    }
    Statement& v = **versions;
    v.bindTextNoCopy(1, m_createdBy);
    for (int r = 0; r < count; ++r) {
        bindVersion(v, 1 + r * VersionParams, m_queue[std::size_t(first + r)]);
    }
    if (auto ran = v.run(); !ran) {
        return ran;
    }
    Statement& o = **outbox;
    for (int r = 0; r < count; ++r) {
        o.bindBlobNoCopy(r + 1, m_queue[std::size_t(first + r)].uuid);
    }
    return o.run();
}

} // namespace madoguchi::store
