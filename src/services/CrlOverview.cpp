#include "services/CrlOverview.h"

#include "core/Logging.h"
#include "pki/CrlIssuer.h"
#include "pki/OpenSsl.h"
#include "services/AuditTrail.h"

#include <QFileInfo>

#include <openssl/x509.h>

namespace madoguchi::services {

namespace {

QString issuerText(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509_NAME* name = d2i_X509_NAME(nullptr, &p, der.size());
    if (name == nullptr) {
        return QString::fromLatin1(der.toHex());
    }
    QString text = pki::ossl::nameToString(name);
    X509_NAME_free(name);
    return text;
}

QDateTime fromEpoch(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

} // namespace

CrlOverview::CrlOverview(QString cacheDirectory, const core::Clock& clock)
    : m_cache(std::move(cacheDirectory)), m_clock(clock)
{}

CrlOverview::~CrlOverview() = default;

CrlSummary CrlOverview::summarize(const QString& id, const pki::Crl& crl) const
{
    const auto& info = crl.info();
    CrlSummary s;
    s.id = id;
    s.issuer = issuerText(info.issuerDer);
    s.authorityKeyId = info.authorityKeyId;
    s.crlNumber = info.crlNumber;
    s.thisUpdate = fromEpoch(info.thisUpdate);
    if (info.nextUpdate) {
        s.nextUpdate = fromEpoch(*info.nextUpdate);
    }
    s.ageSeconds = s.thisUpdate.secsTo(m_clock.now());
    s.stale = crl.isStale(m_clock);
    s.delta = info.isDelta();
    s.entries = crl.uniqueEntries();
    crl.forEachEntry([&s](const uchar*, int, const pki::CrlRevocation& r) { ++s.countsByReason[int(r.reason)]; });
    return s;
}

core::Result<void> CrlOverview::reload()
{
    const QMutexLocker lock(&m_mutex);
    m_crls.clear();
    m_summaries.clear();
    m_failures = 0;
    for (const QString& id : m_cache.ids()) {
        auto crl = m_cache.open(id, m_clock);
        if (!crl) {
            qCWarning(lcServices) << "cached CRL" << id << "not opened:" << crl.error().toString();
            ++m_failures;
            continue;
        }
        m_summaries.append(summarize(id, *crl));
        m_crls.push_back(std::make_unique<pki::Crl>(std::move(*crl)));
    }
    return {};
}

core::Result<CrlSummary> CrlOverview::import(const QString& crlPath, const QString& issuerPemPath)
{
    auto imported = importUnrecorded(crlPath, issuerPemPath);
    recordImport(crlPath, imported);
    return imported;
}

void CrlOverview::recordImport(const QString& crlPath, const core::Result<CrlSummary>& imported) const
{
    if (m_trail == nullptr) {
        return;
    }
    QJsonObject details{{QStringLiteral("file"), QFileInfo(crlPath).fileName()}};
    if (imported) {
        details.insert(QStringLiteral("outcome"), QStringLiteral("ok"));
        details.insert(QStringLiteral("issuer"), imported->issuer);
        details.insert(QStringLiteral("entries"), imported->entries);
        details.insert(QStringLiteral("thisUpdate"), imported->thisUpdate.toString(Qt::ISODate));
        details.insert(QStringLiteral("stale"), imported->stale);
        if (imported->crlNumber) {
            details.insert(QStringLiteral("crlNumber"), QString::number(*imported->crlNumber));
        }
    } else {
        details.insert(QStringLiteral("outcome"), QStringLiteral("refused"));
        details.insert(QStringLiteral("error"), core::errcName(imported.error().code));
    }
    const Operator actor = m_actor != nullptr ? *m_actor : Operator{};
    if (auto recorded = m_trail->crlImported(actor, imported ? imported->id : QString(), details); !recorded) {
        qCWarning(lcAudit) << "CRL import not recorded:" << recorded.error().toString();
    }
}

void CrlOverview::recordLookup(const QByteArray& serial, const QByteArray& issuerKeyId,
                               const std::optional<SerialLookup>& answer) const
{
    if (m_trail == nullptr) {
        return;
    }
    QJsonObject payload{{QStringLiteral("source"), QStringLiteral("crl")}};
    if (!answer) {
        payload.insert(QStringLiteral("status"), QStringLiteral("unknown"));
        payload.insert(QStringLiteral("why"), QStringLiteral("no_crl_of_issuer"));
    } else {
        const bool unknown = !answer->revoked && answer->crlStale; // fails closed (architecture.md §5)
        payload.insert(QStringLiteral("status"), answer->revoked ? QStringLiteral("revoked")
                                                 : unknown       ? QStringLiteral("unknown")
                                                                 : QStringLiteral("good"));
        payload.insert(QStringLiteral("crl"), answer->crlId);
        if (answer->revoked) {
            payload.insert(QStringLiteral("reason"), answer->reasonCode);
        }
    }
    const QString subject = issuerKeyId.isEmpty()
                                ? QStringLiteral("serial:") + QString::fromLatin1(serial.toHex())
                                : QStringLiteral("card:") + store::CardIdentity{issuerKeyId, serial}.toString();
    const Operator actor = m_actor != nullptr ? *m_actor : Operator{};
    if (auto recorded = m_trail->recordEvent(actor, QStringLiteral("revocation.check"), subject, payload); !recorded) {
        qCWarning(lcAudit) << "CRL check not recorded:" << recorded.error().toString();
    }
}

core::Result<CrlSummary> CrlOverview::importUnrecorded(const QString& crlPath, const QString& issuerPemPath)
{
    auto issuer = pki::CrlIssuer::fromPemFile(issuerPemPath);
    if (!issuer) {
        return core::fail(issuer.error());
    }
    auto crl = m_cache.import(crlPath, *issuer, m_clock);
    if (!crl) {
        return core::fail(crl.error());
    }
    const QString id = QString::fromLatin1(crl->contentId().toHex());
    if (auto reloaded = reload(); !reloaded) {
        return core::fail(reloaded.error());
    }
    for (const auto& s : std::as_const(m_summaries)) {
        if (s.id == id) {
            return s;
        }
    }
    return summarize(id, *crl);
}

std::optional<SerialLookup> CrlOverview::lookup(const QByteArray& serial, const QByteArray& issuerKeyId) const
{
    auto answer = find(serial, issuerKeyId);
    recordLookup(serial, issuerKeyId, answer);
    return answer;
}

std::optional<SerialLookup> CrlOverview::find(const QByteArray& serial, const QByteArray& issuerKeyId) const
{
    const QMutexLocker lock(&m_mutex);
    std::optional<SerialLookup> answer;
    for (std::size_t i = 0; i < m_crls.size(); ++i) {
        const auto& s = m_summaries.at(static_cast<qsizetype>(i));
        if (!issuerKeyId.isEmpty() && s.authorityKeyId != issuerKeyId) {
            continue;
        }
        SerialLookup here{false, 255, {}, s.id, s.issuer, s.thisUpdate, s.nextUpdate, s.crlNumber, s.stale};
        if (const auto hit = m_crls[i]->find(serial)) {
            here.revoked = true;
            here.reasonCode = int(hit->reason);
            here.revokedAt = fromEpoch(hit->revocationDate);
        }
        // A revocation found anywhere stands; otherwise the newest CRL asked speaks for "not listed".
        if (!answer || (here.revoked && !answer->revoked) ||
            (here.revoked == answer->revoked && here.crlThisUpdate > answer->crlThisUpdate)) {
            answer = here;
        }
    }
    return answer;
}

CardSummary::Revocation CrlOverview::cardVerdict(const QByteArray& issuerKeyId, const QByteArray& serial) const
{
    using State = CardSummary::Revocation::State;
    CardSummary::Revocation verdict;
    const auto found = lookup(serial, issuerKeyId);
    if (!found) {
        verdict.state = State::Unknown;
        verdict.why = CardSummary::Revocation::Why::NoCrlOfIssuer;
        return verdict;
    }
    verdict.via = CardSummary::Revocation::Via::Crl;
    verdict.source = found->issuer;
    verdict.sourceTime = found->crlThisUpdate;
    verdict.sourceAgeSeconds = found->crlThisUpdate.secsTo(m_clock.now());
    verdict.sourceStale = found->crlStale;
    if (found->revoked) {
        verdict.state = State::Revoked; // a listed revocation stands even on a stale CRL
        verdict.reasonCode = found->reasonCode;
        verdict.revokedAt = found->revokedAt;
    } else if (found->crlStale) {
        verdict.state = State::Unknown;
        verdict.why = CardSummary::Revocation::Why::CrlStale;
    } else {
        verdict.state = State::Good;
    }
    return verdict;
}

} // namespace madoguchi::services
