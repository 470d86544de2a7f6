#include "pki/RevocationConsequences.h"

#include "pki/RevocationCrlSource.h"
#include "pki/SuccessionTable.h"

namespace madoguchi::pki {

namespace {

using Kind = RevocationEventKind;

// Reasons J-LIS does not use (jpki-card.md §6) but RFC 5280 §5.3.1 defines: a compromise or a
// withdrawal can only mean "stop trusting now"; removeFromCRL would release a hold, which J-LIS
// never does, so a person looks at it.
Kind kindForOtherReason(int reason)
{
    switch (crlReasonFromCode(reason).value_or(CrlReason::NotGiven)) {
    case CrlReason::CaCompromise:
    case CrlReason::PrivilegeWithdrawn:
    case CrlReason::AaCompromise:
        return Kind::Block;
    default:
        return Kind::Review;
    }
}

} // namespace

QString eventKindName(RevocationEventKind kind)
{
    switch (kind) {
    case Kind::Revoke:
        return QStringLiteral("revoke");
    case Kind::Block:
        return QStringLiteral("block");
    case Kind::ChangeOfAddress:
        return QStringLiteral("change_of_address");
    case Kind::Migrate:
        return QStringLiteral("migrate");
    case Kind::SuccessorMissing:
        return QStringLiteral("successor_missing");
    case Kind::End:
        return QStringLiteral("end");
    case Kind::Review:
        break;
    }
    return QStringLiteral("review");
}

RevocationEvent RevocationConsequences::eventFor(const RevokedCertificate& revoked) const
{
    RevocationEvent event{Kind::Review, revoked, std::nullopt, {}};
    const int reason = revoked.reasonCode.value_or(static_cast<int>(CrlReason::Unspecified));
    event.note = reasonName(reason);
    switch (crlReasonFromCode(reason).value_or(CrlReason::NotGiven)) {
    case CrlReason::Unspecified:
        event.kind = Kind::Revoke;
        break;
    case CrlReason::KeyCompromise:
    case CrlReason::CertificateHold:
        event.kind = Kind::Block;
        break;
    case CrlReason::AffiliationChanged:
        // The auth certificate survives a move (jpki-card.md §6): on it, this reason is a surprise.
        event.kind = revoked.kind == CertKind::Sign ? Kind::ChangeOfAddress : Kind::Review;
        if (revoked.kind == CertKind::Auth) {
            event.note = QStringLiteral("affiliationChanged on an auth certificate is unexpected");
        }
        break;
    case CrlReason::Superseded:
        event.successor =
            m_successions ? m_successions->latestSuccessorOf(revoked.certificate) : std::optional<SuccessionKey>{};
        event.kind = event.successor ? Kind::Migrate : Kind::SuccessorMissing;
        break;
    case CrlReason::CessationOfOperation:
        event.kind = Kind::End;
        break;
    default:
        event.kind = kindForOtherReason(reason);
        break;
    }
    return event;
}

core::Result<RevokedCertificate> RevocationConsequences::revokedCertificateOf(const RevocationQuery& query,
                                                                              const RevocationStatus& status)
{
    if (status.status != CertStatus::Revoked) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("no consequences for a %1 certificate").arg(certStatusName(status.status)));
    }
    auto key = RevocationCrlSource::keyOf(query.certDer, query.issuerDer);
    if (!key) {
        return core::fail(key.error());
    }
    return RevokedCertificate{*key, query.kind, status.reasonCode, status.revocationTime};
}

void RevocationConsequences::dispatch(const RevokedCertificate& revoked, const RevocationEventSink& sink) const
{
    if (sink) {
        sink(eventFor(revoked));
    }
}

} // namespace madoguchi::pki
