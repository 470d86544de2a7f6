#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "store/Database.h"
#include "store/KeyFile.h"

#include <QString>

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
    [[nodiscard]] const QString& keyFilePath() const { return m_keyPath; }
    // Another connection to the same file, for a worker thread (WAL lets it write beside this one).
    // Unwraps the key file again: call it on the worker, not on the GUI thread.
    [[nodiscard]] core::Result<store::Database> openConnection() const;
    // New passphrase, same database key (only the key file changes).
    [[nodiscard]] core::Result<void> changePassphrase(core::SecureBytes newPassphrase);
    // New database key: the new key file is written to "<key>.new" first, then PRAGMA rekey, then it
    // replaces the old one; open() falls back to "<key>.new" if a crash hit between the two.
    [[nodiscard]] core::Result<void> rotateDatabaseKey();

private:
    StoreSession(store::Database db, QString keyPath, core::SecureBytes passphrase);

    store::Database m_db;
    QString m_keyPath;
    core::SecureBytes m_passphrase;
};

} // namespace madoguchi::services
