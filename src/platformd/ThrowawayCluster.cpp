#include "platformd/ThrowawayCluster.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace madoguchi::platformd {

namespace {

const QString PgBin = QStringLiteral("/usr/lib/postgresql/15/bin");

bool isRoot()
{
    return geteuid() == 0;
}

} // namespace

quint16 ThrowawayCluster::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    if (fd >= 0) {
        ::close(fd);
    }
    return port;
}

QString ThrowawayCluster::binDirectory() const
{
    return PgBin;
}

core::Result<void> ThrowawayCluster::run(const QString& program, const QStringList& arguments) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (isRoot()) {
        // PostgreSQL refuses to run as root (toolchain.md): run it as the postgres user.
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                             QStringLiteral("--"), PgBin + QLatin1Char('/') + program} +
                                                     arguments);
    } else {
        process.start(PgBin + QLatin1Char('/') + program, arguments);
    }
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return core::fail(
            core::Errc::StoreFailure,
            QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(process.readAll().right(600))));
    }
    return {};
}

core::Result<std::unique_ptr<ThrowawayCluster>> ThrowawayCluster::start(const QString& database)
{
    std::unique_ptr<ThrowawayCluster> cluster(new ThrowawayCluster);
    cluster->m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/madoguchi-pg-XXXXXX"));
    cluster->m_dataDir = cluster->m_dir->path() + QStringLiteral("/data");
    cluster->m_database = database;
    cluster->m_port = freePort();
    if (isRoot()) {
        if (passwd* pw = getpwnam("postgres")) {
            if (::chown(QFile::encodeName(cluster->m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
                return core::fail(core::Errc::Io, QStringLiteral("chown of the cluster directory"));
            }
        }
    }
    auto init = cluster->run(QStringLiteral("initdb"),
                             {QStringLiteral("-D"), cluster->m_dataDir, QStringLiteral("-A"), QStringLiteral("trust"),
                              QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
                              QStringLiteral("UTF8"), QStringLiteral("--no-locale"), QStringLiteral("--no-sync")});
    if (!init) {
        return core::fail(init.error());
    }
    if (auto started = cluster->startServer(); !started) {
        return core::fail(started.error());
    }
    auto created =
        cluster->run(QStringLiteral("psql"),
                     {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                      QString::number(cluster->m_port), QStringLiteral("-U"), QStringLiteral("postgres"),
                      QStringLiteral("-q"), QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1").arg(database)});
    if (!created) {
        return core::fail(created.error());
    }
    qCInfo(lcPlatform) << "throw-away PostgreSQL on port" << cluster->m_port;
    return cluster;
}

core::Result<void> ThrowawayCluster::startServer()
{
    // fsync off: a throw-away cluster for demos, tests and benchmarks (the bench says so).
    auto started = run(QStringLiteral("pg_ctl"),
                       {QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"), m_dataDir + QStringLiteral("/../log"),
                        QStringLiteral("-o"),
                        QStringLiteral("-p %1 -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=200 "
                                       "-c fsync=off -c synchronous_commit=off")
                            .arg(m_port),
                        QStringLiteral("-w"), QStringLiteral("start")});
    m_running = started.has_value();
    return started;
}

core::Result<void> ThrowawayCluster::stopServer()
{
    auto stopped =
        run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("fast"),
                                       QStringLiteral("-w"), QStringLiteral("stop")});
    if (stopped) {
        m_running = false;
    }
    return stopped;
}

ThrowawayCluster::~ThrowawayCluster()
{
    if (m_running) {
        (void)stopServer();
    }
}

QString ThrowawayCluster::conninfo() const
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=postgres dbname=%2 connect_timeout=3")
        .arg(m_port)
        .arg(m_database);
}

} // namespace madoguchi::platformd
