// madoguchi-platformd: the central platform (architecture.md §8).
//   madoguchi-platformd --config platformd.json [--port N] [--database CONNINFO] [--files DIR]
//   madoguchi-platformd --dev [--port N]   throw-away PostgreSQL + development certificates
//   madoguchi-platformd --database CONNINFO --import-crl auth.crl [--successions links.csv]
//       one-shot: the CRL (and links, docs/succession-format.md) into the revocations feed, then exit
// Stops gracefully on SIGTERM/SIGINT: no new connections, requests in flight finish.

#include "core/Clock.h"
#include "core/Logging.h"
#include "pki/TrustStore.h"
#include "platformd/CrlFeedImporter.h"
#include "platformd/Migrations.h"
#include "platformd/PgConnection.h"
#include "platformd/PlatformServer.h"
#include "platformd/TerminalCa.h"
#include "platformd/ThrowawayCluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>

using namespace madoguchi;

namespace {

int exitWith(const core::Error& error)
{
    std::fprintf(stderr, "madoguchi-platformd: %s\n", qUtf8Printable(error.toString()));
    return 1;
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral("Madoguchi platform server"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("JSON configuration file."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("Listen port (0: any)."), QStringLiteral("port")});
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Listen address."), QStringLiteral("address")});
    parser.addOption({QStringLiteral("threads"),
                      QStringLiteral("I/O threads (= cores), each with one pipelined PostgreSQL connection."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("pool"),
                      QStringLiteral("Worker threads = pooled PostgreSQL connections (blocking endpoints)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("database"), QStringLiteral("libpq conninfo."), QStringLiteral("conninfo")});
    parser.addOption(
        {QStringLiteral("files"), QStringLiteral("Directory with ca/server/vault keys."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("training-trust"), QStringLiteral("Trust the demo TEST PKI for card checks.")});
    parser.addOption(
        {QStringLiteral("dev"), QStringLiteral("Throw-away PostgreSQL cluster and development certificates.")});
    parser.addOption({QStringLiteral("import-crl"),
                      QStringLiteral("Import an auth CRL (DER) into the revocations feed and exit."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("successions"),
                      QStringLiteral("With --import-crl: succession links, CSV or .jsonl (docs/succession-format.md)."),
                      QStringLiteral("file")});
}

// One transaction: links first (a reason-4 entry of this CRL may need them), then the CRL.
core::Result<QString> importCrl(const platformd::PlatformConfig& config, const QString& crlPath,
                                const QString& successionsPath)
{
    QFile crlFile(crlPath);
    if (!crlFile.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, crlPath);
    }
    const QByteArray der = crlFile.readAll();
    auto trust = platformd::PlatformServer::loadTrust(config.trainingTrust);
    auto db = trust ? platformd::PgConnection::open(config.database)
                    : core::Result<std::unique_ptr<platformd::PgConnection>>(core::fail(trust.error()));
    auto migrated = db ? platformd::Migrations::apply(**db) : core::Result<int>(core::fail(db.error()));
    auto begun = migrated ? (*db)->exec("BEGIN") : core::Result<platformd::PgResult>(core::fail(migrated.error()));
    if (!begun) {
        return core::fail(begun.error());
    }
    QString report;
    if (!successionsPath.isEmpty()) {
        QFile links(successionsPath);
        auto loaded = links.open(QIODevice::ReadOnly)
                          ? platformd::CrlFeedImporter::importSuccessions(
                                **db, links,
                                successionsPath.endsWith(QStringLiteral(".jsonl")) ? pki::SuccessionFormat::JsonLines
                                                                                   : pki::SuccessionFormat::Csv)
                          : core::Result<platformd::SuccessionLoadSummary>(core::fail(core::Errc::Io, successionsPath));
        if (!loaded) {
            return core::fail(loaded.error());
        }
        report += QStringLiteral("succession links: %1 records, %2 new, %3 rejected\n")
                      .arg(loaded->records)
                      .arg(loaded->added)
                      .arg(loaded->rejected.size());
    }
    const core::SystemClock clock;
    auto summary = platformd::CrlFeedImporter(*trust, clock).importCrl(**db, der);
    auto committed = summary ? (*db)->exec("COMMIT") : core::Result<platformd::PgResult>(core::fail(summary.error()));
    if (!committed) {
        return core::fail(committed.error());
    }
    return report + QStringLiteral("CRL %1 number %2: %3 entries; %4 revoked, %5 succession events, %6 released%7\n")
                        .arg(QString::fromLatin1(summary->contentId.toHex().left(16)))
                        .arg(summary->crlNumber)
                        .arg(summary->entries)
                        .arg(summary->revoked)
                        .arg(summary->successions)
                        .arg(summary->released)
                        .arg(summary->alreadyImported ? QStringLiteral(" (already imported)") : QString());
}

core::Result<platformd::PlatformConfig> configFrom(const QCommandLineParser& parser)
{
    platformd::PlatformConfig config;
    if (parser.isSet(QStringLiteral("config"))) {
        auto loaded = platformd::PlatformConfig::fromFile(parser.value(QStringLiteral("config")));
        if (!loaded) {
            return loaded;
        }
        config = *loaded;
    }
    if (parser.isSet(QStringLiteral("port"))) {
        config.port = static_cast<quint16>(parser.value(QStringLiteral("port")).toUInt());
    }
    if (parser.isSet(QStringLiteral("listen"))) {
        config.listenAddress = parser.value(QStringLiteral("listen"));
    }
    if (parser.isSet(QStringLiteral("threads"))) {
        config.threads = parser.value(QStringLiteral("threads")).toInt();
    }
    if (parser.isSet(QStringLiteral("pool"))) {
        config.poolSize = parser.value(QStringLiteral("pool")).toInt();
    }
    if (parser.isSet(QStringLiteral("database"))) {
        config.database = parser.value(QStringLiteral("database"));
    }
    if (parser.isSet(QStringLiteral("files"))) {
        config.filesDirectory = parser.value(QStringLiteral("files"));
    }
    config.trainingTrust = config.trainingTrust || parser.isSet(QStringLiteral("training-trust"));
    return config;
}

} // namespace

int main(int argc, char* argv[])
{
    // Block the stop signals in every thread; the main thread waits for them with sigwait.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    auto config = configFrom(parser);
    if (!config) {
        return exitWith(config.error());
    }
    if (parser.isSet(QStringLiteral("import-crl"))) {
        auto imported =
            importCrl(*config, parser.value(QStringLiteral("import-crl")), parser.value(QStringLiteral("successions")));
        if (!imported) {
            return exitWith(imported.error());
        }
        std::printf("%s", qUtf8Printable(*imported));
        return 0;
    }
    std::unique_ptr<platformd::ThrowawayCluster> cluster;
    QTemporaryDir devFiles;
    if (parser.isSet(QStringLiteral("dev"))) {
        auto started = platformd::ThrowawayCluster::start(QStringLiteral("madoguchi"));
        if (!started) {
            return exitWith(started.error());
        }
        cluster = std::move(*started);
        const core::SystemClock clock;
        if (auto made = platformd::TerminalCa::createDevelopmentSet(devFiles.path(), clock); !made) {
            return exitWith(made.error());
        }
        config->database = cluster->conninfo();
        config->filesDirectory = devFiles.path();
        config->trainingTrust = true;
        std::printf("dev: files (admin.pem/admin.key, ca.pem) in %s\ndev: database %s\n",
                    qUtf8Printable(devFiles.path()), qUtf8Printable(cluster->conninfo()));
    }
    auto server = platformd::PlatformServer::start(*config);
    if (!server) {
        return exitWith(server.error());
    }
    std::printf("listening on %s:%u\n", qUtf8Printable(config->listenAddress),
                static_cast<unsigned>((*server)->port()));
    std::fflush(stdout);
    int received = 0;
    sigwait(&stopSignals, &received);
    qCInfo(lcPlatform) << "signal" << received << "- shutting down";
    (*server)->stop();
    return 0;
}
