#include "store/Statement.h"

#include "store/SqliteErrors.h"

#include <sqlite3.h>

#include <array>
#include <utility>

namespace madoguchi::store {

Statement::~Statement()
{
    sqlite3_finalize(m_stmt); // harmless on nullptr
}

Statement::Statement(Statement&& other) noexcept
    : m_bindRc(std::exchange(other.m_bindRc, 0)), m_stmt(std::exchange(other.m_stmt, nullptr))
{}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindRc = std::exchange(other.m_bindRc, 0);
    }
    return *this;
}

namespace {

void keepFirst(int& stored, int rc)
{
    if (stored == SQLITE_OK && rc != SQLITE_OK) {
        stored = rc;
    }
}

} // namespace

Statement& Statement::bind(int index, qint64 value)
{
    keepFirst(m_bindRc, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, const QString& text)
{
    // Short ASCII text (kinds, statuses, dates, keys: most binds of a bulk import) goes through a
    // stack buffer: SQLite copies it anyway (SQLITE_TRANSIENT), so the QByteArray of toUtf8() was
    // one heap allocation per bound value for nothing.
    std::array<char, 128> buffer;
    if (text.size() <= qsizetype(buffer.size())) {
        qsizetype i = 0;
        for (; i < text.size() && text[i].unicode() < 0x80; ++i) {
            buffer[std::size_t(i)] = static_cast<char>(text[i].unicode());
        }
        if (i == text.size()) {
            return bindText(index, QByteArrayView(buffer.data(), i));
        }
    }
    return bindText(index, text.toUtf8());
}

Statement& Statement::bindText(int index, QByteArrayView utf8)
{
    // A non-null pointer even for "" so that empty text is '' and not NULL.
    const char* data = utf8.data() != nullptr ? utf8.data() : "";
    keepFirst(m_bindRc, sqlite3_bind_text(m_stmt, index, data, static_cast<int>(utf8.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bindBlob(int index, QByteArrayView bytes)
{
    const char* data = bytes.data() != nullptr ? bytes.data() : "";
    keepFirst(m_bindRc, sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(bytes.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bindTextNoCopy(int index, QByteArrayView utf8)
{
    const char* data = utf8.data() != nullptr ? utf8.data() : "";
    keepFirst(m_bindRc, sqlite3_bind_text(m_stmt, index, data, static_cast<int>(utf8.size()), SQLITE_STATIC));
    return *this;
}

Statement& Statement::bindBlobNoCopy(int index, QByteArrayView bytes)
{
    const char* data = bytes.data() != nullptr ? bytes.data() : "";
    keepFirst(m_bindRc, sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(bytes.size()), SQLITE_STATIC));
    return *this;
}

Statement& Statement::bindNull(int index)
{
    keepFirst(m_bindRc, sqlite3_bind_null(m_stmt, index));
    return *this;
}

Statement& Statement::bindOptional(int index, const QString& text)
{
    return text.isNull() ? bindNull(index) : bind(index, text);
}

core::Result<bool> Statement::step()
{
    if (m_stmt == nullptr) {
        return core::fail(core::Errc::Internal, QStringLiteral("step on an empty statement"));
    }
    if (m_bindRc != SQLITE_OK) {
        const int rc = std::exchange(m_bindRc, SQLITE_OK);
        return core::fail(sqliteError(rc, QStringLiteral("bind")));
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    // sqlite3_errmsg carries the extended message (e.g. which constraint failed).
    const char* message = sqlite3_errmsg(sqlite3_db_handle(m_stmt));
    core::Error error = sqliteError(rc, QStringLiteral("step"), message);
    sqlite3_reset(m_stmt);
    return core::fail(std::move(error));
}

core::Result<void> Statement::run()
{
    auto stepped = step();
    reset();
    if (!stepped) {
        return core::fail(stepped.error());
    }
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindRc = SQLITE_OK;
}

qint64 Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (text == nullptr) {
        return {};
    }
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::columnBlob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::columnView(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QString Statement::columnName(int column) const
{
    return QString::fromUtf8(sqlite3_column_name(m_stmt, column));
}

int Statement::columnType(int column) const
{
    return sqlite3_column_type(m_stmt, column);
}

} // namespace madoguchi::store
