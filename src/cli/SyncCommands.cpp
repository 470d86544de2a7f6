// `madoguchi-cli sync …`: terminal registration, a sync run of the counter's own store (what the app's
// Sync page does, for scripts) and a scripted push of a JSON file of linkages (architecture.md §7).
#include "cli/Groups.h"

#include "cli/StoreOptions.h"
#include "core/Clock.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditSetup.h"
#include "services/StoreSession.h"
#include "services/SyncService.h"

#include "sync/EnrolmentClient.h"
#include "sync/InMemoryOutbox.h"
#include "sync/InMemorySyncSink.h"
#include "sync/SyncClient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace madoguchi::cli {

namespace {

// --name value pairs after the verb.
QHash<QString, QString> options(const QStringList& args)
{
    QHash<QString, QString> parsed;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        parsed.insert(args[i], args[i + 1]);
    }
    return parsed;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes, bool secret)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    if (secret) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return file.write(bytes) == bytes.size();
}

// Runs `client` to its finished() signal.
bool waitFor(sync::EnrolmentClient& client, const std::function<void()>& start)
{
    QEventLoop loop;
    bool ok = false;
    bool done = false;
    QObject::connect(&client, &sync::EnrolmentClient::finished, &loop, [&](bool result) {
        ok = result;
        done = true;
        loop.quit();
    });
    start();
    if (!done) {
        loop.exec();
    }
    return ok;
}

// terminal.pem, terminal.key (0600), ca.pem and — when fetched — vault.pem, the key
// services::loadVaultSealer seals credit-card numbers to (docs/vault.md).
bool writeCredentials(const QDir& out, const sync::TerminalCredentials& c)
{
    QDir().mkpath(out.path());
    return writeFile(out.filePath(QStringLiteral("terminal.pem")), c.certificatePem, false) &&
           writeFile(out.filePath(QStringLiteral("terminal.key")), c.privateKeyPem, true) &&
           writeFile(out.filePath(QStringLiteral("ca.pem")), c.caPem, false) &&
           (c.vaultPublicKeyPem.isEmpty() ||
            writeFile(out.filePath(QStringLiteral("vault.pem")), c.vaultPublicKeyPem, false));
}

int enrol(CliIo& io)
{
    const auto o = options(io.args());
    for (const char* name : {"--url", "--ca", "--terminal", "--code", "--out"}) {
        if (!o.contains(QLatin1String(name))) {
            return io.usageError(QStringLiteral("%1 is required").arg(QLatin1String(name)));
        }
    }
    sync::EnrolmentClient client;
    const bool ok = waitFor(client, [&] {
        client.start(QUrl(o.value(QStringLiteral("--url"))), readFile(o.value(QStringLiteral("--ca"))),
                     o.value(QStringLiteral("--terminal")), o.value(QStringLiteral("--code")));
    });
    const QDir out(o.value(QStringLiteral("--out")));
    // Registered but the vault key not fetched: the certificate is kept (the one-time code is spent);
    // `sync vault-key` fetches the key later.
    if (!client.credentials().certificatePem.isEmpty() && !writeCredentials(out, client.credentials())) {
        return io.reportError(core::Error{core::Errc::Io, QStringLiteral("cannot write to %1").arg(out.path()), 0});
    }
    if (!ok) {
        return io.reportError(
            client.lastError().value_or(core::Error{core::Errc::NetworkFailure, QStringLiteral("enrol"), 0}));
    }
    io.printJson({{QStringLiteral("ok"), true},
                  {QStringLiteral("credentials"), out.path()},
                  {QStringLiteral("vaultKey"), out.filePath(QStringLiteral("vault.pem"))}});
    return ExitOk;
}

