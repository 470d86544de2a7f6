#include "store/Migrator.h"

#include "core/Logging.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace madoguchi::store {

namespace {

int versionOf(const QString& path)
{
    return QFileInfo(path).fileName().left(4).toInt();
}

core::Result<void> applyOne(Database& db, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Internal, QStringLiteral("missing migration %1").arg(path));
    }
    const QByteArray sql = file.readAll();
    auto tx = Transaction::begin(db);
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto applied = db.exec(sql.toStdString()); !applied) {
        core::Error error = applied.error();
        error.detail = QFileInfo(path).fileName() + QStringLiteral(": ") + error.detail;
        return core::fail(std::move(error));
    }
    auto record = db.prepare("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)");
    if (!record) {
        return core::fail(record.error());
    }
    record->bind(1, versionOf(path)).bind(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (auto ran = record->run(); !ran) {
        return ran;
    }
    return tx->commit();
}

} // namespace

QStringList Migrator::migrations()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString& name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        paths << dir.filePath(name);
    }
    return paths;
}

int Migrator::latestVersion()
{
    const QStringList all = migrations();
    return all.isEmpty() ? 0 : versionOf(all.last());
}

core::Result<int> Migrator::currentVersion(Database& db)
{
    auto exists = db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    if (!exists) {
        return core::fail(exists.error());
    }
    if (*exists == 0) {
        return 0;
    }
    auto version = db.queryInt("SELECT coalesce(max(version), 0) FROM schema_version");
    if (!version) {
        return core::fail(version.error());
    }
    return static_cast<int>(*version);
}

core::Result<int> Migrator::migrate(Database& db, int target)
{
    if (auto made = db.exec("CREATE TABLE IF NOT EXISTS schema_version ("
                            "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        !made) {
        return core::fail(made.error());
    }
    auto current = currentVersion(db);
    if (!current) {
        return current;
    }
    const int latest = latestVersion();
    if (*current > latest) {
        return core::fail(
            core::Errc::Unsupported,
            QStringLiteral("database schema %1 is newer than this program (%2)").arg(*current).arg(latest));
    }
    const int goal = target < 0 ? latest : std::min(target, latest);
    int reached = *current;
    for (const QString& path : migrations()) {
        const int version = versionOf(path);
        if (version <= reached || version > goal) {
            continue;
        }
        if (auto applied = applyOne(db, path); !applied) {
            return core::fail(applied.error());
        }
        qCInfo(lcStore) << "applied migration" << QFileInfo(path).fileName();
        reached = version;
    }
    return reached;
}

} // namespace madoguchi::store
