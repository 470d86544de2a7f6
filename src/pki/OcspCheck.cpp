#include "pki/OcspCheck.h"

#include "core/Logging.h"
#include "pki/OcspCache.h"
#include "pki/OcspResponseVerifier.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace madoguchi::pki {

using core::Errc;

OcspCheck::OcspCheck(QNetworkAccessManager& network, const core::Clock& clock, OcspCache* cache,
                     OcspClientOptions options, RevocationQuery query, QObject* parent)
    : QObject(parent), m_network(network), m_clock(clock), m_cache(cache), m_options(std::move(options)),
      m_query(std::move(query)), m_result(core::fail(Errc::Internal, QStringLiteral("OCSP check not finished")))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply) {
            m_reply->abort();
        }
    });
}

OcspCheck::~OcspCheck()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OcspCheck::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    // The CertID alone first: a cache hit needs no nonce and no request.
    auto certId = OcspRequestBuilder::certIdFor(m_query.certDer, m_query.issuerDer);
    if (!certId) {
        finishLater(core::fail(certId.error()));
        return;
    }
    m_request.certIdDer = std::move(*certId);
    if (answerFromCache()) {
        return;
    }
    auto request = OcspRequestBuilder::build(m_query.certDer, m_query.issuerDer);
    if (!request) {
        finishLater(core::fail(request.error()));
        return;
    }
    m_request = std::move(*request);
    const QString scheme = m_query.ocspUrl.scheme();
    if (!m_query.ocspUrl.isValid() || (scheme != QStringLiteral("http") && scheme != QStringLiteral("https"))) {
        finishLater(core::fail(Errc::InvalidArgument,
                               QStringLiteral("OCSP URL must be http(s): %1").arg(m_query.ocspUrl.toDisplayString())));
        return;
    }
    sendRequest();
}

bool OcspCheck::answerFromCache()
{
    if (m_cache == nullptr) {
        return false;
    }
    if (auto hit = m_cache->find(m_request.certIdDer)) {
        finishLater(std::move(*hit));
        return true;
    }
    const auto der = m_cache->findOnDisk(m_request.certIdDer);
    if (!der) {
        return false;
    }
    // A stored response is verified again like a fresh one, without the nonce it cannot match.
    OcspExpectation expected{m_query.issuerDer, m_request.certIdDer,         {}, m_options.signerCandidates,
                             &m_clock,          m_options.allowedSkewSeconds};
    auto status = OcspResponseVerifier::verify(*der, expected);
    if (!status || !status->nextUpdate.isValid() || !(m_clock.now() < status->nextUpdate)) {
        m_cache->remove(m_request.certIdDer);
        return false;
    }
    status->sourceName = m_query.ocspUrl.toString();
    m_cache->store(m_request.certIdDer, *status, {});
    status->fromCache = true;
    finishLater(std::move(*status));
    return true;
}

void OcspCheck::sendRequest()
{
    if (!m_options.useSystemProxy) {
        m_network.setProxy(QNetworkProxy::NoProxy);
    }
    QNetworkRequest request(m_query.ocspUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/ocsp-request"));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_network.post(request, m_request.der);
    connect(m_reply, &QNetworkReply::readyRead, this, &OcspCheck::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &OcspCheck::onReplyFinished);
    m_timeout.start(m_options.timeoutMs);
    qCDebug(lcPki) << "OCSP request sent to" << m_query.ocspUrl.toDisplayString();
}

void OcspCheck::onReadyRead()
{
    if (m_reply && m_reply->bytesAvailable() > m_options.maxResponseBytes) {
        m_tooLarge = true;
        m_reply->abort();
    }
}

void OcspCheck::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (reply == nullptr || m_finished) {
        return;
    }
    m_timeout.stop();
    m_reply = nullptr;
    reply->deleteLater();
    finish(evaluateReply(*reply));
}

core::Result<RevocationStatus> OcspCheck::evaluateReply(QNetworkReply& reply)
{
    if (m_cancelled || m_timedOut || m_tooLarge || reply.error() != QNetworkReply::NoError) {
        return transportError(reply);
    }
    const int http = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (http != 200) {
        return core::fail(Errc::NetworkFailure,
                          QStringLiteral("HTTP %1 from %2").arg(http).arg(m_query.ocspUrl.toDisplayString()), http);
    }
    const QString type = reply.header(QNetworkRequest::ContentTypeHeader).toString();
    if (!type.startsWith(QStringLiteral("application/ocsp-response"))) {
        return core::fail(Errc::MalformedInput, QStringLiteral("responder sent content type '%1'").arg(type));
    }
    m_responseDer = reply.readAll();
    OcspExpectation expected{m_query.issuerDer, m_request.certIdDer,         m_request.der, m_options.signerCandidates,
                             &m_clock,          m_options.allowedSkewSeconds};
    auto status = OcspResponseVerifier::verify(m_responseDer, expected);
    if (!status) {
        qCWarning(lcPki) << "OCSP response rejected:" << status.error().toString();
        return status;
    }
    status->sourceName = m_query.ocspUrl.toString();
    status->checks.prepend(QStringLiteral("HTTP POST to %1").arg(status->sourceName));
    if (m_cache != nullptr) {
        m_cache->store(m_request.certIdDer, *status, m_responseDer);
    }
    return status;
}

core::Result<RevocationStatus> OcspCheck::transportError(QNetworkReply& reply) const
{
    const QString where = m_query.ocspUrl.toDisplayString();
    if (m_cancelled) {
        return core::fail(Errc::Cancelled, QStringLiteral("OCSP request to %1 cancelled").arg(where));
    }
    if (m_timedOut) {
        return core::fail(Errc::Timeout,
                          QStringLiteral("no answer from %1 within %2 ms").arg(where).arg(m_options.timeoutMs));
    }
    if (m_tooLarge) {
        return core::fail(
            Errc::MalformedInput,
            QStringLiteral("response from %1 exceeds %2 bytes").arg(where).arg(m_options.maxResponseBytes));
    }
    const int http = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (http >= 300) {
        return core::fail(Errc::NetworkFailure, QStringLiteral("HTTP %1 from %2").arg(http).arg(where), http);
    }
    const Errc code =
        reply.error() == QNetworkReply::ConnectionRefusedError ? Errc::ConnectionRefused : Errc::NetworkFailure;
    return core::fail(code, QStringLiteral("%1: %2").arg(where, reply.errorString()), reply.error());
}

void OcspCheck::cancel()
{
    if (m_finished || m_cancelled) {
        return;
    }
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort(); // finished() follows through onReplyFinished
    } else {
        finishLater(core::fail(Errc::Cancelled, QStringLiteral("OCSP check cancelled")));
    }
}

void OcspCheck::finish(core::Result<RevocationStatus> result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_timeout.stop();
    m_result = std::move(result);
    Q_EMIT finished();
}

void OcspCheck::finishLater(core::Result<RevocationStatus> result)
{
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result)]() mutable { finish(std::move(result)); }, Qt::QueuedConnection);
}

} // namespace madoguchi::pki
