#include "sync/SyncClient.h"

#include "core/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

namespace madoguchi::sync {

namespace {

std::optional<PushOutcome> outcomeOf(const QString& text)
{
    if (text == QStringLiteral("applied")) {
        return PushOutcome::Applied;
    }
    if (text == QStringLiteral("duplicate")) {
        return PushOutcome::Duplicate;
    }
    if (text == QStringLiteral("rejected")) {
        return PushOutcome::Rejected;
    }
    return text == QStringLiteral("conflict") ? std::optional(PushOutcome::Conflict) : std::nullopt;
}

core::Error httpError(int status, const QJsonObject& body)
{
    const QJsonObject error = body.value(QStringLiteral("error")).toObject();
    return core::Error{
        core::Errc::NetworkFailure,
        QStringLiteral("HTTP %1 %2: %3")
            .arg(status)
            .arg(error.value(QStringLiteral("code")).toString(), error.value(QStringLiteral("message")).toString()),
        status};
}

} // namespace

SyncClient::SyncClient(SyncClientOptions options, OutboxSource& outbox, SyncSink& sink, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_outbox(outbox), m_sink(sink),
      m_network(new QNetworkAccessManager(this))
{}

SyncClient::~SyncClient() = default;

core::Result<QSslConfiguration> SyncClient::tlsConfiguration(const QByteArray& certPem, const QByteArray& keyPem,
                                                             const QByteArray& caPem)
{
    const QSslCertificate cert(certPem, QSsl::Pem);
    const QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    const QList<QSslCertificate> ca = QSslCertificate::fromData(caPem, QSsl::Pem);
    if (cert.isNull() || key.isNull() || ca.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("terminal certificate, key or platform CA unreadable"));
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(cert);
    tls.setPrivateKey(key);
    tls.setCaCertificates(ca); // the platform CA only, not the system roots
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return tls;
}

void SyncClient::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_report = {};
    m_error.reset();
    m_batchLimit = m_options.batchSize;
    pushNext();
}

void SyncClient::cancel()
{
    if (!m_running) {
        return;
    }
    if (m_inFlight != nullptr) {
        m_inFlight->disconnect(this);
        m_inFlight->abort();
        m_inFlight->deleteLater();
        m_inFlight = nullptr;
    }
    finish(core::Error{core::Errc::Cancelled, QStringLiteral("sync cancelled"), 0});
}

void SyncClient::send(const QByteArray& method, const QString& path, const QByteArray& body, Handler handler,
                      int attempt)
{
    if (!m_running) {
        return; // cancelled while a retry was waiting
    }
    QUrl url = m_options.baseUrl;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0) {
        url.setQuery(path.mid(question + 1));
    }
    QNetworkRequest request(url);
    request.setSslConfiguration(m_options.tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, method, path, body, handler, attempt] {
        onReply(reply, method, path, body, handler, attempt);
    });
}

void SyncClient::onReply(QNetworkReply* reply, const QByteArray& method, const QString& path, const QByteArray& body,
                         const Handler& handler, int attempt)
{
    reply->deleteLater();
    m_inFlight = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // No HTTP answer (offline, refused, reset mid-request) or the platform says "try again": retry.
    // The request is safe to repeat: pushes carry idempotency keys, pulls only read.
    const bool transient = status == 0 || status == 502 || status == 503 || status == 429;
    if (transient && attempt + 1 < m_options.maxAttempts) {
        const int base = std::min(m_options.maxBackoffMs, m_options.initialBackoffMs << std::min(attempt, 16));
        const int delay = base / 2 + static_cast<int>(QRandomGenerator::global()->bounded(base / 2 + 1)); // jitter
        ++m_report.retries;
        qCInfo(lcSync).noquote() << "retry" << path << "in" << delay
                                 << "ms:" << (status ? QString::number(status) : reply->errorString());
        QTimer::singleShot(delay, this, [this, method, path, body, handler, attempt] {
            send(method, path, body, handler, attempt + 1);
        });
        return;
    }
    if (status == 0) {
        return finish(
            core::Error{core::Errc::NetworkFailure, QStringLiteral("offline: %1").arg(reply->errorString()), 0});
    }
    handler(status, QJsonDocument::fromJson(reply->readAll()).object());
}

