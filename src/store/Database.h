#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "store/Statement.h"

#include <QString>

#include <string_view>

struct sqlite3;

namespace madoguchi::store {

// One SQLCipher connection through the C API (architecture.md §4), closed on destruction.
// open() keys the file with a raw 32-byte key and the pinned settings (CipherSettings.h), checks
// that the library really is SQLCipher and that the key fits, then sets WAL and a 64 MB cache
// (performance.md §2). Without a key the same library opens a plain file: only the benchmark's
// baseline and the "file is encrypted" test do that.
class Database final
{
public:
    enum class Mode
    {
        OpenExisting,
        CreateIfMissing,
    };

    [[nodiscard]] static core::Result<Database> open(const QString& path, const core::SecureBytes& key, Mode mode);
    // No key: a plain SQLite file (benchmarks' baseline, tests that prove a file is encrypted).
    [[nodiscard]] static core::Result<Database> openUnencrypted(const QString& path, Mode mode);
    // SQLCipher's version ("3.4.1"); fails with Errc::Unsupported when the library is plain SQLite.
    [[nodiscard]] static core::Result<QString> cipherVersion();

    Database() noexcept = default;
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] bool isOpen() const noexcept { return m_db != nullptr; }
    [[nodiscard]] const QString& path() const noexcept { return m_path; }

    // Runs one or more statements without results (DDL, pragmas, migrations).
    [[nodiscard]] core::Result<void> exec(std::string_view sql);
    [[nodiscard]] core::Result<Statement> prepare(std::string_view sql);
    // A single integer result, e.g. "PRAGMA user_version" or "SELECT count(*) ...".
    [[nodiscard]] core::Result<qint64> queryInt(std::string_view sql);
    [[nodiscard]] qint64 lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    // Re-encrypts every page under a new raw key (PRAGMA rekey); the caller stores the new key first.
    [[nodiscard]] core::Result<void> rekey(const core::SecureBytes& newKey);
    // "PRAGMA integrity_check" == "ok".
    [[nodiscard]] core::Result<void> checkIntegrity();

private:
    explicit Database(sqlite3* db, QString path) noexcept : m_db(db), m_path(std::move(path)) {}
    [[nodiscard]] static core::Result<Database> openHandle(const QString& path, Mode mode);
    [[nodiscard]] core::Result<void> applyKey(const core::SecureBytes& key);
    [[nodiscard]] core::Result<void> verifyReadable();
    [[nodiscard]] core::Result<void> tune();

    sqlite3* m_db = nullptr;
    QString m_path;
};

} // namespace madoguchi::store
