#include "platformd/Migrations.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>

namespace madoguchi::platformd {

namespace {

constexpr const char* LockKey = "724100017"; // any constant shared by all instances

core::Result<int> currentVersion(PgConnection& connection)
{
    auto created = connection.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                                   "applied_at timestamptz NOT NULL DEFAULT now())");
    if (!created) {
        return core::fail(created.error());
    }
    auto result = connection.exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!result) {
        return core::fail(result.error());
    }
    return static_cast<int>(result->integer(0, 0));
}

core::Result<void> applyOne(PgConnection& connection, int version, const QByteArray& sql)
{
    QByteArray script = QByteArrayLiteral("BEGIN;\n") + sql +
                        QByteArrayLiteral("\nINSERT INTO schema_migrations(version) VALUES (") +
                        QByteArray::number(version) + QByteArrayLiteral(");\nCOMMIT;");
    if (auto ok = connection.execScript(script); !ok) {
        (void)connection.execScript("ROLLBACK");
        return ok;
    }
    return {};
}

} // namespace

core::Result<int> Migrations::apply(PgConnection& connection)
{
    if (auto locked = connection.exec("SELECT pg_advisory_lock($1::bigint)", {QByteArray(LockKey)}); !locked) {
        return core::fail(locked.error());
    }
    auto current = currentVersion(connection);
    int applied = 0;
    core::Result<int> outcome = current;
    if (current) {
        const QDir dir(QStringLiteral(":/platform/migrations"));
        for (const QString& name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
            const int version = name.left(4).toInt();
            if (version <= *current) {
                continue;
            }
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                outcome = core::fail(core::Errc::Io, name);
                break;
            }
            if (auto ok = applyOne(connection, version, file.readAll()); !ok) {
                outcome = core::fail(ok.error().code, QStringLiteral("%1: %2").arg(name, ok.error().detail));
                break;
            }
            qCInfo(lcPlatform).noquote() << "migration applied:" << name;
            ++applied;
        }
        if (outcome) {
            outcome = applied;
        }
    }
    (void)connection.exec("SELECT pg_advisory_unlock($1::bigint)", {QByteArray(LockKey)});
    return outcome;
}

} // namespace madoguchi::platformd
