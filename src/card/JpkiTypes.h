#pragma once

#include <QMetaType>
#include <QString>

namespace madoguchi::card {

// Value types of the JPKI driver (jpki-card.md §2–3); kept apart so callers need not include the driver.

// What the token EF 0006 says (jpki-card.md §2).
enum class TokenKind
{
    MyNumberCard, // "JPKIAPICCTOKEN2"
    JukiCard,     // "JPKIAPICCTOKEN" (old 住基カード)
    Smartphone,   // "JPKIAPGPSETOKEN"
    Unknown,
};

enum class PinKind
{
    Auth, // EF 0018 in the JPKI AP: 4 digits, 3 tries
    Sign, // EF 001B in the JPKI AP: 6–16 of A–Z 0–9, 5 tries
    Text, // EF 0011 in the Text AP: 4 digits, 3 tries
};

// jpki-card.md §4: warn at one try left and require explicit confirmation.
enum class PinConfirmation
{
    NotConfirmed,
    ConfirmedLastTry,
};

struct PinStatus
{
    PinKind kind = PinKind::Auth;
    int triesLeft = -1;    // -1: the card did not say (already verified)
    bool verified = false; // the card answered 90 00 to the case-1 VERIFY
    bool blocked = false;
    // Not from the card: the reader has a PIN pad (PC/SC Part 10 FEATURE_VERIFY_PIN_DIRECT), so the
    // PIN is typed on its keypad and never touches the PC. Filled by the services that read the status.
    bool onPinPad = false;

    [[nodiscard]] bool isLastTry() const { return triesLeft == 1; }
};

enum class VerifyOutcome
{
    Verified,        // the PIN was sent and accepted
    AlreadyVerified, // the card was verified earlier in this session; nothing was sent
};

// The Text AP's 4 basic facts (jpki-card.md §3, EF 0002). Personal data: never log it.
struct BasicFacts
{
    QString name;
    QString address;
    QString birthDate; // YYYYMMDD
    QString sex;       // "1" male, "2" female, "9" not applicable
};

[[nodiscard]] QString tokenKindName(TokenKind kind);
[[nodiscard]] QString pinKindName(PinKind kind);

} // namespace madoguchi::card
