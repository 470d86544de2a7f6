#include "services/StoreSession.h"

#include "core/Logging.h"
#include "store/Migrator.h"

#include <QFile>

#include <mutex>

namespace madoguchi::services {

// The raw database key, shared by the session and the openers it handed out; workers read it while
// the GUI thread may rotate it, hence the mutex.
struct StoreSession::KeyHolder
{
    std::mutex mutex;
    core::SecureBytes key;
    QString path;

    core::Result<store::Database> open()
    {
        const std::lock_guard lock(mutex);
        return store::Database::open(path, key, store::Database::Mode::OpenExisting);
    }
};

StoreSession::StoreSession(store::Database db, QString keyPath, core::SecureBytes passphrase, core::SecureBytes key)
    : m_db(std::move(db)), m_keyPath(std::move(keyPath)), m_passphrase(std::move(passphrase)),
      m_key(std::make_shared<KeyHolder>())
{
    m_key->key = std::move(key);
    m_key->path = m_db.path();
}

core::Result<store::Database> StoreSession::openWorkerConnection() const
{
    return m_key->open();
}

StoreSession::ConnectionOpener StoreSession::workerConnectionOpener() const
{
    return [holder = m_key]() { return holder->open(); };
}

core::Result<StoreSession> StoreSession::create(const QString& dbPath, core::SecureBytes passphrase,
                                                store::KdfParams params, std::unique_ptr<store::KeyProvider> keychain)
{
    const QString keyPath = store::KeyFile::defaultPathFor(dbPath);
    if (QFile::exists(dbPath) || QFile::exists(keyPath)) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("%1 or its key file already exists").arg(dbPath));
    }
    auto key = store::KeyFile::randomKey();
    if (!key) {
        return core::fail(key.error());
    }
    const auto wrapping = keychain ? store::KeyWrapping::KeychainAndPassphrase : store::KeyWrapping::PassphraseOnly;
    if (keychain) {
        if (auto stored = keychain->storeDatabaseKey(*key); !stored) {
            return core::fail(stored.error());
        }
    }
    if (auto written = store::KeyFile::write(keyPath, *key, passphrase, params, wrapping); !written) {
        if (keychain) {
            (void)keychain->removeDatabaseKey(); // best effort: the written error is the one to report
        }
        return core::fail(written.error());
    }
    auto db = store::Database::open(dbPath, *key, store::Database::Mode::CreateIfMissing);
    if (!db) {
        return core::fail(db.error());
    }
    if (auto migrated = store::Migrator::migrate(*db); !migrated) {
        return core::fail(migrated.error());
    }
    StoreSession session(std::move(*db), keyPath, std::move(passphrase), std::move(*key));
    session.m_wrapping = wrapping;
    session.m_keychain = std::move(keychain);
    return session;
}

core::Result<StoreSession> StoreSession::open(const QString& dbPath, core::SecureBytes passphrase, Schema schema,
                                              std::unique_ptr<store::KeyProvider> keychain)
{
    const QString keyPath = store::KeyFile::defaultPathFor(dbPath);
    auto key = store::KeyFile::unwrap(keyPath, passphrase);
    if (!key) {
        return core::fail(key.error());
    }
    auto db = store::Database::open(dbPath, *key, store::Database::Mode::OpenExisting);
    const QString pending = keyPath + QStringLiteral(".new");
    if (!db && db.error().code == core::Errc::WrongKey && QFile::exists(pending)) {
        // A key rotation was interrupted after PRAGMA rekey: the pending key file is the right one.
        auto newKey = store::KeyFile::unwrap(pending, passphrase);
        if (newKey) {
            db = store::Database::open(dbPath, *newKey, store::Database::Mode::OpenExisting);
            if (db) {
                key = std::move(newKey);
                QFile::remove(keyPath);
                QFile::rename(pending, keyPath);
                qCWarning(lcStore) << "completed an interrupted key rotation";
            }
        }
    }
    if (!db) {
        return core::fail(db.error());
    }
    StoreSession session(std::move(*db), keyPath, std::move(passphrase), std::move(*key));
    session.m_wrapping = store::KeyFile::wrapping(keyPath).value_or(store::KeyWrapping::PassphraseOnly);
    if (session.m_wrapping == store::KeyWrapping::KeychainAndPassphrase && keychain) {
        session.m_keychain = std::move(keychain);
        session.repairKeychainEntry();
    }
    return checkSchema(std::move(session), schema);
}

core::Result<StoreSession> StoreSession::openFromKeychain(const QString& dbPath,
                                                          std::unique_ptr<store::KeyProvider> keychain, Schema schema)
{
    const QString keyPath = store::KeyFile::defaultPathFor(dbPath);
    auto wrapping = store::KeyFile::wrapping(keyPath);
    if (!wrapping) {
        return core::fail(wrapping.error());
    }
    if (*wrapping != store::KeyWrapping::KeychainAndPassphrase || !keychain) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("the key file of %1 does not record the OS keychain").arg(dbPath));
    }
    auto key = keychain->databaseKey();
    if (!key) {
        return core::fail(key.error());
    }
    auto db = store::Database::open(dbPath, *key, store::Database::Mode::OpenExisting);
    if (!db) {
        return core::fail(db.error());
    }
    StoreSession session(std::move(*db), keyPath, core::SecureBytes(), std::move(*key));
    session.m_wrapping = *wrapping;
    session.m_keychain = std::move(keychain);
    return checkSchema(std::move(session), schema);
}

