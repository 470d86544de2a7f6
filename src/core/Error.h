#pragma once

#include <QString>
#include <QtGlobal>

namespace madoguchi::core {

// Which part of the system an error came from; decides how the GUI words it and which CLI exit
// code it gets.
enum class ErrorDomain
{
    General,
    Pcsc,
    Card,
    Pin,
    Parse,
    Pki,
    Crypto,
    Store,
    Network,
};

// Every failure Madoguchi can report. Stable: names appear in `--json` output and tests.
enum class Errc
{
    // General
    InvalidArgument,
    NotFound,
    Io,
    Cancelled,
    Timeout,
    Unsupported,
    Internal,
    // PC/SC
    NoService,                  // pcscd / Smart Card service not running
    NoReaders,                  // no reader attached
    ReaderUnavailable,          // reader vanished or unusable
    NoCard,                     // no card in the reader
    CardRemoved,                // card pulled during an operation
    CardReset,                  // another process reset the card
    CardUnresponsive,           // the card did not answer to reset
    SharingViolation,           // another application holds the card exclusively
    TransportFailed,            // any other PC/SC transmit failure
                                // Card (ISO 7816-4 status words and JPKI facts)
    NotJpkiCard,                // SELECT of the JPKI AID failed: some other card
    FileNotFound,               // 6A 82
    SecurityStatusNotSatisfied, // 69 82: VERIFY needed first
    WrongLength,                // 67 00
    WrongOffset,                // 6B 00
    UnexpectedStatus,           // any other status word
    MalformedResponse,          // response data not as the card profile says
    NoSigningCertificate,       // face-authentication card or under-15s card
                                // PIN
    PinIncorrect,               // 63 Cx with x > 0 left
    PinBlocked,                 // 69 83, 69 84 or 63 C0
    PinNotAvailable,            // face-authentication card: no PINs at all
    PinFormat,                  // PIN does not match the rules (digits, length, charset)
    PinNeedsConfirmation,       // one try left and the caller did not confirm
                                // Parsing
    MalformedTlv,
    MalformedDer,
    MalformedInput,
    // PKI
    CertificateInvalid,
    SignatureInvalid,
    UntrustedIssuer,
    Expired,
    NotYetValid,
    Revoked,
    RevocationUnknown,
    // Crypto
    CryptoFailure,
    // Store
    StoreFailure,
    WrongKey,
    // Network
    NetworkFailure,
    // PKI (added with certificate validation, issue 3)
    KeyUsageInvalid,          // keyUsage/basicConstraints do not fit a JPKI end-entity certificate
    PolicyInvalid,            // no JPKI policy, the wrong one, or a test-environment policy in production
    UnknownCriticalExtension, // RFC 5280 §4.2: a critical extension we do not process → reject
                              // Added by the OCSP / revocation work (issue 3); appended to keep existing values stable.
    ConnectionRefused,        // nothing listens at the responder address (Network)
    OcspResponderError,       // OCSPResponseStatus other than successful (RFC 6960 §4.2.1)
    OcspNonceMismatch,        // the response nonce differs from or lacks ours: replay (RFC 6960 §4.4.1)
    OcspBadSignature,         // the BasicOCSPResponse signature does not verify
    OcspUntrustedSigner,      // signer is neither the CA nor a delegate with id-kp-OCSPSigning (§4.2.2.2)
    OcspCertIdMismatch,       // no SingleResponse for the CertID we asked about
    OcspStale,                // thisUpdate in the future or nextUpdate past (RFC 6960 §4.2.2.1)
    RevocationStale,          // a CRL older than the policy allows or past its nextUpdate
    SuccessionCycle,          // a serial-succession link would close a cycle
    SuccessionConflict,       // an old certificate linked to two different successors
                              // Services: the operator's role does not allow this action
    PermissionDenied,
    // Operators (issue 6): sign-in refused (wrong name or password, disabled account: one code so a
    // guesser learns nothing), and the back-off after repeated failures.
    AuthenticationFailed,
    AccountLocked,
    // Store (issue 4 "Bad input"): the disk (or the database's size limit) is full. The change was
    // rolled back whole; free space and retry — an import resumes after its last committed batch.
    DiskFull,
    // Card sign-in (issue 6 item 1): a valid card that no operator account is bound to.
    CardNotBound,
};

ErrorDomain domainOf(Errc code) noexcept;
// Stable machine name, e.g. "pin_blocked"; used in --json output and logs.
QString errcName(Errc code);

// A failure as a value (architecture.md §2): what happened, the technical detail for logs and
// support, and the native code (PC/SC LONG, status word, OpenSSL or SQLite code) it came from.
// The detail never carries PINs, keys, card numbers or personal data.
struct Error
{
    Errc code = Errc::Internal;
    QString detail;
    qint64 nativeCode = 0;

    [[nodiscard]] ErrorDomain domain() const noexcept { return domainOf(code); }
    // One line for logs and the CLI: "pin_blocked: <detail> (0x6983)".
    [[nodiscard]] QString toString() const;
};

} // namespace madoguchi::core
