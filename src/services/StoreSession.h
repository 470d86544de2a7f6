#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "store/Database.h"
#include "store/KeyFile.h"
#include "store/KeyProvider.h"

#include <QString>

#include <functional>
#include <memory>

namespace madoguchi::services {

// An open, keyed, schema-checked registry database with its passphrase-wrapped key file
// ("<db>.key"): what the CLI and the app hold for the length of a session. When the key file records
// KeyWrapping::KeychainAndPassphrase the OS keychain holds the same key, so the app opens without a
// prompt (openFromKeychain); the key file's passphrase is then the recovery passphrase.
class StoreSession final
{
public:
    enum class Schema
    {
        MustBeCurrent, // an older schema is refused: run `db migrate`
        Migrate,
    };

    // A new database: random 32-byte key, key file, schema. With `keychain` the key is stored there
    // too and the key file records it; if the keychain refuses, nothing is created.
    [[nodiscard]] static core::Result<StoreSession> create(const QString& dbPath, core::SecureBytes passphrase,
                                                           store::KdfParams params = {},
                                                           std::unique_ptr<store::KeyProvider> keychain = nullptr);
    // With the (recovery) passphrase. `keychain` matters only when the key file records the keychain:
    // the session keeps it for rotations, and puts the key back when its entry is missing or stale
    // (a failure to do so is logged, not fatal: the passphrase opened the database).
    [[nodiscard]] static core::Result<StoreSession> open(const QString& dbPath, core::SecureBytes passphrase,
                                                         Schema schema = Schema::MustBeCurrent,
                                                         std::unique_ptr<store::KeyProvider> keychain = nullptr);
    // Without a prompt: the key from the OS keychain. Fails with the keychain's error (NotFound: no
    // entry; Unsupported: no keychain here; PermissionDenied: locked or refused; Timeout), WrongKey
    // when its key does not open the database, InvalidArgument when the key file does not record
    // the keychain. The caller then asks for the recovery passphrase (open()).
    [[nodiscard]] static core::Result<StoreSession> openFromKeychain(const QString& dbPath,
                                                                     std::unique_ptr<store::KeyProvider> keychain,
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
    [[nodiscard]] store::KeyWrapping keyWrapping() const { return m_wrapping; }
    // New passphrase, same database key (only the key file changes; the wrapping is kept).
    [[nodiscard]] core::Result<void> changePassphrase(core::SecureBytes newPassphrase);
    // New database key: the new key file is written to "<key>.new" first, then PRAGMA rekey, then it
    // replaces the old one; open() falls back to "<key>.new" if a crash hit between the two. With the
    // keychain, its entry is updated last (if that fails, the recovery passphrase opens and repairs).
    // Needs the passphrase: InvalidArgument for a session opened from the keychain.
    [[nodiscard]] core::Result<void> rotateDatabaseKey();
    // Puts the key into the keychain and records that in the key file (the passphrase stays, as the
    // recovery passphrase), or takes it out again. Both need the passphrase, as above.
    [[nodiscard]] core::Result<void> useKeychain(std::unique_ptr<store::KeyProvider> keychain);
    [[nodiscard]] core::Result<void> stopUsingKeychain();

private:
    struct KeyHolder;
    StoreSession(store::Database db, QString keyPath, core::SecureBytes passphrase, core::SecureBytes key);
    [[nodiscard]] static core::Result<StoreSession> checkSchema(StoreSession session, Schema schema);
    [[nodiscard]] core::Result<void> needPassphrase(const char* what) const;
    [[nodiscard]] core::SecureBytes currentKey() const;
    void repairKeychainEntry();

    store::Database m_db;
    QString m_keyPath;
    core::SecureBytes m_passphrase;   // empty when opened from the keychain
    std::shared_ptr<KeyHolder> m_key; // shared with the openers handed out
    store::KeyWrapping m_wrapping = store::KeyWrapping::PassphraseOnly;
    std::unique_ptr<store::KeyProvider> m_keychain; // set only with KeyWrapping::KeychainAndPassphrase
};

} // namespace madoguchi::services
