#include "gui/Messages.h"

namespace madoguchi::gui {

using core::Errc;

namespace {

// Tries left, from a 63 Cx status word kept as the error's native code.
int triesLeftOf(const core::Error& error)
{
    return (error.nativeCode & 0xFFF0) == 0x63C0 ? static_cast<int>(error.nativeCode & 0x0F) : -1;
}

} // namespace

QString Messages::describe(const core::Error& error)
{
    switch (error.code) {
    case Errc::NoService:
        return tr("The smart card service is not running. Start it (pcscd / Smart Card service) or use "
                  "the training reader.");
    case Errc::NoReaders:
        return tr("No card reader is connected. Connect a reader or use the training reader.");
    case Errc::ReaderUnavailable:
        return tr("The card reader is no longer available. Check its cable.");
    case Errc::NoCard:
        return tr("There is no card on the reader.");
    case Errc::CardRemoved:
        return tr("The card was removed during reading. Put it back on the reader; nothing was changed.");
    case Errc::CardReset:
    case Errc::CardUnresponsive:
    case Errc::TransportFailed:
        return tr("The card did not answer properly. Put it on the reader again.");
    case Errc::SharingViolation:
        return tr("Another program is using the card. Close it and try again.");
    case Errc::NotJpkiCard:
        return tr("This is not a My Number Card (no public personal authentication application).");
    case Errc::PinIncorrect: {
        const int left = triesLeftOf(error);
        return left >= 0 ? tr("The PIN is wrong. %n tries left.", nullptr, left) : tr("The PIN is wrong.");
    }
    case Errc::PinBlocked:
        return tr("The PIN is blocked. The resident must have it reset at their municipal office.");
    case Errc::PinNotAvailable:
        return tr("This card has no PIN (face-authentication card). PIN-based proof is not possible; use "
                  "the photo check where your office is approved.");
    case Errc::PinFormat:
        return tr("The PIN does not have the right form (4 digits; signing password 6–16 letters A–Z and "
                  "digits).");
    case Errc::PinNeedsConfirmation:
        return tr("Only one try is left. Ask the resident to confirm before entering the PIN.");
    case Errc::NoSigningCertificate:
        return tr("This card has no signing certificate (face-authentication card or holder under 15). "
                  "This is normal for such cards.");
    case Errc::Expired:
        return tr("The certificate has expired.");
    case Errc::NotYetValid:
        return tr("The certificate is not valid yet.");
    case Errc::Revoked:
        return tr("The certificate has been revoked.");
    case Errc::RevocationUnknown:
        return tr("The revocation status could not be determined; the card is not treated as valid.");
    case Errc::UntrustedIssuer:
        return tr("The certificate was not issued by a trusted J-LIS authority.");
    case Errc::SignatureInvalid:
        return tr("A signature did not verify.");
    case Errc::CertificateInvalid:
    case Errc::MalformedDer:
    case Errc::MalformedTlv:
    case Errc::MalformedResponse:
        return tr("The card returned data that is not valid.");
    case Errc::Cancelled:
        return tr("Cancelled.");
    case Errc::Timeout:
        return tr("The operation took too long and was stopped.");
    case Errc::WrongKey:
        return tr("The database key is wrong, or the file is not a Madoguchi database.");
    case Errc::InvalidArgument:
        return tr("The input was not accepted: %1").arg(error.detail);
    case Errc::PermissionDenied:
        return tr("Your role does not allow this. Ask an administrator.");
    case Errc::AuthenticationFailed:
        return tr("The operator name or password is wrong, or the account is disabled.");
    case Errc::AccountLocked:
        return tr("Too many wrong passwords. Sign-in is paused for a while; try again later.");
    case Errc::CardNotBound:
        return tr("This card is not bound to an operator account. An administrator can bind it on the "
                  "Operators page.");
    case Errc::NotFound:
        return tr("Not found.");
    case Errc::DiskFull:
        return tr("The disk is full. Nothing was half-saved: free some space, then try again. "
                  "An import continues where it stopped.");
    case Errc::RevocationStale:
        return tr("The revocation list is out of date; import a current one.");
    case Errc::NetworkFailure:
        return error.nativeCode == 0
                   ? tr("The server could not be reached. Work on this counter continues; try again later.")
                   : tr("The server answered with an error (HTTP %1). Ask an administrator to check the "
                        "terminal's registration.")
                         .arg(error.nativeCode);
    default:
        return tr("Something went wrong (%1).").arg(core::errcName(error.code));
    }
}

QString Messages::keychainProblem(const core::Error& error)
{
    using core::Errc;
    switch (error.code) {
    case Errc::Unsupported:
        // nativeCode 0: store::OsKeychain says this build has no keychain support at all.
        return error.nativeCode == 0 ? tr("This build of Madoguchi has no keychain support.")
                                     : tr("No keychain service answers on this computer (it needs a desktop "
                                          "session with a Secret Service such as GNOME Keyring or KWallet).");
    case Errc::PermissionDenied:
        return tr("The keychain is locked or refused access.");
    case Errc::Timeout:
        return tr("The keychain did not answer in time (it may be waiting to be unlocked).");
    case Errc::NotFound:
        return tr("The keychain has no entry for this counter's database key.");
    case Errc::WrongKey:
        return tr("The key in the keychain does not open this database.");
    default:
        return tr("The keychain could not be used (%1).").arg(core::errcName(error.code));
    }
}

QString Messages::keychainStoreFailed(const core::Error& error)
{
    return tr("The keychain did not accept the database key. %1 Nothing was created: try again, or choose the "
              "administrator passphrase.")
        .arg(keychainProblem(error));
}

QString Messages::keychainFallback(const core::Error& error)
{
    return tr("The counter could not be opened from the keychain. %1 Enter the recovery passphrase instead; the "
              "keychain entry is then repaired where the keychain allows it.")
        .arg(keychainProblem(error));
}

} // namespace madoguchi::gui