core::Result<StoreSession> StoreSession::checkSchema(StoreSession session, Schema schema)
{
    auto version = store::Migrator::currentVersion(session.m_db);
    if (!version) {
        return core::fail(version.error());
    }
    if (*version < store::Migrator::latestVersion()) {
        if (schema == Schema::MustBeCurrent) {
            return core::fail(core::Errc::Unsupported,
                              QStringLiteral("database schema %1 is older than %2: run `db migrate`")
                                  .arg(*version)
                                  .arg(store::Migrator::latestVersion()));
        }
        if (auto migrated = store::Migrator::migrate(session.m_db); !migrated) {
            return core::fail(migrated.error());
        }
    }
    return session;
}

core::SecureBytes StoreSession::currentKey() const
{
    const std::lock_guard lock(m_key->mutex);
    return m_key->key.clone();
}

core::Result<void> StoreSession::needPassphrase(const char* what) const
{
    if (m_passphrase.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("%1 needs the recovery passphrase: this session was opened from the OS "
                                         "keychain")
                              .arg(QString::fromLatin1(what)));
    }
    return {};
}

// The passphrase opened a database whose key file says the keychain has the key: when the entry is
// gone or stale (a rotation interrupted before its last step), put the right key back.
void StoreSession::repairKeychainEntry()
{
    const core::SecureBytes key = currentKey();
    auto held = m_keychain->databaseKey();
    if (held && held->equals(key)) {
        return;
    }
    if (!held && held.error().code != core::Errc::NotFound && held.error().code != core::Errc::WrongKey) {
        qCWarning(lcStore) << "OS keychain not usable now; the key file's passphrase stays the way in:"
                           << held.error().toString();
        return;
    }
    if (auto stored = m_keychain->storeDatabaseKey(key); !stored) {
        qCWarning(lcStore) << "could not restore the database key in the OS keychain:" << stored.error().toString();
        return;
    }
    qCInfo(lcStore) << "restored the database key in the OS keychain";
}

core::Result<void> StoreSession::changePassphrase(core::SecureBytes newPassphrase)
{
    // The key that opened the database is the truth; a session opened from the keychain has no old
    // passphrase to unwrap with, and needs none to set a new recovery passphrase.
    if (auto written = store::KeyFile::write(m_keyPath, currentKey(), newPassphrase, {}, m_wrapping); !written) {
        return written;
    }
    m_passphrase = std::move(newPassphrase);
    return {};
}

core::Result<void> StoreSession::rotateDatabaseKey()
{
    if (auto allowed = needPassphrase("rotating the database key"); !allowed) {
        return allowed;
    }
    auto fresh = store::KeyFile::randomKey();
    if (!fresh) {
        return core::fail(fresh.error());
    }
    const QString pending = m_keyPath + QStringLiteral(".new");
    if (auto written = store::KeyFile::write(pending, *fresh, m_passphrase, {}, m_wrapping); !written) {
        return written;
    }
    {
        const std::lock_guard lock(m_key->mutex); // no worker opens with the old key meanwhile
        if (auto rekeyed = m_db.rekey(*fresh); !rekeyed) {
            QFile::remove(pending);
            return rekeyed;
        }
        m_key->key = std::move(*fresh);
    }
    QFile::remove(m_keyPath);
    if (!QFile::rename(pending, m_keyPath)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot move %1 into place").arg(pending));
    }
    if (m_wrapping == store::KeyWrapping::KeychainAndPassphrase) {
        if (!m_keychain) {
            qCWarning(lcStore) << "key rotated without the OS keychain at hand: the next start asks for the "
                                  "recovery passphrase and then updates the keychain";
            return {};
        }
        if (auto stored = m_keychain->storeDatabaseKey(currentKey()); !stored) {
            core::Error error = stored.error();
            error.detail = QStringLiteral("database key rotated, but the OS keychain entry still has the old one "
                                          "(%1): the next start needs the recovery passphrase")
                               .arg(error.detail);
            return core::fail(std::move(error));
        }
    }
    return {};
}

core::Result<void> StoreSession::useKeychain(std::unique_ptr<store::KeyProvider> keychain)
{
    if (auto allowed = needPassphrase("moving the key into the OS keychain"); !allowed) {
        return allowed;
    }
    if (!keychain) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("no OS keychain"));
    }
    if (auto stored = keychain->storeDatabaseKey(currentKey()); !stored) {
        return stored;
    }
    if (auto written =
            store::KeyFile::write(m_keyPath, currentKey(), m_passphrase, {}, store::KeyWrapping::KeychainAndPassphrase);
        !written) {
        (void)keychain->removeDatabaseKey(); // the key file still says "passphrase only"
        return written;
    }
    m_wrapping = store::KeyWrapping::KeychainAndPassphrase;
    m_keychain = std::move(keychain);
    return {};
}

core::Result<void> StoreSession::stopUsingKeychain()
{
    if (auto allowed = needPassphrase("taking the key out of the OS keychain"); !allowed) {
        return allowed;
    }
    if (auto written =
            store::KeyFile::write(m_keyPath, currentKey(), m_passphrase, {}, store::KeyWrapping::PassphraseOnly);
        !written) {
        return written;
    }
    m_wrapping = store::KeyWrapping::PassphraseOnly;
    auto keychain = std::move(m_keychain);
    if (keychain) {
        // The key file no longer points there; a copy left behind would be a key nobody looks after.
        return keychain->removeDatabaseKey();
    }
    return {};
}

} // namespace madoguchi::services