// The vault key again, with the terminal's existing certificate (a failed first fetch, a new vault key).
int vaultKey(CliIo& io)
{
    const auto o = options(io.args());
    if (!o.contains(QStringLiteral("--url")) || !o.contains(QStringLiteral("--credentials"))) {
        return io.usageError(QStringLiteral("--url and --credentials are required"));
    }
    const QDir creds(o.value(QStringLiteral("--credentials")));
    const sync::TerminalCredentials registered{readFile(creds.filePath(QStringLiteral("terminal.pem"))),
                                               readFile(creds.filePath(QStringLiteral("terminal.key"))),
                                               readFile(creds.filePath(QStringLiteral("ca.pem"))),
                                               {}};
    sync::EnrolmentClient client;
    const bool ok = waitFor(client, [&] { client.fetchVaultKey(QUrl(o.value(QStringLiteral("--url"))), registered); });
    if (!ok) {
        return io.reportError(
            client.lastError().value_or(core::Error{core::Errc::NetworkFailure, QStringLiteral("vault key"), 0}));
    }
    if (!writeFile(creds.filePath(QStringLiteral("vault.pem")), client.credentials().vaultPublicKeyPem, false)) {
        return io.reportError(core::Error{core::Errc::Io, QStringLiteral("cannot write to %1").arg(creds.path()), 0});
    }
    io.printJson(
        {{QStringLiteral("ok"), true}, {QStringLiteral("vaultKey"), creds.filePath(QStringLiteral("vault.pem"))}});
    return ExitOk;
}

// Idempotency key = SHA-256 of the linkage as given: running the same file twice applies nothing twice.
int push(CliIo& io)
{
    const auto o = options(io.args());
    if (!o.contains(QStringLiteral("--url")) || !o.contains(QStringLiteral("--credentials"))) {
        return io.usageError(QStringLiteral("--url and --credentials are required"));
    }
    const QDir creds(o.value(QStringLiteral("--credentials")));
    auto tls = sync::SyncClient::tlsConfiguration(readFile(creds.filePath(QStringLiteral("terminal.pem"))),
                                                  readFile(creds.filePath(QStringLiteral("terminal.key"))),
                                                  readFile(creds.filePath(QStringLiteral("ca.pem"))));
    if (!tls) {
        return io.reportError(tls.error());
    }
    sync::InMemoryOutbox outbox;
    for (const QJsonValue& value : QJsonDocument::fromJson(readFile(o.value(QStringLiteral("--file")))).array()) {
        auto linkage = sync::LinkageRecord::fromJson(value.toObject());
        if (!linkage) {
            return io.reportError(linkage.error());
        }
        const QByteArray key = QCryptographicHash::hash(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact),
                                                        QCryptographicHash::Sha256)
                                   .toHex();
        outbox.addWithKey(sync::OutboxItem{QString::fromLatin1(key), *linkage});
    }
    sync::InMemorySyncSink sink;
    sync::SyncClient client(sync::SyncClientOptions{QUrl(o.value(QStringLiteral("--url"))), *tls}, outbox, sink);
    QEventLoop loop;
    QObject::connect(&client, &sync::SyncClient::finished, &loop, &QEventLoop::quit);
    client.start();
    loop.exec();
    if (client.lastError()) {
        return io.reportError(*client.lastError());
    }
    QJsonArray conflicts;
    for (const auto& conflict : sink.conflicts()) {
        conflicts.append(QJsonObject{{QStringLiteral("conflictId"), conflict.conflictId},
                                     {QStringLiteral("reason"), conflict.reason},
                                     {QStringLiteral("local"), conflict.local.toJson()},
                                     {QStringLiteral("remote"), conflict.remote}});
    }
    const auto& r = client.report();
    io.printJson({{QStringLiteral("ok"), true},
                  {QStringLiteral("pushed"), r.pushed},
                  {QStringLiteral("conflicts"), conflicts},
                  {QStringLiteral("pulledLinkages"), r.pulledLinkages},
                  {QStringLiteral("pulledRevocations"), r.pulledRevocations},
                  {QStringLiteral("retries"), r.retries}});
    return conflicts.isEmpty() ? ExitOk : ExitFailure;
}

