#include "platformd/PlatformServer.h"

#include "core/Logging.h"
#include "pki/DemoSet.h"
#include "pki/TrustStore.h"
#include "platformd/HttpsServer.h"
#include "platformd/Migrations.h"
#include "platformd/PgPipeline.h"
#include "platformd/PgPool.h"
#include "platformd/PlatformApi.h"
#include "platformd/TerminalCa.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace madoguchi::platformd {

namespace {

core::Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read %1").arg(path));
    }
    return file.readAll();
}

} // namespace

core::Result<PlatformConfig> PlatformConfig::fromFile(const QString& path)
{
    auto bytes = readFile(path);
    if (!bytes) {
        return core::fail(bytes.error());
    }
    const QJsonObject o = QJsonDocument::fromJson(*bytes).object();
    if (o.isEmpty()) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("%1: not a JSON object").arg(path));
    }
    PlatformConfig c;
    c.listenAddress = o.value(QStringLiteral("listenAddress")).toString(c.listenAddress);
    c.port = static_cast<quint16>(o.value(QStringLiteral("port")).toInt(c.port));
    c.threads = o.value(QStringLiteral("threads")).toInt(c.threads);
    c.poolSize = o.value(QStringLiteral("poolSize")).toInt(c.poolSize);
    c.maxBodyBytes =
        static_cast<qint64>(o.value(QStringLiteral("maxBodyBytes")).toDouble(static_cast<double>(c.maxBodyBytes)));
    c.database = o.value(QStringLiteral("database")).toString();
    c.filesDirectory = o.value(QStringLiteral("filesDirectory")).toString();
    c.trainingTrust = o.value(QStringLiteral("trainingTrust")).toBool(false);
    c.challengeLifetimeSeconds = o.value(QStringLiteral("challengeLifetimeSeconds")).toInt(c.challengeLifetimeSeconds);
    return c;
}

struct PlatformServer::Impl
{
    core::SystemClock clock;
    std::unique_ptr<PgPool> pool;
    std::optional<TerminalCa> ca;
    std::optional<pki::TrustStore> trust;
    std::unique_ptr<PlatformApi> api;
    std::unique_ptr<HttpsServer> https;
    // One per I/O thread, made by that thread on first use and only used there; destroyed after the
    // threads stopped and before their io_contexts (declared after `https`).
    std::vector<std::unique_ptr<PgPipeline>> pipelines;
};

core::Result<std::unique_ptr<PlatformServer>> PlatformServer::start(const PlatformConfig& config)
{
    auto impl = std::make_unique<Impl>();
    const PlatformFiles files{config.filesDirectory};
    auto caPem = readFile(files.path("ca.pem"));
    auto caKey = caPem ? readFile(files.path("ca.key")) : caPem;
    auto serverPem = caKey ? readFile(files.path("server.pem")) : caKey;
    auto serverKey = serverPem ? readFile(files.path("server.key")) : serverPem;
    auto vaultKey = serverKey ? readFile(files.path("vault.key")) : serverKey;
    auto vaultPub = vaultKey ? readFile(files.path("vault.pem")) : vaultKey;
    auto secret = vaultPub ? readFile(files.path("secret.bin")) : vaultPub;
    if (!secret) {
        return core::fail(secret.error());
    }
    auto ca = TerminalCa::load(*caPem, *caKey);
    if (!ca) {
        return core::fail(ca.error());
    }
    impl->ca.emplace(std::move(*ca));
    auto trusted = loadTrust(config.trainingTrust);
    if (!trusted) {
        return core::fail(trusted.error());
    }
    impl->trust = std::move(*trusted);
    impl->pool = std::make_unique<PgPool>(config.database, config.poolSize);
    {
        auto lease = impl->pool->acquire();
        auto applied = lease ? Migrations::apply(**lease) : core::Result<int>(core::fail(lease.error()));
        if (!applied) {
            return core::fail(applied.error());
        }
    }
    PlatformApiConfig apiConfig;
    apiConfig.pool = impl->pool.get();
    apiConfig.ca = &*impl->ca;
    apiConfig.clock = &impl->clock;
    apiConfig.trust = &*impl->trust;
    apiConfig.challengeLifetimeSeconds = config.challengeLifetimeSeconds;
    apiConfig.vaultPrivateKeyPem = *vaultKey;
    apiConfig.vaultPublicKeyPem = *vaultPub;
    apiConfig.secret = core::SecureBytes(QByteArrayView(*secret));
    auto api = PlatformApi::create(std::move(apiConfig));
    if (!api) {
        return core::fail(api.error());
    }
    impl->api = std::move(*api);
    HttpsServerOptions options;
    options.address = config.listenAddress;
    options.port = config.port;
    options.threads = std::max(1, config.threads);
    options.workerThreads = std::max(1, config.poolSize);
    options.certificatePem = *serverPem;
    options.privateKeyPem = *serverKey;
    options.clientCaPem = *caPem;
    options.maxBodyBytes = config.maxBodyBytes;
    PlatformApi* apiPtr = impl->api.get();
    impl->pipelines.resize(static_cast<std::size_t>(options.threads));
    auto pipelineFor = [pipelines = impl->pipelines.data(), conninfo = config.database](const IoThread& thread) {
        auto& pipeline = pipelines[thread.index];
        if (!pipeline) {
            pipeline = std::make_unique<PgPipeline>(thread.context, conninfo);
        }
        return pipeline.get();
    };
    auto https = HttpsServer::start(
        options, [apiPtr](const HttpRequest& r) { return apiPtr->handle(r); },
        [apiPtr](const PeerIdentity& p) { return apiPtr->gate(p); },
        [apiPtr, pipelineFor](HttpRequest& r, const IoThread& thread, Responder respond) {
            return apiPtr->handleAsync(r, *pipelineFor(thread), std::move(respond));
        });
    if (!https) {
        return core::fail(https.error());
    }
    impl->https = std::move(*https);
    return std::unique_ptr<PlatformServer>(new PlatformServer(std::move(impl)));
}

core::Result<pki::TrustStore> PlatformServer::loadTrust(bool training)
{
    auto store = pki::TrustStore::load(training ? pki::TrustMode::Training : pki::TrustMode::Production);
    if (!store) {
        return store;
    }
    if (training) {
        auto demo = pki::makeDemoSet();
        if (!demo) {
            return core::fail(demo.error());
        }
        if (auto added = store->addTestAnchor(demo->authCaCertDer); !added) {
            return core::fail(added.error());
        }
    }
    return store;
}

PlatformServer::PlatformServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

PlatformServer::~PlatformServer()
{
    stop();
}

quint16 PlatformServer::port() const
{
    return m_impl->https->port();
}

void PlatformServer::stop()
{
    if (m_impl->https) {
        m_impl->https->stop();
    }
    m_impl->pipelines.clear(); // the I/O threads are joined: nothing uses them any more
}

} // namespace madoguchi::platformd
