#pragma once

#include "card/HolderProof.h"
#include "card/JpkiTypes.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/CardSummary.h"
#include "services/LinkageService.h"
#include "services/Operator.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace madoguchi::services {

class AuditTrail;
class CardReaderService;

// The enrolment use case (issue 6 item 3): the card part (retry counter, PIN + auth signature over a
// HolderChallenge) runs on the card thread through CardReaderService::post and reports back queued to
// `context`'s thread; the store part goes through LinkageService, which checks the role. The assurance
// rules live here, not in the GUI (architecture.md §3, jpki-card.md §6): tap-only never counts as proof,
// photo check only where the office is approved (JPKI Act art. 38-2).
class EnrolmentService final
{
public:
    template <typename T>
    using Done = std::function<void(core::Result<T>)>;

    struct Settings
    {
        QString terminalId = QStringLiteral("counter-1");
        bool photoCheckApproved = false; // ministerial approval of the office (art. 38-2)
    };

    EnrolmentService(CardReaderService& cards, LinkageService& linkages, const core::Clock& clock, Settings settings);

    [[nodiscard]] const Settings& settings() const { return m_settings; }
    // Records every PIN outcome of proveHolder() (issue 5 item 1: outcome and tries left, never the
    // PIN) in the name of *actor, on `context`'s thread, before `done` runs. nullptr: not recorded.
    void setAuditTrail(AuditTrail* trail, const Operator* actor)
    {
        m_trail = trail;
        m_actor = actor;
    }

    // The auth PIN's retry counter (jpki-card.md §4: read before every VERIFY; never decrements it).
    // `done` runs on `context`'s thread, and not at all once `context` is gone.
    void readPinStatus(const QString& reader, QObject* context, Done<card::PinStatus> done);
    // VERIFY once + SIGN the challenge with the auth key + verify the signature, on the card that is
    // `expected` (a different card on the reader → Errc::CardRemoved). Never retried.
    void proveHolder(const CardSummary& expected, core::SecureBytes pin, card::PinConfirmation confirmation,
                     QObject* context, Done<card::HolderProofResult> done);

    // Whether an assurance may be recorded for an enrolment on this terminal.
    [[nodiscard]] core::Result<void> mayRecord(store::Assurance assurance) const;
    // Stores the linkage (GUI thread: one short transaction). Refused without proof or for the wrong role.
    [[nodiscard]] core::Result<store::Linkage> enrol(const Operator& op, EnrolRequest request);
    // The kinds the store knows (linkage_kind rows), sorted by code.
    [[nodiscard]] core::Result<QStringList> kinds();
    [[nodiscard]] core::Result<QStringList> fieldsOf(const QString& kind);
    // The fields a person types for `kind`: credit cards take the PAN ("pan") and the expiry; brand,
    // last 4 and token are derived (architecture.md §3); the platform ID may be left empty (issued here).
    [[nodiscard]] core::Result<QStringList> inputFieldsOf(const QString& kind);
    // Inline validation of a draft with the same rules enrol() applies (LinkageValidator, Luhn).
    [[nodiscard]] static QList<FieldIssue> validateDraft(const QString& kind, QJsonObject fields,
                                                         const core::SecureBytes& pan);

private:
    CardReaderService& m_cards;
    LinkageService& m_linkages;
    const core::Clock& m_clock;
    Settings m_settings;
    AuditTrail* m_trail = nullptr;
    const Operator* m_actor = nullptr;

    void recordPinOutcome(const CardSummary& card, const core::Result<card::HolderProofResult>& result) const;
};

} // namespace madoguchi::services
