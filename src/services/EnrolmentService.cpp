#include "services/EnrolmentService.h"

#include "card/JpkiCard.h"
#include "card/PinPadFeatures.h"
#include "core/Logging.h"
#include "pki/JpkiCertificate.h"
#include "services/AccessPolicy.h"
#include "services/AuditTrail.h"
#include "services/CardReaderService.h"
#include "services/DeliverResult.h"
#include "services/LinkageValidator.h"
#include "core/PaymentCardNumber.h"

#include <QMetaObject>

#include <algorithm>

namespace madoguchi::services {

namespace {

// PC/SC Part 10: a reader with FEATURE_VERIFY_PIN_DIRECT takes the PIN on its own keypad (issue 6 item 3).
std::optional<quint32> pinPadOf(card::CardConnection& connection)
{
    auto features = card::PinPadFeatures::query(connection);
    return features ? features->verifyPinDirect : std::nullopt;
}

core::Result<card::HolderProofResult> proveOn(card::ReaderBackend& backend, const CardSummary& expected,
                                              const card::HolderChallenge& challenge, core::SecureBytes pin,
                                              card::PinConfirmation confirmation)
{
    auto connection = backend.connect(expected.readerName);
    if (!connection) {
        return core::fail(connection.error());
    }
    card::JpkiCard jpki(**connection);
    auto tx = jpki.transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    auto der = jpki.readAuthCertificate();
    if (!der) {
        return core::fail(der.error());
    }
    // The card on the reader must be the one the counter looked at: a swapped card is a removed card.
    auto cert = pki::JpkiCertificate::parse(*der);
    if (!cert || cert->identity().issuerKeyId != expected.issuerKeyId || cert->identity().serial != expected.serial) {
        return core::fail(core::Errc::CardRemoved, QStringLiteral("another card is on the reader"));
    }
    return card::HolderProof::prove(jpki, challenge, *der, std::move(pin), confirmation, pinPadOf(**connection));
}

} // namespace

EnrolmentService::EnrolmentService(CardReaderService& cards, LinkageService& linkages, const core::Clock& clock,
                                   Settings settings)
    : m_cards(cards), m_linkages(linkages), m_clock(clock), m_settings(std::move(settings))
{}

void EnrolmentService::readPinStatus(const QString& reader, QObject* context, Done<card::PinStatus> done)
{
    const QPointer<QObject> target(context);
    m_cards.post([reader, target, done = std::move(done)](card::ReaderBackend& backend) mutable {
        auto connection = backend.connect(reader);
        if (!connection) {
            deliverResult<card::PinStatus>(target, std::move(done), core::fail(connection.error()));
            return;
        }
        card::JpkiCard jpki(**connection);
        auto status = jpki.pinStatus(card::PinKind::Auth);
        if (status) {
            status->onPinPad = pinPadOf(**connection).has_value();
        }
        deliverResult(target, std::move(done), std::move(status));
    });
}

void EnrolmentService::proveHolder(const CardSummary& expected, core::SecureBytes pin,
                                   card::PinConfirmation confirmation, QObject* context,
                                   Done<card::HolderProofResult> done)
{
    const QPointer<QObject> target(context);
    if (m_trail != nullptr) {
        // Recorded on the context's thread (the store's connection lives there), then handed on.
        done = [this, expected, done = std::move(done)](core::Result<card::HolderProofResult> result) {
            recordPinOutcome(expected, result);
            done(std::move(result));
        };
    }
    auto challenge = card::HolderChallenge::create(QStringLiteral("enrolment"), m_settings.terminalId, m_clock);
    if (!challenge) {
        deliverResult<card::HolderProofResult>(target, std::move(done), core::fail(challenge.error()));
        return;
    }
    // The PIN moves into the job (SecureBytes is move-only); std::function needs a copyable callable.
    auto shared = std::make_shared<core::SecureBytes>(std::move(pin));
    m_cards.post([expected, shared, confirmation, target, challenge = *challenge,
                  done = std::move(done)](card::ReaderBackend& backend) mutable {
        auto result = proveOn(backend, expected, challenge, std::move(*shared), confirmation);
        shared->clear();
        qCInfo(lcServices) << "holder proof on" << expected.readerName << (result ? "succeeded" : "failed");
        deliverResult(target, std::move(done), std::move(result));
    });
}

// JpkiCard::verifyPin's outcomes (jpki-card.md §4): wrong → PinIncorrect with 63 Cx (x tries left),
// blocked → PinBlocked, at one try left without confirmation nothing is sent. Other failures (card
// removed, a bad signature after a good PIN) are not PIN outcomes and are not recorded here.
void EnrolmentService::recordPinOutcome(const CardSummary& card,
                                        const core::Result<card::HolderProofResult>& result) const
{
    QString outcome;
    int triesLeft = -1;
    if (result) {
        outcome = result->pinVerifiedNow ? QStringLiteral("ok") : QStringLiteral("already_verified");
    } else if (result.error().code == core::Errc::PinIncorrect) {
        outcome = QStringLiteral("wrong");
        triesLeft = static_cast<int>(result.error().nativeCode & 0x0F);
    } else if (result.error().code == core::Errc::PinBlocked) {
        outcome = QStringLiteral("blocked");
        triesLeft = 0;
    } else if (result.error().code == core::Errc::PinNeedsConfirmation) {
        outcome = QStringLiteral("not_sent_last_try");
        triesLeft = 1;
    } else {
        return;
    }
    const Operator actor = m_actor != nullptr ? *m_actor : Operator{};
    if (auto recorded =
            m_trail->pinOutcome(actor, {card.issuerKeyId, card.serial}, QStringLiteral("auth"), outcome, triesLeft);
        !recorded) {
        qCWarning(lcAudit) << "PIN outcome not recorded:" << recorded.error().toString();
    }
}

core::Result<void> EnrolmentService::mayRecord(store::Assurance assurance) const
{
    switch (assurance) {
    case store::Assurance::PinSignature:
        return {};
    case store::Assurance::PhotoCheck:
        if (m_settings.photoCheckApproved) {
            return {};
        }
        return core::fail(core::Errc::PermissionDenied, QStringLiteral("photo check is not approved for this office"));
    case store::Assurance::TapOnly:
        break;
    }
    return core::fail(core::Errc::PermissionDenied, QStringLiteral("tap-only is no proof of the holder"));
}

core::Result<store::Linkage> EnrolmentService::enrol(const Operator& op, EnrolRequest request)
{
    if (auto allowed = mayRecord(request.assurance); !allowed) {
        return core::fail(allowed.error());
    }
    return m_linkages.enrol(op, std::move(request));
}

core::Result<QStringList> EnrolmentService::kinds()
{
    auto fields = m_linkages.repository().kindFields();
    if (!fields) {
        return core::fail(fields.error());
    }
    QStringList codes = fields->keys();
    std::sort(codes.begin(), codes.end());
    return codes;
}

core::Result<QStringList> EnrolmentService::fieldsOf(const QString& kind)
{
    auto fields = m_linkages.repository().kindFields();
    if (!fields) {
        return core::fail(fields.error());
    }
    return fields->value(kind);
}

core::Result<QStringList> EnrolmentService::inputFieldsOf(const QString& kind)
{
    auto fields = fieldsOf(kind);
    if (!fields || kind != QStringLiteral("credit_card")) {
        return fields;
    }
    return QStringList{QStringLiteral("pan"), QStringLiteral("expiry")};
}

QList<FieldIssue> EnrolmentService::validateDraft(const QString& kind, QJsonObject fields, const core::SecureBytes& pan)
{
    QList<FieldIssue> issues;
    if (kind == QStringLiteral("platform_id") && fields.value(QStringLiteral("platform_id")).toString().isEmpty()) {
        return issues; // issued locally at enrol (LinkageService::prepareKindFields)
    }
    if (kind == QStringLiteral("credit_card")) {
        const bool panValid = core::PaymentCardNumber::isValid(pan);
        if (!panValid) {
            issues.append({QStringLiteral("pan"), QStringLiteral("not a Luhn-valid card number")});
        }
        // The derived fields stand in so that only what the person typed can be reported.
        fields.insert(QStringLiteral("brand"),
                      panValid ? core::PaymentCardNumber::brandOf(pan) : QStringLiteral("other"));
        fields.insert(QStringLiteral("last4"),
                      panValid ? core::PaymentCardNumber::lastFour(pan) : QStringLiteral("0000"));
        fields.insert(QStringLiteral("token"), QStringLiteral("draft-token"));
    }
    return issues + LinkageValidator::validate(kind, fields);
}

} // namespace madoguchi::services
