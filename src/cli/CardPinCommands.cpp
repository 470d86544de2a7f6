// `madoguchi-cli card pin-status|verify-pin|prove`: the PIN rules of jpki-card.md §4 — read the retry
// counter before every VERIFY, never retry, refuse at one try left unless confirmed, the PIN only from
// the terminal or stdin and only in SecureBytes.
#include "card/HolderChallenge.h"
#include "card/HolderProof.h"
#include "card/JpkiCard.h"
#include "cli/CardPinInput.h"
#include "cli/CardVerbs.h"
#include "core/Clock.h"
#include "pki/CertificateValidator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSysInfo>

namespace madoguchi::cli {

using core::Errc;

namespace {

QJsonObject pinJson(card::PinKind kind, const core::Result<card::PinStatus>& status)
{
    QJsonObject o{{QStringLiteral("pin"), pinOptionName(kind)}, {QStringLiteral("available"), status.has_value()}};
    if (status) {
        o.insert(QStringLiteral("triesLeft"), status->triesLeft);
        o.insert(QStringLiteral("verified"), status->verified);
        o.insert(QStringLiteral("blocked"), status->blocked);
    }
    return o;
}

QString pinLine(card::PinKind kind, const core::Result<card::PinStatus>& status)
{
    const QString name = card::pinKindName(kind).leftJustified(18);
    if (!status) {
        return name + QStringLiteral("not on this card");
    }
    if (status->blocked) {
        return name + QStringLiteral("BLOCKED");
    }
    if (status->verified) {
        return name + QStringLiteral("verified in this session");
    }
    return name + QStringLiteral("%1 tries left%2")
                      .arg(status->triesLeft)
                      .arg(status->isLastTry() ? QStringLiteral(" — LAST TRY: a wrong PIN blocks it") : QString());
}

// Opens the session, connects and SELECTs the JPKI AP inside one transaction held by the caller.
struct OpenCard
{
    std::optional<CardSession> session;
    std::unique_ptr<card::CardConnection> connection;
    std::unique_ptr<card::JpkiCard> jpki;
    std::optional<card::TransactionGuard> transaction;
};

core::Result<void> openCard(const CardOptions& options, OpenCard& open)
{
    auto session = CardSession::open(options);
    if (!session) {
        return core::fail(session.error());
    }
    open.session.emplace(std::move(*session));
    auto connection = open.session->connect();
    if (!connection) {
        return core::fail(connection.error());
    }
    open.connection = std::move(*connection);
    open.jpki = std::make_unique<card::JpkiCard>(*open.connection, card::JpkiCardOptions{options.extended});
    auto transaction = open.jpki->transaction();
    if (!transaction) {
        return core::fail(transaction.error());
    }
    open.transaction.emplace(std::move(*transaction));
    return open.jpki->selectJpkiAp();
}

// The retry counter first (jpki-card.md §4), before anyone types a PIN: blocked → PinBlocked, one try
// left without --confirm-last-try → PinNeedsConfirmation. Nothing is sent but the case-1 VERIFY.
core::Result<card::PinStatus> checkBeforeVerify(card::JpkiCard& jpki, card::PinKind kind, bool confirmed)
{
    auto status = jpki.pinStatus(kind);
    if (!status) {
        return status;
    }
    if (status->blocked) {
        return core::fail(Errc::PinBlocked, card::pinKindName(kind) + QStringLiteral(" is blocked"), 0);
    }
    if (status->isLastTry() && !confirmed) {
        return core::fail(Errc::PinNeedsConfirmation,
                          card::pinKindName(kind) +
                              QStringLiteral(": one try left; a wrong PIN blocks it. Give --confirm-last-try to go on"),
                          0x63C1);
    }
    return status;
}

card::PinConfirmation confirmationOf(const CardOptions& options)
{
    return options.confirmLastTry ? card::PinConfirmation::ConfirmedLastTry : card::PinConfirmation::NotConfirmed;
}

} // namespace

int runCardPinStatus(CliIo& io, const CardOptions& options)
{
    std::optional<card::PinKind> only;
    if (!options.pin.isEmpty() && !(only = parsePinKind(options.pin))) {
        return io.usageError(QStringLiteral("--pin wants auth, sign or text"));
    }
    OpenCard open;
    if (auto opened = openCard(options, open); !opened) {
        return reportCardError(io, opened.error());
    }
    const QList<card::PinKind> kinds =
        only ? QList<card::PinKind>{*only}
             : QList<card::PinKind>{card::PinKind::Auth, card::PinKind::Sign, card::PinKind::Text};
    QJsonArray pins;
    QStringList lines;
    bool anyPin = false;
    for (const card::PinKind kind : kinds) {
        auto status = open.jpki->pinStatus(kind);
        if (!status && (status.error().code != Errc::PinNotAvailable || only)) {
            return reportCardError(io, status.error(), {{QStringLiteral("pin"), pinOptionName(kind)}});
        }
        anyPin = anyPin || status.has_value();
        pins.append(pinJson(kind, status));
        lines << pinLine(kind, status);
    }
    if (io.json()) {
        io.printJson({{QStringLiteral("ok"), true},
                      {QStringLiteral("reader"), open.connection->readerName()},
                      {QStringLiteral("hasPins"), anyPin},
                      {QStringLiteral("pins"), pins}});
    } else if (!anyPin) {
        io.out() << "no PINs: a face-authentication card (jpki-card.md §4); the holder is confirmed by photo\n";
    } else {
        io.out() << lines.join(QLatin1Char('\n')) << '\n';
    }
    return ExitOk;
}

int runCardVerifyPin(CliIo& io, const CardOptions& options)
{
    const std::optional<card::PinKind> kind = parsePinKind(options.pin);
    if (!kind) {
        return io.usageError(QStringLiteral("verify-pin needs --pin auth|sign|text"));
    }
    OpenCard open;
    if (auto opened = openCard(options, open); !opened) {
        return reportCardError(io, opened.error());
    }
    const QJsonObject which{{QStringLiteral("pin"), pinOptionName(*kind)}};
    auto before = checkBeforeVerify(*open.jpki, *kind, options.confirmLastTry);
    if (!before) {
        return reportCardError(io, before.error(), which);
    }
    auto pin = CardPinInput::read(card::pinKindName(*kind) + QStringLiteral(": "));
    if (!pin) {
        return reportCardError(io, pin.error(), which);
    }
    auto verified = open.jpki->verifyPin(*kind, std::move(*pin), confirmationOf(options));
    if (!verified) {
        return reportCardError(io, verified.error(), which);
    }
    const bool already = *verified == card::VerifyOutcome::AlreadyVerified;
    if (io.json()) {
        io.printJson({{QStringLiteral("ok"), true},
                      {QStringLiteral("pin"), pinOptionName(*kind)},
                      {QStringLiteral("verified"), true},
                      {QStringLiteral("alreadyVerified"), already},
                      {QStringLiteral("triesLeftBefore"), before->triesLeft}});
    } else {
        io.out() << card::pinKindName(*kind) << (already ? " was already verified" : " verified") << '\n';
    }
    return ExitOk;
}

int runCardProve(CliIo& io, const CardOptions& options)
{
    OpenCard open;
    if (auto opened = openCard(options, open); !opened) {
        return reportCardError(io, opened.error());
    }
    auto trust = open.session->trustStore();
    if (!trust) {
        return reportCardError(io, trust.error());
    }
    auto certificate = open.jpki->readAuthCertificate();
    if (!certificate) {
        return reportCardError(io, certificate.error());
    }
    // Only a card whose auth cert chains to a trusted root can prove anything: check before a PIN
    // try is spent on it.
    const core::SystemClock clock;
    auto validated = pki::CertificateValidator(*trust, clock).validate(*certificate, pki::JpkiCertificateKind::Auth);
    if (!validated) {
        return reportCardError(io, validated.error());
    }
    if (auto before = checkBeforeVerify(*open.jpki, card::PinKind::Auth, options.confirmLastTry); !before) {
        return reportCardError(io, before.error(), {{QStringLiteral("pin"), QStringLiteral("auth")}});
    }
    auto challenge =
        card::HolderChallenge::create(QStringLiteral("madoguchi-cli card prove"), QSysInfo::machineHostName(), clock);
    if (!challenge) {
        return reportCardError(io, challenge.error());
    }
    auto pin = CardPinInput::read(QStringLiteral("auth PIN: "));
    if (!pin) {
        return reportCardError(io, pin.error());
    }
    auto proof =
        card::HolderProof::prove(*open.jpki, *challenge, *certificate, std::move(*pin), confirmationOf(options));
    if (!proof) {
        return reportCardError(io, proof.error(), {{QStringLiteral("pin"), QStringLiteral("auth")}});
    }
    // A signature without a PIN entered now proves less (architecture.md §3 assurance levels).
    const QString assurance = proof->pinVerifiedNow ? QStringLiteral("pin_signature") : QStringLiteral("signature");
    const pki::CardIdentity identity = validated->certificate.identity();
    const QString challengeHash =
        QString::fromLatin1(QCryptographicHash::hash(proof->challenge, QCryptographicHash::Sha256).toHex());
    if (io.json()) {
        io.printJson({{QStringLiteral("ok"), true},
                      {QStringLiteral("assurance"), assurance},
                      {QStringLiteral("identity"), identity.toString()},
                      {QStringLiteral("issuerKeyId"), QString::fromLatin1(identity.issuerKeyId.toHex())},
                      {QStringLiteral("serial"), QString::fromLatin1(identity.serial.toHex())},
                      {QStringLiteral("testPki"), validated->testPki},
                      {QStringLiteral("challengeSha256"), challengeHash},
                      {QStringLiteral("signatureVerified"), true},
                      {QStringLiteral("apduCount"), open.jpki->apduCount()}});
    } else {
        io.out() << "assurance: " << assurance << '\n'
                 << "identity:  " << identity.toString() << (validated->testPki ? "  (TEST PKI)" : "") << '\n'
                 << "signature: verified over challenge " << challengeHash.left(16) << "…\n";
    }
    return ExitOk;
}

} // namespace madoguchi::cli
