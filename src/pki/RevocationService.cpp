#include "pki/RevocationService.h"

#include "core/Logging.h"

#include <QMutexLocker>

namespace madoguchi::pki {

using core::Errc;

RevocationService::RevocationService(const core::Clock& clock, RevocationPolicy policy)
    : m_clock(clock), m_policy(policy)
{}

void RevocationService::setSource(RevocationSourceKind kind, RevocationSource* source)
{
    const QMutexLocker lock(&m_mutex);
    if (source == nullptr) {
        m_sources.remove(kind);
    } else {
        m_sources.insert(kind, source);
    }
}

void RevocationService::setPlatformFeed(RevocationSource* feed)
{
    setSource(RevocationSourceKind::PlatformFeed, feed);
    const QMutexLocker lock(&m_mutex);
    m_policy.usePlatformFeed = feed != nullptr;
}

RevocationPolicy RevocationService::policy() const
{
    const QMutexLocker lock(&m_mutex);
    return m_policy;
}

QList<RevocationSourceKind> RevocationService::order(const RevocationPolicy& policy)
{
    QList<RevocationSourceKind> kinds = policy.ocspFirst ? QList{RevocationSourceKind::Ocsp, RevocationSourceKind::Crl}
                                                         : QList{RevocationSourceKind::Crl, RevocationSourceKind::Ocsp};
    if (policy.usePlatformFeed) {
        kinds.append(RevocationSourceKind::PlatformFeed);
    }
    return kinds;
}

RevocationVerdict RevocationService::check(const RevocationQuery& query)
{
    m_cancelled = false;
    QHash<RevocationSourceKind, RevocationSource*> sources;
    RevocationPolicy policy;
    {
        const QMutexLocker lock(&m_mutex);
        sources = m_sources;
        policy = m_policy;
    }
    RevocationVerdict verdict;
    QStringList noAnswer;
    for (const RevocationSourceKind kind : order(policy)) {
        RevocationSource* source = sources.value(kind);
        if (source == nullptr) {
            continue;
        }
        if (!verdict.attempts.isEmpty() && !policy.fallback) {
            break;
        }
        auto result = m_cancelled
                          ? core::Result<RevocationStatus>(core::fail(Errc::Cancelled, QStringLiteral("cancelled")))
                          : ask(*source, query, policy);
        RevocationAttempt attempt{kind, std::nullopt, std::nullopt};
        if (!result) {
            attempt.error = result.error();
            noAnswer << sourceKindName(kind) + QStringLiteral(": ") + result.error().toString();
            verdict.attempts.append(attempt);
            if (result.error().code == Errc::Cancelled) {
                break;
            }
            continue;
        }
        attempt.answer = *result;
        verdict.attempts.append(attempt);
        verdict.status = result->status;
        verdict.decidedBy = *result;
        verdict.why = QStringLiteral("%1 from %2").arg(certStatusName(result->status), sourceKindName(kind));
        return verdict;
    }
    verdict.status = CertStatus::Unknown;
    verdict.why = noAnswer.isEmpty() ? QStringLiteral("no revocation source configured")
                                     : QStringLiteral("no answer: ") + noAnswer.join(QStringLiteral("; "));
    qCInfo(lcPki) << "revocation verdict unknown:" << verdict.why;
    return verdict;
}

core::Result<RevocationStatus> RevocationService::ask(RevocationSource& source, const RevocationQuery& query,
                                                      const RevocationPolicy& policy)
{
    {
        QMutexLocker lock(&m_mutex);
        m_running = &source;
    }
    auto result = source.statusOf(query);
    {
        QMutexLocker lock(&m_mutex);
        m_running = nullptr;
    }
    if (result && result->source == RevocationSourceKind::Crl) {
        return checkFreshness(std::move(*result), policy);
    }
    return result;
}

core::Result<RevocationStatus> RevocationService::checkFreshness(RevocationStatus status,
                                                                 const RevocationPolicy& policy) const
{
    const QDateTime now = m_clock.now();
    const qint64 age = status.thisUpdate.isValid() ? status.thisUpdate.secsTo(now) : -1;
    status.checks << QStringLiteral("CRL age %1 s (limit %2 s)").arg(age).arg(policy.maxCrlAgeSeconds);
    // A revocation stays true however old the list (fail closed); only "not listed" needs freshness.
    if (!policy.requireFresh || status.status == CertStatus::Revoked) {
        return status;
    }
    if (age < 0 || age > policy.maxCrlAgeSeconds) {
        return core::fail(Errc::RevocationStale, QStringLiteral("CRL %1 is %2 s old, limit %3 s")
                                                     .arg(status.sourceName)
                                                     .arg(age)
                                                     .arg(policy.maxCrlAgeSeconds));
    }
    if (!status.nextUpdate.isValid() || status.nextUpdate < now) {
        return core::fail(Errc::RevocationStale, QStringLiteral("CRL %1 is past its nextUpdate %2")
                                                     .arg(status.sourceName, status.nextUpdate.toString(Qt::ISODate)));
    }
    return status;
}

void RevocationService::cancel()
{
    m_cancelled = true;
    QMutexLocker lock(&m_mutex);
    if (m_running != nullptr) {
        m_running->cancel();
    }
}

} // namespace madoguchi::pki
