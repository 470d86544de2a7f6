// `madoguchi-cli db init|rekey|migrate|check` (issue 4 item 7).
#include "cli/Groups.h"
#include "cli/StoreOptions.h"

#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"
#include "services/StoreSession.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/PassphraseKeyProvider.h"

#include <QJsonObject>

namespace madoguchi::cli {

namespace {

using services::StoreSession;

int done(CliIo& io, QJsonObject result, const QString& text)
{
    if (io.json()) {
        result.insert(QStringLiteral("ok"), true);
        io.printJson(result);
    } else {
        io.out() << text << Qt::endl;
    }
    return ExitOk;
}

int init(CliIo& io, const QString& path, core::SecureBytes secret)
{
    store::KdfParams params;
    if (const QString n = optionValue(io.args(), QStringLiteral("--kdf-log2n")); !n.isEmpty()) {
        params.log2N = static_cast<quint8>(n.toUInt());
    }
    auto session = StoreSession::create(path, std::move(secret), params);
    if (!session) {
        return io.reportError(session.error());
    }
    return done(io,
                {{QStringLiteral("db"), path},
                 {QStringLiteral("keyFile"), session->keyFilePath()},
                 {QStringLiteral("schema"), store::Migrator::latestVersion()}},
                QStringLiteral("created %1 (key file %2)").arg(path, session->keyFilePath()));
}

// Key changes are recorded (issue 5 item 1). PRAGMA rekey cannot run inside a transaction and the
// passphrase lives in the key file, so the entry follows the change at once, in its own transaction.
core::Result<qint64> recordKeyChange(const QStringList& args, StoreSession& session, const QString& change)
{
    auto op = cliOperator(args);
    if (!op) {
        return core::fail(op.error());
    }
    core::SystemClock clock;
    auto log = services::AuditSetup::openLog(session.database(), session.databasePath(), clock);
    if (!log) {
        return core::fail(log.error());
    }
    return services::AuditTrail(*log).configurationChanged(*op, QStringLiteral("db_key"),
                                                           QStringLiteral("db:") + session.keyFilePath(),
                                                           {{QStringLiteral("change"), change}});
}

int rekey(CliIo& io, StoreSession& session)
{
    const QStringList& args = io.args();
    if (!args.contains(QStringLiteral("--new-key")) &&
        optionValue(args, QStringLiteral("--new-passphrase-file")).isEmpty() &&
        !qEnvironmentVariableIsSet("MADOGUCHI_DB_NEW_PASSPHRASE")) {
        return io.usageError(QStringLiteral("db rekey needs --new-key and/or a new passphrase "
                                            "(--new-passphrase-file or MADOGUCHI_DB_NEW_PASSPHRASE)"));
    }
    if (args.contains(QStringLiteral("--new-key"))) {
        if (auto rotated = session.rotateDatabaseKey(); !rotated) {
            return io.reportError(rotated.error());
        }
        if (auto entry = recordKeyChange(args, session, QStringLiteral("database_key_rotated")); !entry) {
            return io.reportError(entry.error());
        }
    }
    const QString newFile = optionValue(args, QStringLiteral("--new-passphrase-file"));
    if (!newFile.isEmpty() || qEnvironmentVariableIsSet("MADOGUCHI_DB_NEW_PASSPHRASE")) {
        auto fresh = store::PassphraseKeyProvider::readPassphrase(newFile, "MADOGUCHI_DB_NEW_PASSPHRASE");
        if (!fresh) {
            return io.reportError(fresh.error());
        }
        if (auto changed = session.changePassphrase(std::move(*fresh)); !changed) {
            return io.reportError(changed.error());
        }
        if (auto entry = recordKeyChange(args, session, QStringLiteral("passphrase_changed")); !entry) {
            return io.reportError(entry.error());
        }
    }
    return done(io, {}, QStringLiteral("rekeyed"));
}

int check(CliIo& io, StoreSession& session)
{
    store::Database& db = session.database();
    if (auto intact = db.checkIntegrity(); !intact) {
        return io.reportError(intact.error());
    }
    const QString cipher = store::Database::cipherVersion().value_or(QString());
    const qint64 linkages = db.queryInt("SELECT count(*) FROM linkage_version").value_or(-1);
    const qint64 unsent = db.queryInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL").value_or(-1);
    const int schema = store::Migrator::currentVersion(db).value_or(-1);
    return done(io,
                {{QStringLiteral("integrity"), QStringLiteral("ok")},
                 {QStringLiteral("sqlcipher"), cipher},
                 {QStringLiteral("schema"), schema},
                 {QStringLiteral("linkageVersions"), linkages},
                 {QStringLiteral("outboxUnsent"), unsent}},
                QStringLiteral("integrity ok; SQLCipher %1; schema %2; %3 linkage versions; %4 unsent changes")
                    .arg(cipher)
                    .arg(schema)
                    .arg(linkages)
                    .arg(unsent));
}

int run(CliIo& io)
{
    const QString verb = io.args().value(0);
    const QString path = databasePath(io.args());
    if (path.isEmpty()) {
        return io.usageError(QStringLiteral("no database: --db PATH or MADOGUCHI_DB"));
    }
    auto secret = databasePassphrase(io.args());
    if (!secret) {
        return io.reportError(secret.error());
    }
    if (verb == QStringLiteral("init")) {
        return init(io, path, std::move(*secret));
    }
    const auto schema =
        verb == QStringLiteral("migrate") ? StoreSession::Schema::Migrate : StoreSession::Schema::MustBeCurrent;
    auto session = StoreSession::open(path, std::move(*secret), schema);
    if (!session) {
        return io.reportError(session.error());
    }
    if (verb == QStringLiteral("migrate")) {
        return done(io, {{QStringLiteral("schema"), store::Migrator::latestVersion()}},
                    QStringLiteral("schema at version %1").arg(store::Migrator::latestVersion()));
    }
    if (verb == QStringLiteral("rekey")) {
        return rekey(io, *session);
    }
    if (verb == QStringLiteral("check")) {
        return check(io, *session);
    }
    return io.usageError(QStringLiteral("unknown verb: db %1").arg(verb));
}

} // namespace

CommandGroup dbCommands()
{
    return {QStringLiteral("db"), QStringLiteral("the encrypted local registry (init, rekey, migrate, check)"),
            QStringLiteral("madoguchi-cli db init|migrate|check [--db PATH] [--passphrase-file F] [--kdf-log2n N]\n"
                           "madoguchi-cli db rekey [--new-key] [--new-passphrase-file F]\n"
                           "  database: --db or MADOGUCHI_DB; passphrase: --passphrase-file or "
                           "MADOGUCHI_DB_PASSPHRASE; new passphrase: MADOGUCHI_DB_NEW_PASSPHRASE"),
            run};
}

} // namespace madoguchi::cli
