#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "store/Database.h"
#include "store/KeyFile.h"

#include <QString>

#include <functional>
#include <memory>

namespace madoguchi::services {

// An open, keyed, schema-checked registry database with its passphrase-wrapped key file
// ("<db>.key"): what the CLI and the app hold for the length of a session.
class StoreSession final
{
public:
    enum class Schema
    {
        MustBeCurrent, // an older schema is refused: run `db migrate`
        Migrate,
    };

    // A new database: random 32-byte key, key file, schema.
    [[nodiscard]] static core::Result<StoreSession> create(const QString& dbPath, core::SecureBytes passphrase,
                                                           store::KdfParams params = {});
    [[nodiscard]] static core::Result<StoreSession> open(const QString& dbPath, core::SecureBytes passphrase,
                                                         Schema schema = Schema::MustBeCurrent);

    [[nodiscard]] store::Database& database() { return m_db; }
    [[nodiscard]] const QString& databasePath() const { return m_db.path(); }
    // A SECOND connection to the same file with the same key, for a worker thread (the import, the
    // audit page's verification): WAL lets it read and write beside the session's own connection.
    // The key stays here, in SecureBytes; the caller gets only the open connection.
    [[nodiscard]] core::Result<store::Database> openWorkerConnection() const;
    // The same as a callable that may run on any thread and outlives moves of this session (it shares
    // the key holder, so it follows rotateDatabaseKey()).
    using ConnectionOpener = std::function<core::Result<store::Database>()>;
    [[nodiscard]] ConnectionOpener workerConnectionOpener() const;
    [[nodiscard]] const QString& keyFilePath() const { return m_keyPath; }
    // New passphrase, same database key (only the key file changes).
    [[nodiscard]] core::Result<void> changePassphrase(core::SecureBytes newPassphrase);
    // New database key: the new key file is written to "<key>.new" first, then PRAGMA rekey, then it
    // replaces the old one; open() falls back to "<key>.new" if a crash hit between the two.
    [[nodiscard]] core::Result<void> rotateDatabaseKey();

private:
    struct KeyHolder;
    StoreSession(store::Database db, QString keyPath, core::SecureBytes passphrase, core::SecureBytes key);

    store::Database m_db;
    QString m_keyPath;
    core::SecureBytes m_passphrase;
    std::shared_ptr<KeyHolder> m_key; // shared with the openers handed out
};

} // namespace madoguchi::services
