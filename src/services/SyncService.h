#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "services/Operator.h"
#include "services/SyncConflicts.h"
#include "store/Database.h"
#include "sync/SyncTypes.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace madoguchi::audit {
class AuditLog;
}
namespace madoguchi::sync {
class SyncClient;
}

namespace madoguchi::services {

class ChangeRecorder;

enum class SyncState
{
    NotConfigured, // no platform address or terminal certificate in the settings
    Waiting,       // configured; changes wait (or no run yet)
    Syncing,
    UpToDate, // the last run ended well and nothing waits
    Offline,  // the last run could not reach the platform; work continues and is sent later
    Error,    // the last run ended with another error
};

struct SyncStatus
{
    SyncState state = SyncState::NotConfigured;
    QUrl platform;
    QDateTime lastPush; // invalid: never
    QDateTime lastPull;
    qint64 pending = 0;
    qint64 openConflicts = 0;
    std::optional<core::Error> lastError;
};

// Desktop sync as a use case (architecture.md §7, issue 7 item 3): SyncClient over the store's outbox
// (StoreOutbox) and StoreSyncSink, run on a worker thread with its OWN store connection, cancellable,
// with progress. When a run ends, its push and pull are recorded in the audit log (counts, cursors,
// conflicts). Roles: everyone who may read sees the status; auditors may look but not start a run
// or resolve (SyncConflicts). Not configured (training without a platform): no network at all.
class SyncService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncService)

public:
    struct Config
    {
        QUrl platform;               // SettingsService::Key::PlatformAddress
        QString terminalCertificate; // SettingsService::Key::TerminalCertificate: terminal.pem, with
                                     // terminal.key and ca.pem beside it (`madoguchi-cli sync enrol`)
        std::function<core::Result<store::Database>()> openWorkerDatabase; // a NEW connection
        int batchSize = 500;
        int pageSize = 1000;
        int maxAttempts = 4;
        int initialBackoffMs = 200;
    };

    SyncService(store::Database& db, const core::Clock& clock, Config config, ChangeRecorder* recorder = nullptr,
                audit::AuditLog* audit = nullptr, QObject* parent = nullptr);
    ~SyncService() override; // cancels and waits for a running worker

    [[nodiscard]] bool isConfigured() const;
    // From Settings, without a restart: used from the next run on (a running one keeps its own copy).
    void setPlatform(const QUrl& platform, const QString& terminalCertificate);
    [[nodiscard]] QUrl platform() const { return m_config.platform; }
    [[nodiscard]] core::Result<SyncStatus> status(const Operator& op);
    [[nodiscard]] SyncConflicts& conflicts() { return m_conflicts; }

    [[nodiscard]] static bool mayStart(const Operator& op);
    // Errc::PermissionDenied (auditors), Errc::Unsupported (not configured), InvalidArgument (running).
    [[nodiscard]] core::Result<void> start(const Operator& op);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    [[nodiscard]] const sync::SyncReport& lastReport() const { return m_report; }
    [[nodiscard]] const std::optional<core::Error>& lastError() const { return m_error; }

    // terminal.pem + terminal.key + ca.pem (EnrolmentClient's files) → the client TLS configuration.
    [[nodiscard]] static core::Result<QSslConfiguration> loadTls(const QString& certificatePath);

Q_SIGNALS:
    void progressed(int pushed, int pulled);
    void finished(bool ok);

private:
    struct RunResult;
    [[nodiscard]] RunResult runInWorker(const QSslConfiguration& tls, const Config& config);
    void onWorkerDone(const RunResult& result);
    void recordRun(const RunResult& result);

    store::Database& m_db;
    const core::Clock& m_clock;
    Config m_config;
    audit::AuditLog* m_audit;
    SyncConflicts m_conflicts;
    std::unique_ptr<QThread> m_thread;
    std::atomic_bool m_cancel{false};
    std::mutex m_clientMutex;
    QPointer<sync::SyncClient> m_client; // the worker's, while it runs
    Operator m_runBy;
    sync::SyncReport m_report;
    std::optional<core::Error> m_error;
};

} // namespace madoguchi::services
