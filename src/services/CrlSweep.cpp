#include "services/CrlSweep.h"

#include "pki/RevocationConsequences.h"
#include "services/AccessPolicy.h"
#include "services/CrlOverview.h"
#include "services/LinkageService.h"
#include "services/RevocationQueue.h"
#include "store/LinkageRepository.h"

#include <QSet>

namespace madoguchi::services {
namespace {

// Distinct cards that still hold a linkage a revocation would change.
core::Result<QList<store::CardIdentity>> cardsToCheck(store::LinkageRepository& repo)
{
    QList<store::CardIdentity> cards;
    QSet<QByteArray> seen;
    auto walked = repo.forEachCurrent([&](const store::Linkage& linkage) {
        const bool live =
            linkage.status == store::LinkageStatus::Active || linkage.status == store::LinkageStatus::Suspended;
        const QByteArray key = linkage.card.issuerKeyId + '/' + linkage.card.serial;
        if (live && !seen.contains(key)) {
            seen.insert(key);
            cards.append(linkage.card);
        }
        return true;
    });
    if (!walked) {
        return core::fail(walked.error());
    }
    return cards;
}

// True when the registry already knows the card as revoked or migrated (a repeat sweep changes nothing).
core::Result<bool> alreadyHandled(store::LinkageRepository& repo, const store::CardIdentity& card)
{
    auto id = repo.findCard(card);
    if (!id || !*id) {
        return id ? core::Result<bool>(false) : core::fail(id.error());
    }
    auto state = repo.cardState(**id);
    if (!state) {
        return core::fail(state.error());
    }
    return *state == QStringLiteral("revoked") || *state == QStringLiteral("migrated");
}

} // namespace

core::Result<CrlSweepReport> CrlSweep::run(const Operator& op)
{
    if (auto allowed = AccessPolicy::mayChangeCard(op); !allowed) {
        return core::fail(allowed.error());
    }
    auto cards = cardsToCheck(m_linkages.repository());
    if (!cards) {
        return core::fail(cards.error());
    }
    CrlSweepReport report;
    const pki::RevocationConsequences consequences; // no succession table here: reason 4 waits in the queue
    for (const store::CardIdentity& card : *cards) {
        ++report.cardsChecked;
        const auto found = m_crls.find(card.serial, card.issuerKeyId);
        if (!found || !found->revoked) {
            continue;
        }
        auto handled = alreadyHandled(m_linkages.repository(), card);
        if (!handled) {
            return core::fail(handled.error());
        }
        if (*handled) {
            continue;
        }
        auto changed = m_linkages.applyRevocation(op, RevocationEvent{card, found->reasonCode, std::nullopt});
        if (!changed) {
            return core::fail(changed.error());
        }
        ++report.cardsRevoked;
        report.linkagesChanged += *changed;
        pki::RevokedCertificate revoked{{card.issuerKeyId, pki::SuccessionKey::normalizedSerial(card.serial)},
                                        pki::CertKind::Auth,
                                        found->reasonCode == 255 ? std::nullopt : std::optional<int>(found->reasonCode),
                                        found->revokedAt};
        auto queued = m_queue.add(consequences.eventFor(revoked));
        if (!queued) {
            return core::fail(queued.error());
        }
        report.queued += *queued ? 1 : 0;
    }
    return report;
}

} // namespace madoguchi::services
