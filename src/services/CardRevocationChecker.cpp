#include "services/CardRevocationChecker.h"

#include "pki/OcspCache.h"
#include "pki/OcspSource.h"
#include "pki/RevocationCrlIndex.h"
#include "pki/RevocationCrlSource.h"
#include "pki/RevocationService.h"
#include "services/CrlOverview.h"

#include <QSettings>

namespace madoguchi::services {

using Revocation = CardSummary::Revocation;

// The CRL cache as the revocation service's CRL index (pki::RevocationCrlIndex).
class CardRevocationChecker::CrlIndexAdapter final : public pki::RevocationCrlIndex
{
public:
    explicit CrlIndexAdapter(const CrlOverview& crls) : m_crls(crls) {}

    core::Result<pki::CrlLookupAnswer> lookup(const QByteArray& issuerKeyId, const QByteArray& serial) const override
    {
        const auto found = m_crls.lookup(serial, issuerKeyId);
        if (!found) {
            return core::fail(
                core::Errc::NotFound,
                QStringLiteral("no CRL of issuer %1 is loaded").arg(QString::fromLatin1(issuerKeyId.toHex())));
        }
        pki::CrlLookupAnswer answer;
        answer.listed = found->revoked;
        if (found->revoked && found->reasonCode != 255) {
            answer.reasonCode = found->reasonCode;
        }
        answer.revocationTime = found->revokedAt;
        answer.crlName = found->issuer;
        if (found->crlNumber) {
            answer.crlNumber = qint64(*found->crlNumber);
        }
        answer.thisUpdate = found->crlThisUpdate;
        answer.nextUpdate = found->crlNextUpdate;
        return answer;
    }

private:
    const CrlOverview& m_crls;
};

CardRevocationChecker::Settings CardRevocationChecker::Settings::fromIni(const QString& iniPath)
{
    QSettings ini(iniPath, QSettings::IniFormat);
    ini.beginGroup(QStringLiteral("revocation"));
    Settings settings;
    settings.policy.ocspFirst = ini.value(QStringLiteral("order")).toString() == QStringLiteral("ocsp-first");
    settings.policy.fallback = ini.value(QStringLiteral("fallback"), true).toBool();
    settings.policy.requireFresh = ini.value(QStringLiteral("requireFresh"), true).toBool();
    const qint64 hours = ini.value(QStringLiteral("maxCrlAgeHours"), 36).toLongLong();
    settings.policy.maxCrlAgeSeconds = std::clamp<qint64>(hours, 1, 24 * 31) * 3600;
    settings.ocspUrl = QUrl(ini.value(QStringLiteral("ocspUrl")).toString());
    settings.ocspTimeoutMs = std::clamp(ini.value(QStringLiteral("ocspTimeoutMs"), 10'000).toInt(), 500, 60'000);
    return settings;
}

CardRevocationChecker::CardRevocationChecker(const CrlOverview& crls, const core::Clock& clock, Settings settings)
    : m_crls(crls), m_clock(clock), m_settings(std::move(settings)), m_index(std::make_unique<CrlIndexAdapter>(crls)),
      m_crlSource(std::make_unique<pki::RevocationCrlSource>(*m_index)),
      m_service(std::make_unique<pki::RevocationService>(clock, m_settings.policy))
{
    m_service->setSource(pki::RevocationSourceKind::Crl, m_crlSource.get());
    if (m_settings.ocspUrl.isValid() && !m_settings.ocspUrl.isEmpty()) {
        pki::OcspClientOptions options;
        options.timeoutMs = m_settings.ocspTimeoutMs;
        m_ocspCache = std::make_unique<pki::OcspCache>(clock);
        m_ocspSource = std::make_unique<pki::OcspSource>(clock, m_ocspCache.get(), options);
        m_service->setSource(pki::RevocationSourceKind::Ocsp, m_ocspSource.get());
    }
}

CardRevocationChecker::~CardRevocationChecker() = default;

void CardRevocationChecker::setPlatformFeed(pki::RevocationSource* feed)
{
    m_service->setPlatformFeed(feed);
}

Revocation CardRevocationChecker::check(const CardSummary& card)
{
    if (card.certDer.isEmpty()) {
        return Revocation{}; // nothing read to check: NotChecked
    }
    const pki::RevocationQuery query{card.certDer, card.issuerCertDer, pki::CertKind::Auth, m_settings.ocspUrl};
    Revocation verdict = fromVerdict(m_service->check(query), m_clock.now());
    if (verdict.why == Revocation::Why::CrlStale) {
        describeStaleCrl(verdict, card);
    }
    return verdict;
}

// A stale CRL gave no answer, so the verdict does not say which CRL: the counter still needs to see its
// issuer and age to know what to refresh.
void CardRevocationChecker::describeStaleCrl(Revocation& verdict, const CardSummary& card) const
{
    const auto found = m_crls.lookup(card.serial, card.issuerKeyId);
    if (!found) {
        return;
    }
    verdict.via = Revocation::Via::Crl;
    verdict.source = found->issuer;
    verdict.sourceTime = found->crlThisUpdate;
    verdict.sourceAgeSeconds = found->crlThisUpdate.secsTo(m_clock.now());
    verdict.sourceStale = true;
}

void CardRevocationChecker::cancel()
{
    m_service->cancel();
}

namespace {

Revocation::Via viaOf(pki::RevocationSourceKind kind)
{
    switch (kind) {
    case pki::RevocationSourceKind::Crl:
        return Revocation::Via::Crl;
    case pki::RevocationSourceKind::Ocsp:
        return Revocation::Via::Ocsp;
    case pki::RevocationSourceKind::PlatformFeed:
        return Revocation::Via::PlatformFeed;
    }
    return Revocation::Via::None;
}

void describeSource(Revocation& out, const pki::RevocationStatus& status, const QDateTime& now)
{
    out.via = viaOf(status.source);
    out.source = status.sourceName;
    const bool ocsp = status.source == pki::RevocationSourceKind::Ocsp;
    out.sourceTime = ocsp && status.producedAt.isValid() ? status.producedAt : status.thisUpdate;
    out.sourceAgeSeconds = out.sourceTime.isValid() ? out.sourceTime.secsTo(now) : -1;
    out.sourceStale = status.nextUpdate.isValid() && status.nextUpdate < now;
}

// Why nothing answered: no source at all, only "no CRL of this issuer", a stale CRL, or failures.
Revocation::Why whyNoAnswer(const pki::RevocationVerdict& verdict)
{
    if (verdict.attempts.isEmpty()) {
        return Revocation::Why::NoSource;
    }
    bool onlyMissingCrl = true;
    bool stale = false;
    for (const auto& attempt : verdict.attempts) {
        const auto code = attempt.error ? attempt.error->code : core::Errc::Internal;
        stale = stale || code == core::Errc::RevocationStale;
        onlyMissingCrl =
            onlyMissingCrl && attempt.source == pki::RevocationSourceKind::Crl && code == core::Errc::NotFound;
    }
    return stale            ? Revocation::Why::CrlStale
           : onlyMissingCrl ? Revocation::Why::NoCrlOfIssuer
                            : Revocation::Why::NoAnswer;
}

} // namespace

Revocation CardRevocationChecker::fromVerdict(const pki::RevocationVerdict& verdict, const QDateTime& now)
{
    Revocation out;
    out.detail = verdict.why;
    if (verdict.decidedBy) {
        const pki::RevocationStatus& status = *verdict.decidedBy;
        describeSource(out, status, now);
        switch (status.status) {
        case pki::CertStatus::Good:
            out.state = Revocation::State::Good;
            break;
        case pki::CertStatus::Revoked:
            out.state = Revocation::State::Revoked;
            out.reasonCode = status.reasonCode.value_or(255);
            out.revokedAt = status.revocationTime;
            break;
        case pki::CertStatus::Unknown: // the responder does not vouch for it: final (RevocationPolicy)
            out.state = Revocation::State::Unknown;
            out.why = Revocation::Why::ResponderUnknown;
            break;
        }
        return out;
    }
    out.state = Revocation::State::Unknown;
    out.why = whyNoAnswer(verdict);
    if (!verdict.attempts.isEmpty()) {
        out.via = viaOf(verdict.attempts.constLast().source);
    }
    return out;
}

} // namespace madoguchi::services
