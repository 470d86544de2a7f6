#include "PlatformTestEnv.h"

#include "core/Clock.h"
#include "platformd/PgConnection.h"
#include "platformd/TerminalCa.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>

namespace madoguchi::tests {

core::Result<std::unique_ptr<PlatformTestEnv>> PlatformTestEnv::start(bool inProcess)
{
    std::unique_ptr<PlatformTestEnv> env(new PlatformTestEnv);
    auto cluster = platformd::ThrowawayCluster::start(QStringLiteral("madoguchi"));
    if (!cluster) {
        return core::fail(cluster.error());
    }
    env->m_cluster = std::move(*cluster);
    const core::SystemClock clock;
    if (auto made = platformd::TerminalCa::createDevelopmentSet(env->m_files.path(), clock); !made) {
        return core::fail(made.error());
    }
    env->m_port = platformd::ThrowawayCluster::freePort();
    if (inProcess) {
        platformd::PlatformConfig config;
        config.port = env->m_port;
        config.threads = 4;
        config.poolSize = 4;
        config.maxBodyBytes = 1 << 20;
        config.database = env->m_cluster->conninfo();
        config.filesDirectory = env->m_files.path();
        config.trainingTrust = true;
        auto server = platformd::PlatformServer::start(config);
        if (!server) {
            return core::fail(server.error());
        }
        env->m_server = std::move(*server);
    } else if (auto started = env->startServer(); !started) {
        return core::fail(started.error());
    }
    return env;
}

PlatformTestEnv::~PlatformTestEnv()
{
    if (m_server) {
        m_server->stop();
    }
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        m_process->waitForFinished(15000);
    }
}

core::Result<void> PlatformTestEnv::startServer()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(qEnvironmentVariable("MADOGUCHI_PLATFORMD"),
                     {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--database"),
                      m_cluster->conninfo(), QStringLiteral("--files"), m_files.path(),
                      QStringLiteral("--training-trust"), QStringLiteral("--threads"), QStringLiteral("4"),
                      QStringLiteral("--pool"), QStringLiteral("4")});
    // The server prints "listening on …" once the socket accepts: wait for that line (event-driven).
    while (m_process->waitForReadyRead(30000)) {
        if (m_process->readAll().contains("listening on")) {
            return {};
        }
    }
    return core::fail(core::Errc::Io, QStringLiteral("madoguchi-platformd did not start"));
}

void PlatformTestEnv::killServer()
{
    m_process->kill();
    m_process->waitForFinished(15000);
}

int PlatformTestEnv::terminateServer()
{
    m_process->terminate();
    if (!m_process->waitForFinished(15000) || m_process->exitStatus() != QProcess::NormalExit) {
        return -1;
    }
    return m_process->exitCode();
}

QUrl PlatformTestEnv::baseUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
}

QByteArray PlatformTestEnv::file(const char* name) const
{
    QFile f(platformd::PlatformFiles{m_files.path()}.path(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QSslConfiguration PlatformTestEnv::anonymousTls() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(file("ca.pem"), QSsl::Pem));
    return tls;
}

QSslConfiguration PlatformTestEnv::tls(const QByteArray& certPem, const QByteArray& keyPem) const
{
    QSslConfiguration tls = anonymousTls();
    tls.setLocalCertificate(QSslCertificate(certPem, QSsl::Pem));
    tls.setPrivateKey(QSslKey(keyPem, QSsl::Ec, QSsl::Pem));
    return tls;
}

QSslConfiguration PlatformTestEnv::adminTls() const
{
    return tls(file("admin.pem"), file("admin.key"));
}

HttpResult PlatformTestEnv::call(const QSslConfiguration& tls, const QByteArray& method, const QString& pathAndQuery,
                                 const QByteArray& body) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(baseUrl().toString() + pathAndQuery));
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.raw = reply->readAll();
    result.body = QJsonDocument::fromJson(result.raw).object();
    reply->deleteLater();
    if (result.status != 0) {
        const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
        m_recorded.append(
            {QString::fromLatin1(method), q < 0 ? pathAndQuery : pathAndQuery.left(q), result.status, result.body});
    }
    return result;
}

core::Result<sync::TerminalCredentials> PlatformTestEnv::enrol(const QString& terminalId) const
{
    const HttpResult code = call(adminTls(), "POST", QStringLiteral("/v1/admin/enrolment-codes"),
                                 QJsonDocument(QJsonObject{{QStringLiteral("terminalId"), terminalId}}).toJson());
    if (code.status != 201) {
        return core::fail(core::Errc::NetworkFailure, QStringLiteral("enrolment code: %1").arg(code.status));
    }
    sync::EnrolmentClient client;
    QSignalSpy done(&client, &sync::EnrolmentClient::finished);
    client.start(baseUrl(), file("ca.pem"), terminalId, code.body.value(QStringLiteral("code")).toString());
    if ((done.isEmpty() && !done.wait(30000)) || !done.at(0).at(0).toBool()) {
        return core::fail(client.lastError().value_or(core::Error{core::Errc::Timeout, QStringLiteral("enrol"), 0}));
    }
    return client.credentials();
}

QString PlatformTestEnv::sqlValue(const QString& sql) const
{
    auto connection = platformd::PgConnection::open(m_cluster->conninfo());
    if (!connection) {
        return QStringLiteral("<no connection>");
    }
    auto result = (*connection)->exec(sql.toUtf8().constData());
    return result && result->rows() > 0 ? result->text(0, 0) : QStringLiteral("<error>");
}

} // namespace madoguchi::tests
