// The PIN half of JpkiCard (jpki-card.md §4 "PIN rules that protect residents").
#include "card/JpkiCard.h"

#include "card/Iso7816.h"
#include "card/PinVerifyStructure.h"
#include "card/StatusWords.h"
#include "core/Logging.h"

namespace madoguchi::card {

namespace {

struct PinRule
{
    PinKind kind;
    bool jpkiAp; // else the Text AP
    quint16 efId;
    std::size_t minLength;
    std::size_t maxLength;
    bool digitsOnly; // else A–Z and 0–9
};

// jpki-card.md §2–3.
constexpr PinRule PinRules[] = {
    {PinKind::Auth, true, 0x0018, 4, 4, true},
    {PinKind::Sign, true, 0x001B, 6, 16, false},
    {PinKind::Text, false, 0x0011, 4, 4, true},
};

const PinRule& ruleFor(PinKind kind)
{
    for (const auto& rule : PinRules) {
        if (rule.kind == kind) {
            return rule;
        }
    }
    return PinRules[0];
}

bool isDigit(std::uint8_t c)
{
    return c >= '0' && c <= '9';
}

// VERIFY with no data: the case-1 retry-counter query; exactly 4 bytes (an Le gives 67 00).
CommandApdu verifyCommand()
{
    return CommandApdu(0x00, 0x20, 0x00, 0x80);
}

} // namespace

core::Result<void> JpkiCard::normalizePin(PinKind kind, core::SecureBytes& pin)
{
    const PinRule& rule = ruleFor(kind);
    const QString what = pinKindName(kind);
    if (pin.size() < rule.minLength || pin.size() > rule.maxLength) {
        return core::fail(core::Errc::PinFormat, what + QStringLiteral(": wrong length"));
    }
    for (std::size_t i = 0; i < pin.size(); ++i) {
        std::uint8_t& c = pin[i];
        if (!rule.digitsOnly && c >= 'a' && c <= 'z') {
            c = static_cast<std::uint8_t>(c - 'a' + 'A'); // the card stores the password upper-cased
        }
        const bool ok = isDigit(c) || (!rule.digitsOnly && c >= 'A' && c <= 'Z');
        if (!ok) {
            return core::fail(core::Errc::PinFormat, what + QStringLiteral(": character not allowed"));
        }
    }
    return {};
}

core::Result<PinStatus> JpkiCard::pinStatus(PinKind kind)
{
    auto tx = transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    return queryPinStatus(kind);
}

core::Result<PinStatus> JpkiCard::queryPinStatus(PinKind kind)
{
    const PinRule& rule = ruleFor(kind);
    if (auto ef = selectFile(rule.jpkiAp ? Application::Jpki : Application::Text, rule.efId); !ef) {
        if (ef.error().code == core::Errc::FileNotFound) {
            // Face-authentication cards have no PIN EFs at all (jpki-card.md §4).
            return core::fail(core::Errc::PinNotAvailable, pinKindName(kind) + QStringLiteral(": no PIN on this card"),
                              ef.error().nativeCode);
        }
        return core::fail(ef.error());
    }
    auto response = Iso7816::transmit(m_connection, verifyCommand(), Iso7816::Resend::Never);
    if (!response) {
        return core::fail(note(response.error()));
    }
    PinStatus status;
    status.kind = kind;
    if (response->isOk()) {
        status.verified = true;
    } else if (StatusWords::isBlocked(response->sw)) {
        status.blocked = true;
        status.triesLeft = 0;
    } else if (StatusWords::triesLeft(response->sw) > 0) {
        status.triesLeft = StatusWords::triesLeft(response->sw);
    } else {
        return core::fail(StatusWords::toError(response->sw, pinKindName(kind) + QStringLiteral(" retry counter")));
    }
    return status;
}

core::Result<std::optional<VerifyOutcome>> JpkiCard::checkBeforeVerify(PinKind kind, PinConfirmation confirmation)
{
    // jpki-card.md §4: read the retry counter before every VERIFY.
    auto status = queryPinStatus(kind);
    if (!status) {
        return core::fail(status.error());
    }
    if (status->blocked) {
        return core::fail(core::Errc::PinBlocked, pinKindName(kind) + QStringLiteral(" is blocked"));
    }
    if (status->verified) {
        qCInfo(lcCard).noquote() << pinKindName(kind) << "already verified in this card session; not sent";
        return std::optional<VerifyOutcome>(VerifyOutcome::AlreadyVerified);
    }
    if (status->isLastTry() && confirmation != PinConfirmation::ConfirmedLastTry) {
        return core::fail(core::Errc::PinNeedsConfirmation, pinKindName(kind) + QStringLiteral(": one try left"),
                          0x63C1);
    }
    return std::optional<VerifyOutcome>();
}

core::Result<VerifyOutcome> JpkiCard::verifyPin(PinKind kind, core::SecureBytes pin, PinConfirmation confirmation)
{
    if (auto format = normalizePin(kind, pin); !format) {
        return core::fail(format.error()); // nothing was sent
    }
    auto tx = transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    auto checked = checkBeforeVerify(kind, confirmation);
    if (!checked) {
        return core::fail(checked.error());
    }
    if (*checked) {
        return **checked;
    }
    return sendVerify(kind, std::move(pin));
}

core::Result<VerifyOutcome> JpkiCard::verifyPinOnPinPad(PinKind kind, quint32 verifyPinDirectCode,
                                                        PinConfirmation confirmation)
{
    if (!ruleFor(kind).digitsOnly) {
        return core::fail(core::Errc::Unsupported, pinKindName(kind) + QStringLiteral(": letters, no PIN pad"));
    }
    auto tx = transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    auto checked = checkBeforeVerify(kind, confirmation); // also SELECTs the PIN EF the VERIFY needs
    if (!checked) {
        return core::fail(checked.error());
    }
    if (*checked) {
        return **checked;
    }
    // Sent once, like sendVerify; the reader waits for the keypad (bTimerOut).
    auto answer = m_connection.control(verifyPinDirectCode, PinVerifyStructure::jpkiFourDigits().toBytes());
    if (!answer) {
        return core::fail(note(answer.error()));
    }
    if (answer->size() != 2) {
        return core::fail(core::Errc::MalformedResponse, QStringLiteral("PIN pad answer is not a status word"));
    }
    const auto sw =
        static_cast<quint16>((static_cast<quint8>(answer->at(0)) << 8) | static_cast<quint8>(answer->at(1)));
    // PC/SC Part 10 §2.5.2 / CCID §6.1.11: 64 00 timeout, 64 01 cancelled on the keypad, 6B 80 bad structure.
    if (sw == 0x6400) {
        return core::fail(core::Errc::Timeout, QStringLiteral("no PIN typed on the keypad"), sw);
    }
    if (sw == 0x6401) {
        return core::fail(core::Errc::Cancelled, QStringLiteral("PIN entry cancelled on the keypad"), sw);
    }
    return verifyAnswer(kind, sw);
}

core::Result<VerifyOutcome> JpkiCard::sendVerify(PinKind kind, core::SecureBytes pin)
{
    // Sent once, never again by this code: not after a wrong answer and not after a dropped
    // connection (the caller re-reads the counter first). The body never reaches a log.
    auto response = Iso7816::transmit(m_connection, verifyCommand().withData(std::move(pin)).markSensitive(),
                                      Iso7816::Resend::Never);
    if (!response) {
        return core::fail(note(response.error()));
    }
    return verifyAnswer(kind, response->sw);
}

core::Result<VerifyOutcome> JpkiCard::verifyAnswer(PinKind kind, quint16 sw)
{
    if (sw == 0x9000) {
        return VerifyOutcome::Verified;
    }
    if (StatusWords::isBlocked(sw)) {
        return core::fail(core::Errc::PinBlocked, pinKindName(kind) + QStringLiteral(" is now blocked"), sw);
    }
    if (const int left = StatusWords::triesLeft(sw); left > 0) {
        return core::fail(core::Errc::PinIncorrect, pinKindName(kind) + QStringLiteral(": %1 tries left").arg(left),
                          sw);
    }
    return core::fail(StatusWords::toError(sw, pinKindName(kind) + QStringLiteral(" VERIFY")));
}

} // namespace madoguchi::card
