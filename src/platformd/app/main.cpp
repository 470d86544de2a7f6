// madoguchi-platformd: the central platform (architecture.md §8).
//   madoguchi-platformd --config platformd.json [--port N] [--database CONNINFO] [--files DIR]
//   madoguchi-platformd --dev [--port N]   throw-away PostgreSQL + development certificates
// Stops gracefully on SIGTERM/SIGINT: no new connections, requests in flight finish.

#include "core/Clock.h"
#include "core/Logging.h"
#include "platformd/PlatformServer.h"
#include "platformd/TerminalCa.h"
#include "platformd/ThrowawayCluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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
    parser.addOption({QStringLiteral("threads"), QStringLiteral("I/O threads."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("pool"), QStringLiteral("PostgreSQL connections."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("database"), QStringLiteral("libpq conninfo."), QStringLiteral("conninfo")});
    parser.addOption(
        {QStringLiteral("files"), QStringLiteral("Directory with ca/server/vault keys."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("training-trust"), QStringLiteral("Trust the demo TEST PKI for card checks.")});
    parser.addOption(
        {QStringLiteral("dev"), QStringLiteral("Throw-away PostgreSQL cluster and development certificates.")});
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
