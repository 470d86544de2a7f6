#include "services/CardSignInService.h"

#include "card/HolderChallenge.h"
#include "card/HolderProof.h"
#include "card/JpkiCard.h"
#include "card/PinPadFeatures.h"
#include "core/Logging.h"
#include "pki/CertificateValidator.h"
#include "pki/TrustStore.h"
#include "services/DeliverResult.h"
#include "services/OperatorService.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>

namespace madoguchi::services {

namespace {

// The free reads on the card thread: auth cert, retry counter, the reader's PIN pad.
core::Result<CardSignInCandidate> readCandidate(card::ReaderBackend& backend, const QString& reader)
{
    auto connection = backend.connect(reader);
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
    auto pin = jpki.pinStatus(card::PinKind::Auth);
    if (!pin) {
        return core::fail(pin.error()); // PinNotAvailable: a face-authentication card cannot sign in
    }
    CardSignInCandidate candidate;
    candidate.reader = reader;
    candidate.authCertificateDer = *der;
    candidate.pin = *pin;
    if (auto features = card::PinPadFeatures::query(**connection); features && features->canVerifyOnPinPad()) {
        candidate.pinPadCode = features->verifyPinDirect;
        candidate.pin.onPinPad = true;
    }
    return candidate;
}

core::Result<card::HolderProofResult> proveOnce(card::JpkiCard& jpki, const CardSignInCandidate& candidate,
                                                const card::HolderChallenge& challenge, core::SecureBytes pin,
                                                card::PinConfirmation confirmation)
{
    auto tx = jpki.transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    auto der = jpki.readAuthCertificate();
    if (!der) {
        return core::fail(der.error());
    }
    if (*der != candidate.authCertificateDer) { // the card checked before the PIN, and no other
        return core::fail(core::Errc::CardRemoved, QStringLiteral("another card is on the reader"));
    }
    return card::HolderProof::prove(jpki, challenge, *der, std::move(pin), confirmation, candidate.pinPadCode);
}

core::Result<card::HolderProofResult> proveOn(card::ReaderBackend& backend, const CardSignInCandidate& candidate,
                                              const card::HolderChallenge& challenge, core::SecureBytes pin,
                                              card::PinConfirmation confirmation)
{
    auto connection = backend.connect(candidate.reader);
    if (!connection) {
        return core::fail(connection.error());
    }
    card::JpkiCard jpki(**connection);
    // A card stays verified after a VERIFY until it is reset: reset it first, so the PIN is asked for
    // now and not inherited from an earlier session, and again afterwards, so it is not left unlocked.
    if (auto reset = jpki.reconnect(); !reset) {
        return core::fail(reset.error());
    }
    auto proof = proveOnce(jpki, candidate, challenge, std::move(pin), confirmation);
    (void)jpki.reconnect();
    return proof;
}

} // namespace

CardSignInService::CardSignInService(CardReaderService& cards, OperatorService& operators, const pki::TrustStore& trust,
                                     const core::Clock& clock, QString terminalId)
    : m_cards(cards), m_operators(operators), m_trust(trust), m_clock(clock), m_terminalId(std::move(terminalId))
{}

QString CardSignInService::readerWithCard() const
{
    for (const auto& reader : m_cards.readers()) {
        if (reader.cardPresent) {
            return reader.name;
        }
    }
    return {};
}

core::Result<store::CardIdentity> CardSignInService::checkCertificate(const QString& reader,
                                                                      const QByteArray& authCertificateDer) const
{
    // RFC 5280 §6 against this counter's anchors, at the clock's time: expired, untrusted, wrong kind.
    auto validated =
        pki::CertificateValidator(m_trust, m_clock).validate(authCertificateDer, pki::JpkiCertificateKind::Auth);
    if (!validated) {
        return core::fail(validated.error());
    }
    const auto& identity = validated->certificate.identity();
    const store::CardIdentity card{identity.issuerKeyId, identity.serial};
    if (m_revocation) {
        CardSummary summary;
        summary.readerName = reader;
        summary.issuerKeyId = card.issuerKeyId;
        summary.serial = card.serial;
        summary.issuerName = validated->certificate.issuer();
        const auto revocation = m_revocation(summary);
        if (revocation.state == CardSummary::Revocation::State::Revoked) {
            return core::fail(core::Errc::Revoked,
                              QStringLiteral("auth certificate revoked, reason %1").arg(revocation.reasonCode));
        }
    }
    return card;
}

void CardSignInService::prepare(const QString& reader, QObject* context, Done<CardSignInCandidate> done)
{
    const QPointer<QObject> target(context);
    // Step 2 of the relay runs on this thread: it owns the trust store and the database.
    Done<CardSignInCandidate> check = [this, done = std::move(done)](core::Result<CardSignInCandidate> read) {
        if (!read) {
            done(std::move(read));
            return;
        }
        auto card = checkCertificate(read->reader, read->authCertificateDer);
        if (!card) {
            done(core::fail(card.error()));
            return;
        }
        auto login = m_operators.loginBoundTo(*card);
        if (!login) {
            done(core::fail(login.error()));
            return;
        }
        read->card = *card;
        read->login = *login;
        done(std::move(read));
    };
    m_cards.post([reader, target, check = std::move(check)](card::ReaderBackend& backend) mutable {
        deliverResult(target, std::move(check), readCandidate(backend, reader));
    });
}

void CardSignInService::prove(const CardSignInCandidate& candidate, core::SecureBytes pin,
                              card::PinConfirmation confirmation, QObject* context, Done<Verified> done)
{
    const QPointer<QObject> target(context);
    // The card signs whatever it is given (jpki-card.md §4): the challenge names its purpose, this
    // terminal and the time, with a fresh nonce, so it is good for nothing but this sign-in.
    auto challenge = card::HolderChallenge::create(QString::fromLatin1(Purpose), m_terminalId, m_clock);
    if (!challenge) {
        deliverResult<Verified>(target, std::move(done), core::fail(challenge.error()));
        return;
    }
    Done<card::HolderProofResult> finish = [this, candidate,
                                            done = std::move(done)](core::Result<card::HolderProofResult> proof) {
        if (!proof) {
            done(core::fail(proof.error()));
            return;
        }
        // A card still unlocked from an earlier VERIFY signs without a PIN: that proves nothing.
        if (!proof->pinVerifiedNow) {
            done(core::fail(core::Errc::AuthenticationFailed,
                            QStringLiteral("the card was already unlocked; take it out and insert it again")));
            return;
        }
        auto card = checkCertificate(candidate.reader, candidate.authCertificateDer);
        if (!card) {
            done(core::fail(card.error()));
            return;
        }
        done(Verified(*card));
    };
    auto shared = std::make_shared<core::SecureBytes>(std::move(pin)); // std::function needs a copyable job
    m_cards.post([candidate, shared, confirmation, target, challenge = *challenge,
                  finish = std::move(finish)](card::ReaderBackend& backend) mutable {
        auto result = proveOn(backend, candidate, challenge, std::move(*shared), confirmation);
        shared->clear();
        qCInfo(lcServices) << "operator card sign-in proof" << (result ? "verified" : "failed");
        deliverResult(target, std::move(finish), std::move(result));
    });
}

void CardSignInService::readCardIdentity(const QString& reader, QObject* context, Done<store::CardIdentity> done)
{
    const QPointer<QObject> target(context);
    Done<CardSignInCandidate> check = [this, done = std::move(done)](core::Result<CardSignInCandidate> read) {
        if (!read) {
            done(core::fail(read.error()));
            return;
        }
        done(checkCertificate(read->reader, read->authCertificateDer));
    };
    m_cards.post([reader, target, check = std::move(check)](card::ReaderBackend& backend) mutable {
        deliverResult(target, std::move(check), readCandidate(backend, reader));
    });
}

} // namespace madoguchi::services
