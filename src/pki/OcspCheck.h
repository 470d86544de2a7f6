#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "pki/OcspClientOptions.h"
#include "pki/OcspRequestBuilder.h"
#include "pki/RevocationQuery.h"
#include "pki/RevocationStatus.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace madoguchi::pki {

class OcspCache;

// One asynchronous OCSP exchange (RFC 6960 over HTTP POST, Appendix A.1): cache, request,
// response checks. Emits finished() exactly once, always after start() has returned — also for
// a cache hit or an early error — so callers connect the same way in every case. Lives in the
// thread of its QNetworkAccessManager; never blocks it.
class OcspCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OcspCheck)

public:
    OcspCheck(QNetworkAccessManager& network, const core::Clock& clock, OcspCache* cache, OcspClientOptions options,
              RevocationQuery query, QObject* parent = nullptr);
    ~OcspCheck() override;

    void start();
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const core::Result<RevocationStatus>& result() const { return m_result; }
    // The raw response as received (empty for a cache hit or a transport error); for diagnostics.
    [[nodiscard]] const QByteArray& responseDer() const { return m_responseDer; }

public Q_SLOTS:
    // Stops the exchange; finished() follows with Errc::Cancelled unless already finished.
    void cancel();

Q_SIGNALS:
    void finished();

private:
    [[nodiscard]] bool answerFromCache();
    void sendRequest();
    void onReplyFinished();
    void onReadyRead();
    [[nodiscard]] core::Result<RevocationStatus> evaluateReply(QNetworkReply& reply);
    [[nodiscard]] core::Result<RevocationStatus> transportError(QNetworkReply& reply) const;
    void finish(core::Result<RevocationStatus> result);
    void finishLater(core::Result<RevocationStatus> result);

    QNetworkAccessManager& m_network;
    const core::Clock& m_clock;
    OcspCache* m_cache;
    OcspClientOptions m_options;
    RevocationQuery m_query;
    OcspRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QByteArray m_responseDer;
    core::Result<RevocationStatus> m_result;
    bool m_started = false;
    bool m_finished = false;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_tooLarge = false;
};

} // namespace madoguchi::pki