// The store's outbox pushed and both feeds pulled into it, recorded in its audit log like the app's runs.
// Offline (platform unreachable) the outbox stays as it was: exit 9, run again later.
int run(CliIo& io)
{
    const QStringList& args = io.args();
    const QString path = databasePath(args);
    const QString url = optionValue(args, QStringLiteral("--url"));
    const QString credentials = optionValue(args, QStringLiteral("--credentials"));
    if (path.isEmpty() || url.isEmpty() || credentials.isEmpty()) {
        return io.usageError(QStringLiteral("--db PATH (or MADOGUCHI_DB), --url and --credentials are required"));
    }
    auto op = cliOperator(args);
    if (!op) {
        return io.reportError(op.error());
    }
    auto session = openStore(path, args);
    if (!session) {
        return io.reportError(session.error());
    }
    const core::SystemClock clock;
    auto log = services::AuditSetup::openLog(session->database(), path, clock);
    if (!log) {
        return io.reportError(log.error());
    }
    services::AuditChangeRecorder recorder(*log);
    services::SyncService service(
        session->database(), clock,
        {QUrl(url), QDir(credentials).filePath(QStringLiteral("terminal.pem")), session->workerConnectionOpener()},
        &recorder, &*log);
    QEventLoop loop;
    QObject::connect(&service, &services::SyncService::finished, &loop, &QEventLoop::quit);
    if (auto started = service.start(*op); !started) {
        return io.reportError(started.error());
    }
    loop.exec();
    auto status = service.status(*op);
    if (service.lastError() || !status) {
        return io.reportError(service.lastError() ? *service.lastError() : status.error());
    }
    const auto& r = service.lastReport();
    io.printJson({{QStringLiteral("ok"), true},
                  {QStringLiteral("pushed"), r.pushed},
                  {QStringLiteral("pulledLinkages"), r.pulledLinkages},
                  {QStringLiteral("pulledRevocations"), r.pulledRevocations},
                  {QStringLiteral("newConflicts"), r.conflicts},
                  {QStringLiteral("openConflicts"), status->openConflicts},
                  {QStringLiteral("pending"), status->pending}});
    return status->openConflicts > 0 ? ExitFailure : ExitOk;
}

} // namespace

CommandGroup syncCommands()
{
    return {
        QStringLiteral("sync"),
        QStringLiteral("register this terminal with the platform and push/pull linkages (enrol, vault-key, run, push)"),
        QStringLiteral("madoguchi-cli sync enrol --url URL --ca FILE --terminal ID --code CODE --out DIR\n"
                       "  a new key + CSR; the platform's terminal CA answers the client certificate.\n"
                       "  DIR gets terminal.pem, terminal.key (0600), ca.pem and vault.pem (the platform vault's\n"
                       "  public key credit-card numbers are sealed to, fetched with the new certificate).\n"
                       "madoguchi-cli sync vault-key --url URL --credentials DIR\n"
                       "  fetches the vault key again into DIR/vault.pem (a failed first fetch, a new vault key).\n"
                       "madoguchi-cli sync run --db PATH --url URL --credentials DIR\n"
                       "  this counter's store: its outbox pushed, both feeds pulled into it, recorded in its\n"
                       "  audit log (exit 1 while conflicts wait for a person, 9 when the platform is offline).\n"
                       "madoguchi-cli sync push --url URL --credentials DIR [--file LINKAGES.json]\n"
                       "  pushes the linkages (a JSON array, docs/api/openapi.yaml Linkage) and pulls both feeds;\n"
                       "  prints counts and conflicts (exit 1 when there are conflicts)."),
        [](CliIo& io) {
            const QString verb = io.args().first();
            if (verb == QStringLiteral("enrol")) {
                return enrol(io);
            }
            if (verb == QStringLiteral("vault-key")) {
                return vaultKey(io);
            }
            if (verb == QStringLiteral("run")) {
                return run(io);
            }
            if (verb == QStringLiteral("push")) {
                return push(io);
            }
            return io.usageError(QStringLiteral("unknown verb ") + verb);
        }};
}

} // namespace madoguchi::cli
