#pragma once

#include "card/JpkiTypes.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/CardReaderService.h"
#include "store/CardIdentity.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace madoguchi::pki {
class TrustStore;
}

namespace madoguchi::services {

class OperatorService;

// What CardSignInService::prepare found on the reader, before anyone types a PIN.
struct CardSignInCandidate
{
    QString reader;
    QByteArray authCertificateDer;
    store::CardIdentity card;
    card::PinStatus pin;               // the auth PIN's retry counter, read before every VERIFY (jpki-card.md §4)
    QString login;                     // the operator bound to the card
    std::optional<quint32> pinPadCode; // FEATURE_VERIFY_PIN_DIRECT: the PIN is typed on the reader's keypad

    [[nodiscard]] bool hasPinPad() const { return pinPadCode.has_value(); }
};

// An operator signs in with their own My Number Card (issue 6 item 1): server-less, the terminal is
// the relying party (architecture.md §8 "card login"). The card part runs on the card thread through
// CardReaderService::post; the certificate checks run on the caller's thread, which also owns the
// TrustStore (it changes only there). In two steps, so that nobody types a PIN for a card that
// could never sign in:
//   prepare: read the auth cert and the retry counter (no PIN) → chain and validity (RFC 5280 §6),
//            revocation where a lookup is set, the operator bound to the card identity;
//   prove:   VERIFY once (never retried) → SIGN a fresh "operator-sign-in" challenge with the auth
//            key → verify the signature with the certificate → a Verified proof, which only
//            SessionService::signInWithCard turns into a session.
class CardSignInService final
{
public:
    template <typename T>
    using Done = std::function<void(core::Result<T>)>;
    static constexpr auto Purpose = "operator-sign-in";

    // A verified holder proof for a card identity. Only CardSignInService makes one.
    class Verified final
    {
    public:
        [[nodiscard]] const store::CardIdentity& card() const { return m_card; }

    private:
        friend class CardSignInService;
        explicit Verified(store::CardIdentity card) : m_card(std::move(card)) {}
        store::CardIdentity m_card;
    };

    CardSignInService(CardReaderService& cards, OperatorService& operators, const pki::TrustStore& trust,
                      const core::Clock& clock, QString terminalId);

    // The CRL cache's verdict on a card (as CardReaderService's); unset: revocation is not checked.
    // Revoked is refused; Unknown is allowed (no CRL of the issuer is loaded at this counter).
    void setRevocationLookup(CardReaderService::RevocationLookup lookup) { m_revocation = std::move(lookup); }
    // The first reader with a card on it, or empty.
    [[nodiscard]] QString readerWithCard() const;

    // `done` runs on `context`'s thread, and not at all once `context` is gone.
    void prepare(const QString& reader, QObject* context, Done<CardSignInCandidate> done);
    // The card on the reader must still be `candidate`'s (another card: Errc::CardRemoved). With a PIN
    // pad, `pin` is ignored: the operator types it on the reader (PC/SC part 10 §2.5.2).
    void prove(const CardSignInCandidate& candidate, core::SecureBytes pin, card::PinConfirmation confirmation,
               QObject* context, Done<Verified> done);
    // For binding (Operators page): the identity of the card on `reader`, after the same certificate
    // checks as a sign-in (an expired, untrusted or revoked card is never bound).
    void readCardIdentity(const QString& reader, QObject* context, Done<store::CardIdentity> done);

    // The certificate checks of prepare(), on this thread: chain + validity + revocation.
    [[nodiscard]] core::Result<store::CardIdentity> checkCertificate(const QString& reader,
                                                                     const QByteArray& authCertificateDer) const;

private:
    CardReaderService& m_cards;
    OperatorService& m_operators;
    const pki::TrustStore& m_trust;
    const core::Clock& m_clock;
    QString m_terminalId;
    CardReaderService::RevocationLookup m_revocation;
};

} // namespace madoguchi::services