void SyncClient::pushNext()
{
    auto pending = m_outbox.pending(m_batchLimit);
    if (!pending) {
        return finish(pending.error());
    }
    const QList<OutboxItem> items = *pending;
    if (items.isEmpty()) {
        return pullLinkages();
    }
    QJsonArray array;
    for (const OutboxItem& item : items) {
        QJsonObject entry{{QStringLiteral("idempotencyKey"), item.idempotencyKey},
                          {QStringLiteral("linkage"), item.linkage.toJson()}};
        if (!item.sealedNumber.isEmpty()) {
            entry.insert(QStringLiteral("sealedNumber"), QString::fromLatin1(item.sealedNumber.toBase64()));
        }
        array.append(entry);
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("items"), array}}).toJson(QJsonDocument::Compact);
    send("POST", QStringLiteral("/v1/linkages/batch"), body, [this, items](int status, const QJsonObject& reply) {
        if (status == 409 || status == 422) {
            return onBatchRefused(items, status, reply);
        }
        if (status != 200) {
            return finish(httpError(status, reply));
        }
        onPushed(items, reply);
    });
}

// The platform refuses a whole batch for one bad item (409 idempotency_key_reused, 422 validation;
// docs/api/openapi.yaml). One item must not block the outbox: the batch is halved until the refused
// item goes alone; that item becomes a conflict for a person (both versions: ours and the refusal),
// is taken off the outbox, and the rest goes on.
void SyncClient::onBatchRefused(const QList<OutboxItem>& items, int status, const QJsonObject& body)
{
    if (items.size() > 1) {
        m_batchLimit = static_cast<int>(std::max<qsizetype>(1, items.size() / 2));
        return pushNext();
    }
    const QJsonObject error = body.value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code"))
                             .toString(status == 409 ? QStringLiteral("refused_409") : QStringLiteral("refused_422"));
    if (auto recorded = m_sink.recordConflict(ConflictRecord{QString(), code, items.first().linkage, error});
        !recorded) {
        return finish(recorded.error());
    }
    ++m_report.conflicts;
    if (auto acked = m_outbox.acknowledge({PushResult{items.first().idempotencyKey, PushOutcome::Conflict, 0, false}});
        !acked) {
        return finish(acked.error());
    }
    ++m_report.pushed;
    m_batchLimit = m_options.batchSize;
    emit progressed(m_report.pushed, m_report.pulledLinkages + m_report.pulledRevocations);
    pushNext();
}

void SyncClient::onPushed(const QList<OutboxItem>& items, const QJsonObject& body)
{
    const QJsonArray results = body.value(QStringLiteral("results")).toArray();
    if (results.size() != items.size()) {
        return finish(core::Error{core::Errc::MalformedResponse, QStringLiteral("push: result count differs"), 0});
    }
    QList<PushResult> acknowledged;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject r = results[i].toObject();
        const auto outcome = outcomeOf(r.value(QStringLiteral("outcome")).toString());
        if (!outcome) {
            // An answer this client does not understand is not taken as success: the item stays queued.
            return finish(core::Error{core::Errc::MalformedResponse, QStringLiteral("push: unknown outcome"), 0});
        }
        PushResult result{
            items[i].idempotencyKey, *outcome, static_cast<qint64>(r.value(QStringLiteral("seq")).toDouble()),
            r.value(QStringLiteral("replayed")).toBool(), r.value(QStringLiteral("vaultToken")).toString()};
        if (result.outcome == PushOutcome::Conflict || result.outcome == PushOutcome::Rejected) {
            // Per item: this one waits for a person, the others in the batch are acknowledged as usual.
            // A rejection has no "existing" side: the platform's error stands in for it, as for a refusal.
            const QJsonObject error = r.value(QStringLiteral("error")).toObject();
            const bool rejected = result.outcome == PushOutcome::Rejected;
            auto recorded = m_sink.recordConflict(
                ConflictRecord{r.value(QStringLiteral("conflictId")).toString(),
                               rejected ? error.value(QStringLiteral("code")).toString(QStringLiteral("rejected"))
                                        : r.value(QStringLiteral("reason")).toString(),
                               items[i].linkage, rejected ? error : r.value(QStringLiteral("existing")).toObject()});
            if (!recorded) {
                return finish(recorded.error());
            }
            ++m_report.conflicts;
        }
        acknowledged.append(result);
    }
    if (auto acked = m_outbox.acknowledge(acknowledged); !acked) {
        return finish(acked.error());
    }
    m_report.pushed += static_cast<int>(acknowledged.size());
    m_batchLimit = m_options.batchSize;
    emit progressed(m_report.pushed, m_report.pulledLinkages + m_report.pulledRevocations);
    pushNext();
}

