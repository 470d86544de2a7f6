#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "sync/OutboxSource.h"
#include "sync/SyncSink.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace madoguchi::sync {

struct SyncClientOptions
{
    QUrl baseUrl;          // https://platform.example:8443
    QSslConfiguration tls; // the terminal's client certificate + key, the platform CA (see tlsConfiguration)
    int batchSize = 500;   // outbox items per push
    int pageSize = 1000;   // feed entries per pull
    int initialBackoffMs = 200;
    int maxBackoffMs = 5000;
    int maxAttempts = 8; // per request; after that the run ends offline and the next run resumes
};

// Sync with the platform (architecture.md §7): pushes the outbox in batches with idempotency keys,
// then pulls the linkage and revocation feeds by cursor. Network failures and 503 are retried with
// exponential back-off; the outbox is acknowledged only for answered items, and cursors move only
// with applied pages, so an interrupted run resumes without loss or duplication. Conflicts go to
// the sink with both versions. Asynchronous on the caller's thread (Qt event loop), no Widgets.
class SyncClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncClient)

public:
    SyncClient(SyncClientOptions options, OutboxSource& outbox, SyncSink& sink, QObject* parent = nullptr);
    ~SyncClient() override;

    // Client certificate + key (PEM) and the platform CA as the only trusted root.
    [[nodiscard]] static core::Result<QSslConfiguration>
    tlsConfiguration(const QByteArray& certPem, const QByteArray& keyPem, const QByteArray& caPem);

    void start(); // one run: push all, pull both feeds; finished() at the end
    // Stops the run soon: the request in flight is aborted, finished(false) with Errc::Cancelled.
    // Call on the client's thread (queue it from others). What was acknowledged or applied stays.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const SyncReport& report() const { return m_report; }
    [[nodiscard]] const std::optional<core::Error>& lastError() const { return m_error; }

signals:
    void finished(bool ok);
    // After every acknowledged batch and applied page: totals so far in this run.
    void progressed(int pushed, int pulled);

private:
    using Handler = std::function<void(int status, const QJsonObject& body)>;
    void send(const QByteArray& method, const QString& path, const QByteArray& body, Handler handler, int attempt = 0);
    void onReply(QNetworkReply* reply, const QByteArray& method, const QString& path, const QByteArray& body,
                 const Handler& handler, int attempt);
    void pushNext();
    void onPushed(const QList<OutboxItem>& items, const QJsonObject& body);
    void onBatchRefused(const QList<OutboxItem>& items, int status, const QJsonObject& body);
    void pullLinkages();
    void pullRevocations();
    void finish(std::optional<core::Error> error);

    SyncClientOptions m_options;
    OutboxSource& m_outbox;
    SyncSink& m_sink;
    QNetworkAccessManager* m_network;
    SyncReport m_report;
    std::optional<core::Error> m_error;
    QNetworkReply* m_inFlight = nullptr;
    int m_batchLimit = 0; // shrinks while a refused batch is split to find the item the platform refuses
    bool m_running = false;
};

} // namespace madoguchi::sync
