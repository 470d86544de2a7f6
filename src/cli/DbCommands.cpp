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
#include "store/OsKeychain.h"
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

// The OS keychain's provider for `path`, after a probe so "no keychain here" is said once, plainly.
core::Result<std::unique_ptr<store::KeyProvider>> keychainFor(const QString& path)
{
    store::OsKeychain keychain;
    if (auto reachable = keychain.probe(); !reachable) {
        core::Error error = reachable.error();
        error.detail = QStringLiteral("--keychain: %1").arg(error.detail);
        return core::fail(std::move(error));
    }
    return keychain.providerFor(path);
}

QString wrappingName(store::KeyWrapping wrapping)
{
    return wrapping == store::KeyWrapping::KeychainAndPassphrase ? QStringLiteral("keychain+passphrase")
                                                                 : QStringLiteral("passphrase");
}

// --keychain: the key also goes into the OS keychain; the passphrase is then the recovery passphrase.
int init(CliIo& io, const QString& path, core::SecureBytes secret)
{
    store::KdfParams params;
    if (const QString n = optionValue(io.args(), QStringLiteral("--kdf-log2n")); !n.isEmpty()) {
        params.log2N = static_cast<quint8>(n.toUInt());
    }
    std::unique_ptr<store::KeyProvider> keychain;
    if (io.args().contains(QStringLiteral("--keychain"))) {
        auto provider = keychainFor(path);
        if (!provider) {
            return io.reportError(provider.error());
        }
        keychain = std::move(*provider);
    }
    auto session = StoreSession::create(path, std::move(secret), params, std::move(keychain));
    if (!session) {
        return io.reportError(session.error());
    }
    const QString wrapping = wrappingName(session->keyWrapping());
    return done(
        io,
        {{QStringLiteral("db"), path},
         {QStringLiteral("keyFile"), session->keyFilePath()},
         {QStringLiteral("keyWrapping"), wrapping},
         {QStringLiteral("schema"), store::Migrator::latestVersion()}},
        QStringLiteral("created %1 (key file %2, key wrapping %3)").arg(path, session->keyFilePath(), wrapping));
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

// --keychain / --no-keychain: the key into or out of the OS keychain (the key file stays, as the
// recovery route). Runs after any rotation, so the keychain gets the newest key.
int moveKeychain(CliIo& io, StoreSession& session)
{
    const QStringList& args = io.args();
    const bool into = args.contains(QStringLiteral("--keychain"));
    if (!into && !args.contains(QStringLiteral("--no-keychain"))) {
        return ExitOk;
    }
    core::Result<void> moved;
    if (into) {
        auto provider = keychainFor(session.databasePath());
        if (!provider) {
            return io.reportError(provider.error());
        }
        moved = session.useKeychain(std::move(*provider));
    } else {
        moved = session.stopUsingKeychain();
    }
    if (!moved) {
        return io.reportError(moved.error());
    }
    auto entry = recordKeyChange(args, session,
                                 into ? QStringLiteral("key_into_keychain") : QStringLiteral("key_out_of_keychain"));
    return entry ? ExitOk : io.reportError(entry.error());
}

int rekey(CliIo& io, StoreSession& session)
{
    const QStringList& args = io.args();
    if (!args.contains(QStringLiteral("--new-key")) &&
        optionValue(args, QStringLiteral("--new-passphrase-file")).isEmpty() &&
        !qEnvironmentVariableIsSet("MADOGUCHI_DB_NEW_PASSPHRASE") && !args.contains(QStringLiteral("--keychain")) &&
        !args.contains(QStringLiteral("--no-keychain"))) {
        return io.usageError(QStringLiteral("db rekey needs --new-key, a new passphrase "
                                            "(--new-passphrase-file or MADOGUCHI_DB_NEW_PASSPHRASE), "
                                            "--keychain or --no-keychain"));
    }
    if (args.contains(QStringLiteral("--keychain")) && args.contains(QStringLiteral("--no-keychain"))) {
        return io.usageError(QStringLiteral("db rekey: --keychain or --no-keychain, not both"));
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
    if (const int moved = moveKeychain(io, session); moved != ExitOk) {
        return moved;
    }
    const QString wrapping = wrappingName(session.keyWrapping());
    return done(io, {{QStringLiteral("keyWrapping"), wrapping}},
                QStringLiteral("rekeyed (key wrapping %1)").arg(wrapping));
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
    // A rekey of a keychain database must reach the keychain too (the rotated key replaces its entry).
    std::unique_ptr<store::KeyProvider> keychain;
    if (verb == QStringLiteral("rekey") &&
        store::KeyFile::wrapping(store::KeyFile::defaultPathFor(path)).value_or(store::KeyWrapping::PassphraseOnly) ==
            store::KeyWrapping::KeychainAndPassphrase) {
        keychain = store::OsKeychain().providerFor(path);
    }
    auto session = StoreSession::open(path, std::move(*secret), schema, std::move(keychain));
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
                           "madoguchi-cli db init --keychain ...   the key also in the OS keychain (the passphrase "
                           "is then the recovery passphrase)\n"
                           "madoguchi-cli db rekey [--new-key] [--new-passphrase-file F] [--keychain|--no-keychain]\n"
                           "  database: --db or MADOGUCHI_DB; passphrase: --passphrase-file or "
                           "MADOGUCHI_DB_PASSPHRASE; new passphrase: MADOGUCHI_DB_NEW_PASSPHRASE"),
            run};
}

} // namespace madoguchi::cli
