#pragma once

#include <optional>

#include "card/CardConnection.h"
#include "card/JpkiTypes.h"
#include "card/TransactionGuard.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>

namespace madoguchi::card {

struct JpkiCardOptions
{
    // Read the rest of an EF in one extended READ BINARY when the connection supports it
    // (jpki-card.md §4: short APDUs are the default, extended length an option).
    bool allowExtendedLength = false;
    // Size of the first read of a certificate / TLV EF; at least 8 (jpki-card.md §4: "an 8-byte
    // header"), at most 256. Its bytes are kept, never read again.
    int probeLength = 8;
};

// The JPKI driver (jpki-card.md §1–4) over any CardConnection. Every operation that sends more than
// one APDU runs inside a PC/SC transaction; callers may hold an outer one with transaction() to keep
// SELECT → VERIFY → SIGN together. Nothing here reads the individual number (Text AP EF 0001): by
// design there is no API for it (architecture.md §3). Not thread-safe: use on the card thread.
class JpkiCard final
{
public:
    static constexpr quint16 SignatureLength = 256; // RSA-2048

    explicit JpkiCard(CardConnection& connection, JpkiCardOptions options = {});

    // An outer transaction; nested driver calls reuse it.
    [[nodiscard]] core::Result<TransactionGuard> transaction();

    // SELECT of the JPKI AID (not the ATR, jpki-card.md §1). Another card → Errc::NotJpkiCard.
    [[nodiscard]] core::Result<void> selectJpkiAp();
    // EF 0006 of the JPKI AP.
    [[nodiscard]] core::Result<TokenKind> readToken();

    // DER bytes, exactly the object (padding cut off): EF 000A, 000B, 0002 of the JPKI AP.
    [[nodiscard]] core::Result<QByteArray> readAuthCertificate();
    [[nodiscard]] core::Result<QByteArray> readAuthCaCertificate();
    [[nodiscard]] core::Result<QByteArray> readSignCaCertificate();
    // EF 0001; needs the signing password verified first (69 82 → SecurityStatusNotSatisfied).
    // 6A 82 → Errc::NoSigningCertificate (face-authentication and under-15s cards).
    [[nodiscard]] core::Result<QByteArray> readSigningCertificate();

    // The retry counter by the case-1 VERIFY `00 20 00 80`; never decrements it.
    // A card without this PIN EF (face authentication) → Errc::PinNotAvailable.
    [[nodiscard]] core::Result<PinStatus> pinStatus(PinKind kind);
    // Checks the format (nothing sent if wrong: Errc::PinFormat), reads the retry counter, refuses when
    // blocked (PinBlocked) or at one try left without confirmation (PinNeedsConfirmation), then sends
    // VERIFY exactly once. Wrong PIN → Errc::PinIncorrect with nativeCode = 0x63Cx. Never retries.
    [[nodiscard]] core::Result<VerifyOutcome> verifyPin(PinKind kind, core::SecureBytes pin,
                                                        PinConfirmation confirmation = PinConfirmation::NotConfirmed);

    // The same rules as verifyPin, but the PIN is typed on the reader's keypad: VERIFY goes through
    // SCardControl(verifyPinDirectCode) with a PinVerifyStructure (PC/SC Part 10 §2.5.2) and the PIN
    // never touches the PC. 4-digit PINs only (auth, text: a keypad has no letters); the keypad's
    // timeout → Errc::Timeout, its Cancel key → Errc::Cancelled.
    [[nodiscard]] core::Result<VerifyOutcome> verifyPinOnPinPad(PinKind kind, quint32 verifyPinDirectCode,
                                                                PinConfirmation confirmation);

    // `80 2A 00 80 Lc DigestInfo(SHA-256) 00` after SELECT of the key EF; 256-byte signature.
    [[nodiscard]] core::Result<QByteArray> signWithAuthKey(QByteArrayView sha256Digest);
    [[nodiscard]] core::Result<QByteArray> signWithSignKey(QByteArrayView sha256Digest);

    // Text AP EF 0002 (needs the text PIN verified first).
    [[nodiscard]] core::Result<BasicFacts> readBasicFacts();

    // After a reset or reinsertion; the next operation SELECTs the application again.
    [[nodiscard]] core::Result<void> reconnect();

    [[nodiscard]] int apduCount() const { return m_connection.apduCount(); }
    [[nodiscard]] CardConnection& connection() { return m_connection; }

    // Exposed for tests and the simulator: the SHA-256 DigestInfo the card is given.
    [[nodiscard]] static QByteArray sha256DigestInfo(QByteArrayView sha256Digest);
    // The Text AP's EF 0002 bytes (exactly the FF20 object) → the 4 basic facts.
    [[nodiscard]] static core::Result<BasicFacts> parseBasicFacts(QByteArrayView ef0002);
    // Checks and normalises a PIN in place (upper-cases the signing password).
    [[nodiscard]] static core::Result<void> normalizePin(PinKind kind, core::SecureBytes& pin);

private:
    enum class Application
    {
        None,
        Jpki,
        Text,
    };
    enum class ObjectFormat
    {
        Der,
        Tlv,
    };

    [[nodiscard]] core::Result<void> selectApplication(Application application);
    [[nodiscard]] core::Result<void> selectFile(Application application, quint16 fid);
    [[nodiscard]] core::Result<QByteArray> readCertificate(quint16 fid, core::Errc whenMissing);
    [[nodiscard]] core::Result<QByteArray> readObject(ObjectFormat format);
    [[nodiscard]] core::Result<void> readRest(QByteArray& object, int total);
    [[nodiscard]] core::Result<QByteArray> sign(quint16 keyFid, QByteArrayView sha256Digest);
    [[nodiscard]] core::Result<PinStatus> queryPinStatus(PinKind kind);
    [[nodiscard]] core::Result<VerifyOutcome> sendVerify(PinKind kind, core::SecureBytes pin);
    [[nodiscard]] static core::Result<VerifyOutcome> verifyAnswer(PinKind kind, quint16 sw);
    // The retry-counter rules before any VERIFY; a value = nothing to send (already verified).
    [[nodiscard]] core::Result<std::optional<VerifyOutcome>> checkBeforeVerify(PinKind kind,
                                                                               PinConfirmation confirmation);
    [[nodiscard]] bool useExtended() const;
    // Forgets the selected application when the card went away or was reset (jpki-card.md §1).
    [[nodiscard]] core::Error note(core::Error error);

    CardConnection& m_connection;
    JpkiCardOptions m_options;
    Application m_selected = Application::None;
    int m_transactionDepth = 0;
};

} // namespace madoguchi::card
