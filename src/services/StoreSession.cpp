#include "services/StoreSession.h"

#include "core/Logging.h"
#include "store/Migrator.h"

#include <QFile>

namespace madoguchi::services {

StoreSession::StoreSession(store::Database db, QString keyPath, core::SecureBytes passphrase)
    : m_db(std::move(db)), m_keyPath(std::move(keyPath)), m_passphrase(std::move(passphrase))
{}

core::Result<StoreSession> StoreSession::create(const QString& dbPath, core::SecureBytes passphrase,
                                                store::KdfParams params)
{
    const QString keyPath = store::KeyFile::defaultPathFor(dbPath);
    if (QFile::exists(dbPath) || QFile::exists(keyPath)) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("%1 or its key file already exists").arg(dbPath));
    }
    auto key = store::KeyFile::randomKey();
    if (!key) {
        return core::fail(key.error());
    }
    if (auto written = store::KeyFile::write(keyPath, *key, passphrase, params); !written) {
        return core::fail(written.error());
    }
    auto db = store::Database::open(dbPath, *key, store::Database::Mode::CreateIfMissing);
    if (!db) {
        return core::fail(db.error());
    }
    if (auto migrated = store::Migrator::migrate(*db); !migrated) {
        return core::fail(migrated.error());
    }
    return StoreSession(std::move(*db), keyPath, std::move(passphrase));
}

core::Result<store::Database> StoreSession::openConnection() const
{
    auto key = store::KeyFile::unwrap(m_keyPath, m_passphrase);
    if (!key) {
        return core::fail(key.error());
    }
    return store::Database::open(m_db.path(), *key, store::Database::Mode::OpenExisting);
}

core::Result<StoreSession> StoreSession::open(const QString& dbPath, core::SecureBytes passphrase, Schema schema)
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
                QFile::remove(keyPath);
                QFile::rename(pending, keyPath);
                qCWarning(lcStore) << "completed an interrupted key rotation";
            }
        }
    }
    if (!db) {
        return core::fail(db.error());
    }
    auto version = store::Migrator::currentVersion(*db);
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
        if (auto migrated = store::Migrator::migrate(*db); !migrated) {
            return core::fail(migrated.error());
        }
    }
    return StoreSession(std::move(*db), keyPath, std::move(passphrase));
}

core::Result<void> StoreSession::changePassphrase(core::SecureBytes newPassphrase)
{
    auto key = store::KeyFile::unwrap(m_keyPath, m_passphrase);
    if (!key) {
        return core::fail(key.error());
    }
    if (auto written = store::KeyFile::write(m_keyPath, *key, newPassphrase); !written) {
        return written;
    }
    m_passphrase = std::move(newPassphrase);
    return {};
}

core::Result<void> StoreSession::rotateDatabaseKey()
{
    auto fresh = store::KeyFile::randomKey();
    if (!fresh) {
        return core::fail(fresh.error());
    }
    const QString pending = m_keyPath + QStringLiteral(".new");
    if (auto written = store::KeyFile::write(pending, *fresh, m_passphrase); !written) {
        return written;
    }
    if (auto rekeyed = m_db.rekey(*fresh); !rekeyed) {
        QFile::remove(pending);
        return rekeyed;
    }
    QFile::remove(m_keyPath);
    if (!QFile::rename(pending, m_keyPath)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot move %1 into place").arg(pending));
    }
    return {};
}

} // namespace madoguchi::services
