#include "store/Database.h"

#include "core/Logging.h"
#include "store/CipherSettings.h"
#include "store/SqliteErrors.h"

#include <QFileInfo>

#include <sqlite3.h>

#include <utility>

namespace madoguchi::store {

namespace {

// x'<64 hex digits>': SQLCipher's raw-key syntax, which bypasses its PBKDF2 (CipherSettings.h).
core::SecureBytes rawKeyLiteral(const core::SecureBytes& key)
{
    static constexpr char Hex[] = "0123456789abcdef";
    core::SecureBytes literal;
    literal.append(QByteArrayView("x'"));
    for (std::size_t i = 0; i < key.size(); ++i) {
        literal.append(static_cast<std::uint8_t>(Hex[key[i] >> 4]));
        literal.append(static_cast<std::uint8_t>(Hex[key[i] & 0x0f]));
    }
    literal.append(static_cast<std::uint8_t>('\''));
    return literal;
}

} // namespace

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

core::Result<QString> Database::cipherVersion()
{
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr);
    Database memory(db, QStringLiteral(":memory:"));
    if (rc != SQLITE_OK) {
        return core::fail(sqliteError(rc, QStringLiteral("open :memory:")));
    }
    auto stmt = memory.prepare("PRAGMA cipher_version");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    auto row = stmt->step();
    const QString version = (row && *row) ? stmt->columnText(0) : QString();
    if (version.isEmpty()) {
        // Plain SQLite won the symbol race (toolchain.md): refuse rather than write clear text.
        return core::fail(core::Errc::Unsupported, QStringLiteral("the linked SQLite is not SQLCipher"));
    }
    return version;
}

core::Result<Database> Database::openHandle(const QString& path, Mode mode)
{
    if (auto version = cipherVersion(); !version) {
        return core::fail(version.error());
    }
    if (mode == Mode::OpenExisting && !QFileInfo::exists(path)) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no database at %1").arg(path));
    }
    int flags = SQLITE_OPEN_READWRITE | (mode == Mode::CreateIfMissing ? SQLITE_OPEN_CREATE : 0);
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    Database database(db, path);
    if (rc != SQLITE_OK) {
        return core::fail(sqliteError(rc, QStringLiteral("open %1").arg(path)));
    }
    sqlite3_extended_result_codes(db, 1);
    return database;
}

core::Result<Database> Database::open(const QString& path, const core::SecureBytes& key, Mode mode)
{
    if (key.size() != DatabaseKeySize) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("database key must be 32 bytes"));
    }
    auto database = openHandle(path, mode);
    if (!database) {
        return database;
    }
    if (auto keyed = database->applyKey(key); !keyed) {
        return core::fail(keyed.error());
    }
    if (auto readable = database->verifyReadable(); !readable) {
        return core::fail(readable.error());
    }
    if (auto tuned = database->tune(); !tuned) {
        return core::fail(tuned.error());
    }
    return database;
}

core::Result<Database> Database::openUnencrypted(const QString& path, Mode mode)
{
    auto database = openHandle(path, mode);
    if (!database) {
        return database;
    }
    // Same page size as the encrypted files so the baseline compares like with like.
    if (auto paged = database->exec("PRAGMA page_size = 4096"); !paged) {
        return core::fail(paged.error());
    }
    if (auto readable = database->verifyReadable(); !readable) {
        return core::fail(readable.error());
    }
    if (auto tuned = database->tune(); !tuned) {
        return core::fail(tuned.error());
    }
    return database;
}

core::Result<void> Database::applyKey(const core::SecureBytes& key)
{
    const core::SecureBytes literal = rawKeyLiteral(key);
    const int rc = sqlite3_key(m_db, literal.data(), static_cast<int>(literal.size()));
    if (rc != SQLITE_OK) {
        return core::fail(sqliteError(rc, QStringLiteral("sqlite3_key")));
    }
    return exec(CipherCompatibilityPragmas);
}

core::Result<void> Database::verifyReadable()
{
    // Reads page 1: the first statement that fails on a wrong key or a foreign file (toolchain.md:
    // "select 1" reads no page and succeeds on anything).
    auto count = queryInt("SELECT count(*) FROM sqlite_master");
    if (!count) {
        core::Error error = count.error();
        if (error.code == core::Errc::WrongKey) {
            error.detail = QStringLiteral("wrong key, or not a Madoguchi database (%1)").arg(m_path);
        }
        return core::fail(std::move(error));
    }
    return {};
}

core::Result<void> Database::tune()
{
    // WAL: ~8x the commit rate of the rollback journal (performance.md §2); NORMAL sync is durable
    // in WAL mode against process crashes, losing at most the last commit on power loss.
    return exec("PRAGMA journal_mode = WAL;"
                "PRAGMA synchronous = NORMAL;"
                "PRAGMA cache_size = -65536;"
                "PRAGMA foreign_keys = ON;"
                "PRAGMA temp_store = MEMORY;"
                // Several connections write to one file in the app (the GUI's, the import's, the sync
                // worker's): a writer waits up to 5 s for another's commit instead of failing at once.
                "PRAGMA busy_timeout = 5000;");
}

core::Result<void> Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        core::Error error = sqliteError(rc, QStringLiteral("exec"), message);
        sqlite3_free(message);
        return core::fail(std::move(error));
    }
    return {};
}

core::Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return core::fail(sqliteError(rc, QStringLiteral("prepare"), sqlite3_errmsg(m_db)));
    }
    return Statement(stmt);
}

core::Result<qint64> Database::queryInt(std::string_view sql)
{
    auto stmt = prepare(sql);
    if (!stmt) {
        return core::fail(stmt.error());
    }
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    return *row ? stmt->columnInt64(0) : 0;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

core::Result<void> Database::rekey(const core::SecureBytes& newKey)
{
    if (newKey.size() != DatabaseKeySize) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("database key must be 32 bytes"));
    }
    const core::SecureBytes literal = rawKeyLiteral(newKey);
    const int rc = sqlite3_rekey(m_db, literal.data(), static_cast<int>(literal.size()));
    if (rc != SQLITE_OK) {
        return core::fail(sqliteError(rc, QStringLiteral("sqlite3_rekey"), sqlite3_errmsg(m_db)));
    }
    qCInfo(lcStore) << "database re-encrypted under a new key";
    return {};
}

core::Result<void> Database::checkIntegrity()
{
    auto stmt = prepare("PRAGMA integrity_check");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    const QString verdict = *row ? stmt->columnText(0) : QString();
    if (verdict != QStringLiteral("ok")) {
        return core::fail(core::Errc::StoreFailure, QStringLiteral("integrity check: %1").arg(verdict.left(200)));
    }
    return {};
}

} // namespace madoguchi::store