void SyncClient::pullLinkages()
{
    const QString path =
        QStringLiteral("/v1/linkages/changes?after=%1&limit=%2").arg(m_sink.linkageCursor()).arg(m_options.pageSize);
    send("GET", path, {}, [this](int status, const QJsonObject& reply) {
        if (status != 200) {
            return finish(httpError(status, reply));
        }
        QList<LinkageRecord> changes;
        for (const QJsonValue& value : reply.value(QStringLiteral("changes")).toArray()) {
            auto record = LinkageRecord::fromJson(value.toObject());
            if (!record) {
                return finish(record.error());
            }
            changes.append(*record);
        }
        if (auto applied = m_sink.applyLinkages(
                changes, static_cast<qint64>(reply.value(QStringLiteral("nextCursor")).toDouble()));
            !applied) {
            return finish(applied.error());
        }
        m_report.pulledLinkages += static_cast<int>(changes.size());
        emit progressed(m_report.pushed, m_report.pulledLinkages + m_report.pulledRevocations);
        reply.value(QStringLiteral("hasMore")).toBool() ? pullLinkages() : pullRevocations();
    });
}

void SyncClient::pullRevocations()
{
    const QString path = QStringLiteral("/v1/revocations/changes?after=%1&limit=%2")
                             .arg(m_sink.revocationCursor())
                             .arg(m_options.pageSize);
    send("GET", path, {}, [this](int status, const QJsonObject& reply) {
        if (status != 200) {
            return finish(httpError(status, reply));
        }
        QList<RevocationEvent> events;
        for (const QJsonValue& value : reply.value(QStringLiteral("events")).toArray()) {
            const QJsonObject e = value.toObject();
            events.append(RevocationEvent{
                static_cast<qint64>(e.value(QStringLiteral("seq")).toDouble()),
                e.value(QStringLiteral("cardId")).toString(), e.value(QStringLiteral("event")).toString(),
                e.value(QStringLiteral("reason")).toInt(-1),
                QDateTime::fromString(e.value(QStringLiteral("occurredAt")).toString(), Qt::ISODate),
                e.value(QStringLiteral("successorCardId")).toString()});
        }
        if (auto applied = m_sink.applyRevocations(
                events, static_cast<qint64>(reply.value(QStringLiteral("nextCursor")).toDouble()));
            !applied) {
            return finish(applied.error());
        }
        m_report.pulledRevocations += static_cast<int>(events.size());
        emit progressed(m_report.pushed, m_report.pulledLinkages + m_report.pulledRevocations);
        reply.value(QStringLiteral("hasMore")).toBool() ? pullRevocations() : finish(std::nullopt);
    });
}

void SyncClient::finish(std::optional<core::Error> error)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    m_error = std::move(error);
    if (m_error) {
        qCWarning(lcSync).noquote() << "sync stopped:" << m_error->toString();
    }
    emit finished(!m_error.has_value());
}

} // namespace madoguchi::sync
