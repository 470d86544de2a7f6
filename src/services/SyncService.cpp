#include "services/SyncService.h"

#include "audit/AuditLog.h"
#include "core/Logging.h"
#include "services/AccessPolicy.h"
#include "services/AuditTrail.h"
#include "services/RevocationQueue.h"
#include "services/StoreOutbox.h"
#include "services/StoreSyncSink.h"
#include "sync/SyncClient.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace madoguchi::services {

struct SyncService::RunResult
{
    sync::SyncReport report;
    std::optional<core::Error> error;
    int applied = 0;
    int pullConflicts = 0;
    qint64 linkageCursor = 0;
    qint64 revocationCursor = 0;
};

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

core::Result<QDateTime> stateTime(store::Database& db, const char* name)
{
    auto stmt = db.prepare("SELECT updated_at FROM sync_state WHERE name = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, QString::fromLatin1(name));
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    return *row ? QDateTime::fromString(stmt->columnText(0), Qt::ISODateWithMs) : QDateTime();
}

bool isOffline(const core::Error& error)
{
    return error.code == core::Errc::NetworkFailure && error.nativeCode == 0;
}

} // namespace

SyncService::SyncService(store::Database& db, const core::Clock& clock, Config config, ChangeRecorder* recorder,
                         audit::AuditLog* audit, QObject* parent)
    : QObject(parent), m_db(db), m_clock(clock), m_config(std::move(config)), m_audit(audit),
      m_conflicts(db, clock, recorder)
{}

SyncService::~SyncService()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

bool SyncService::isConfigured() const
{
    return m_config.platform.isValid() && m_config.platform.scheme() == QStringLiteral("https") &&
           !m_config.terminalCertificate.isEmpty();
}

bool SyncService::mayStart(const Operator& op)
{
    return !op.id.isEmpty() && op.role != Role::Auditor; // auditors look; the others' changes are what is sent
}

core::Result<QSslConfiguration> SyncService::loadTls(const QString& certificatePath)
{
    const QFileInfo cert(certificatePath);
    const QString key = cert.dir().filePath(cert.completeBaseName() + QStringLiteral(".key"));
    const QString ca = cert.dir().filePath(QStringLiteral("ca.pem"));
    return sync::SyncClient::tlsConfiguration(readAll(certificatePath), readAll(key), readAll(ca));
}

core::Result<SyncStatus> SyncService::status(const Operator& op)
{
    if (auto allowed = AccessPolicy::mayRead(op); !allowed) {
        return core::fail(allowed.error());
    }
    SyncStatus s;
    s.platform = m_config.platform;
    s.lastError = m_error;
    auto pending = StoreOutbox::pendingCount(m_db);
    auto conflicts = m_conflicts.openCount();
    auto push = stateTime(m_db, "push");
    auto pull = stateTime(m_db, "linkages");
    if (!pending || !conflicts || !push || !pull) {
        return core::fail(!pending     ? pending.error()
                          : !conflicts ? conflicts.error()
                          : !push      ? push.error()
                                       : pull.error());
    }
    s.pending = *pending;
    s.openConflicts = *conflicts;
    s.lastPush = *push;
    s.lastPull = *pull;
    if (!isConfigured()) {
        s.state = SyncState::NotConfigured;
    } else if (isRunning()) {
        s.state = SyncState::Syncing;
    } else if (m_error) {
        s.state = isOffline(*m_error) ? SyncState::Offline : SyncState::Error;
    } else {
        s.state = s.pending == 0 && s.lastPull.isValid() ? SyncState::UpToDate : SyncState::Waiting;
    }
    return s;
}

core::Result<void> SyncService::start(const Operator& op)
{
    if (!mayStart(op)) {
        return core::fail(core::Errc::PermissionDenied,
                          QStringLiteral("%1 may not start a sync").arg(roleName(op.role)));
    }
    if (!isConfigured() || !m_config.openWorkerDatabase) {
        return core::fail(core::Errc::Unsupported, QStringLiteral("no platform configured"));
    }
    if (isRunning()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("a sync is already running"));
    }
    auto tls = loadTls(m_config.terminalCertificate);
    if (!tls) {
        return core::fail(tls.error());
    }
    m_runBy = op;
    m_cancel = false;
    m_error.reset();
    const QPointer<SyncService> self(this);
    // The worker gets its own copy of the configuration: the settings may change it meanwhile.
    m_thread.reset(QThread::create([this, self, tls = *tls, config = m_config]() {
        RunResult result = runInWorker(tls, config);
        QMetaObject::invokeMethod(
            self.data(),
            [self, result]() {
                if (self) {
                    self->onWorkerDone(result);
                }
            },
            Qt::QueuedConnection);
    }));
    m_thread->start();
    return {};
}

void SyncService::setPlatform(const QUrl& platform, const QString& terminalCertificate)
{
    m_config.platform = platform;
    m_config.terminalCertificate = terminalCertificate;
}

void SyncService::cancel()
{
    m_cancel = true;
    const std::lock_guard lock(m_clientMutex);
    if (m_client) {
        QMetaObject::invokeMethod(m_client.data(), &sync::SyncClient::cancel, Qt::QueuedConnection);
    }
}

// The worker's whole life: own connection, own outbox and sink, the client and its event loop.
SyncService::RunResult SyncService::runInWorker(const QSslConfiguration& tls, const Config& config)
{
    RunResult result;
    auto db = config.openWorkerDatabase();
    // The GUI thread writes too (enrolments, audit entries): wait for its short transactions instead
    // of failing with SQLITE_BUSY (WAL allows one writer at a time).
    auto tuned = db ? db->exec("PRAGMA busy_timeout = 5000") : core::Result<void>(core::fail(db.error()));
    auto records = tuned ? SyncRecords::load(*db) : core::Result<SyncRecords>(core::fail(tuned.error()));
    if (!records) {
        result.error = records.error();
        return result;
    }
    RevocationQueue queue(*db, m_clock);
    StoreOutbox outbox(*db, m_clock, *records);
    StoreSyncSink sink(*db, m_clock, *records, queue.sink());
    sync::SyncClientOptions options{config.platform,         tls,  config.batchSize,  config.pageSize,
                                    config.initialBackoffMs, 5000, config.maxAttempts};
    sync::SyncClient client(options, outbox, sink);
    QEventLoop loop;
    connect(&client, &sync::SyncClient::finished, &loop, &QEventLoop::quit);
    connect(&client, &sync::SyncClient::progressed, this, &SyncService::progressed, Qt::QueuedConnection);
    {
        const std::lock_guard lock(m_clientMutex);
        m_client = &client;
    }
    if (!m_cancel) {
        client.start();
        if (client.isRunning()) { // a store failure can end the run inside start(): no loop then
            loop.exec();
        }
    }
    {
        const std::lock_guard lock(m_clientMutex);
        m_client.clear();
    }
    result.report = client.report();
    result.error = client.lastError();
    if (m_cancel && !result.error) {
        result.error = core::Error{core::Errc::Cancelled, QStringLiteral("sync cancelled"), 0};
    }
    qCInfo(lcSync) << "sync worker: store time" << outbox.busyMs() << "ms in the outbox," << sink.busyMs()
                   << "ms in the sink";
    result.applied = sink.appliedLinkages();
    result.pullConflicts = sink.pullConflicts();
    result.linkageCursor = sink.linkageCursor();
    result.revocationCursor = sink.revocationCursor();
    return result;
}

void SyncService::onWorkerDone(const RunResult& result)
{
    if (m_thread) {
        m_thread->wait(); // the worker's last statement was the queued call: it is ending
        m_thread.reset();
    }
    m_report = result.report;
    m_error = result.error;
    recordRun(result);
    qCInfo(lcSync) << "sync run ended:" << (m_error ? m_error->toString() : QStringLiteral("ok")) << "pushed"
                   << m_report.pushed << "pulled" << m_report.pulledLinkages << "+" << m_report.pulledRevocations;
    Q_EMIT finished(!m_error.has_value());
}

// Push and pull in the audit log (issue 7 item 3 with issue 5 item 1): counts, cursors, conflicts.
void SyncService::recordRun(const RunResult& r)
{
    if (m_audit == nullptr) {
        return;
    }
    const QString outcome = r.error ? r.error->toString() : QStringLiteral("ok");
    const auto push = m_audit->appendInOwnTransaction(
        AuditTrail::event(m_runBy, QStringLiteral("sync.push"), QStringLiteral("platform"),
                          {{QStringLiteral("changes"), r.report.pushed},
                           {QStringLiteral("conflicts"), r.report.conflicts},
                           {QStringLiteral("platform"), m_config.platform.toString()},
                           {QStringLiteral("outcome"), outcome}}));
    const auto pull = m_audit->appendInOwnTransaction(
        AuditTrail::event(m_runBy, QStringLiteral("sync.pull"), QStringLiteral("platform"),
                          {{QStringLiteral("changes"), r.report.pulledLinkages},
                           {QStringLiteral("applied"), r.applied},
                           {QStringLiteral("conflicts"), r.pullConflicts},
                           {QStringLiteral("revocations"), r.report.pulledRevocations},
                           {QStringLiteral("upTo"), r.linkageCursor},
                           {QStringLiteral("revocationsUpTo"), r.revocationCursor},
                           {QStringLiteral("outcome"), outcome}}));
    if (!push || !pull) {
        qCWarning(lcAudit) << "sync run not recorded:" << (!push ? push.error() : pull.error()).toString();
    }
}

} // namespace madoguchi::services
