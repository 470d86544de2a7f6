#include "core/Error.h"

#include <array>
#include <utility>

namespace madoguchi::core {

namespace {

struct ErrcInfo
{
    Errc code;
    ErrorDomain domain;
    const char* name;
};

// Table, not switch: one row per code keeps name and domain together.
constexpr std::array ErrcTable{
    ErrcInfo{Errc::InvalidArgument, ErrorDomain::General, "invalid_argument"},
    ErrcInfo{Errc::NotFound, ErrorDomain::General, "not_found"},
    ErrcInfo{Errc::Io, ErrorDomain::General, "io"},
    ErrcInfo{Errc::Cancelled, ErrorDomain::General, "cancelled"},
    ErrcInfo{Errc::Timeout, ErrorDomain::General, "timeout"},
    ErrcInfo{Errc::Unsupported, ErrorDomain::General, "unsupported"},
    ErrcInfo{Errc::Internal, ErrorDomain::General, "internal"},
    ErrcInfo{Errc::NoService, ErrorDomain::Pcsc, "no_service"},
    ErrcInfo{Errc::NoReaders, ErrorDomain::Pcsc, "no_readers"},
    ErrcInfo{Errc::ReaderUnavailable, ErrorDomain::Pcsc, "reader_unavailable"},
    ErrcInfo{Errc::NoCard, ErrorDomain::Pcsc, "no_card"},
    ErrcInfo{Errc::CardRemoved, ErrorDomain::Pcsc, "card_removed"},
    ErrcInfo{Errc::CardReset, ErrorDomain::Pcsc, "card_reset"},
    ErrcInfo{Errc::CardUnresponsive, ErrorDomain::Pcsc, "card_unresponsive"},
    ErrcInfo{Errc::SharingViolation, ErrorDomain::Pcsc, "sharing_violation"},
    ErrcInfo{Errc::TransportFailed, ErrorDomain::Pcsc, "transport_failed"},
    ErrcInfo{Errc::NotJpkiCard, ErrorDomain::Card, "not_jpki_card"},
    ErrcInfo{Errc::FileNotFound, ErrorDomain::Card, "file_not_found"},
    ErrcInfo{Errc::SecurityStatusNotSatisfied, ErrorDomain::Card, "security_status_not_satisfied"},
    ErrcInfo{Errc::WrongLength, ErrorDomain::Card, "wrong_length"},
    ErrcInfo{Errc::WrongOffset, ErrorDomain::Card, "wrong_offset"},
    ErrcInfo{Errc::UnexpectedStatus, ErrorDomain::Card, "unexpected_status"},
    ErrcInfo{Errc::MalformedResponse, ErrorDomain::Card, "malformed_response"},
    ErrcInfo{Errc::NoSigningCertificate, ErrorDomain::Card, "no_signing_certificate"},
    ErrcInfo{Errc::PinIncorrect, ErrorDomain::Pin, "pin_incorrect"},
    ErrcInfo{Errc::PinBlocked, ErrorDomain::Pin, "pin_blocked"},
    ErrcInfo{Errc::PinNotAvailable, ErrorDomain::Pin, "pin_not_available"},
    ErrcInfo{Errc::PinFormat, ErrorDomain::Pin, "pin_format"},
    ErrcInfo{Errc::PinNeedsConfirmation, ErrorDomain::Pin, "pin_needs_confirmation"},
    ErrcInfo{Errc::MalformedTlv, ErrorDomain::Parse, "malformed_tlv"},
    ErrcInfo{Errc::MalformedDer, ErrorDomain::Parse, "malformed_der"},
    ErrcInfo{Errc::MalformedInput, ErrorDomain::Parse, "malformed_input"},
    ErrcInfo{Errc::CertificateInvalid, ErrorDomain::Pki, "certificate_invalid"},
    ErrcInfo{Errc::SignatureInvalid, ErrorDomain::Pki, "signature_invalid"},
    ErrcInfo{Errc::UntrustedIssuer, ErrorDomain::Pki, "untrusted_issuer"},
    ErrcInfo{Errc::Expired, ErrorDomain::Pki, "expired"},
    ErrcInfo{Errc::NotYetValid, ErrorDomain::Pki, "not_yet_valid"},
    ErrcInfo{Errc::Revoked, ErrorDomain::Pki, "revoked"},
    ErrcInfo{Errc::RevocationUnknown, ErrorDomain::Pki, "revocation_unknown"},
    ErrcInfo{Errc::CryptoFailure, ErrorDomain::Crypto, "crypto_failure"},
    ErrcInfo{Errc::StoreFailure, ErrorDomain::Store, "store_failure"},
    ErrcInfo{Errc::WrongKey, ErrorDomain::Store, "wrong_key"},
    ErrcInfo{Errc::NetworkFailure, ErrorDomain::Network, "network_failure"},
    ErrcInfo{Errc::KeyUsageInvalid, ErrorDomain::Pki, "key_usage_invalid"},
    ErrcInfo{Errc::PolicyInvalid, ErrorDomain::Pki, "policy_invalid"},
    ErrcInfo{Errc::UnknownCriticalExtension, ErrorDomain::Pki, "unrecognized_critical_extension"},
    ErrcInfo{Errc::ConnectionRefused, ErrorDomain::Network, "connection_refused"},
    ErrcInfo{Errc::OcspResponderError, ErrorDomain::Pki, "ocsp_responder_error"},
    ErrcInfo{Errc::OcspNonceMismatch, ErrorDomain::Pki, "ocsp_nonce_mismatch"},
    ErrcInfo{Errc::OcspBadSignature, ErrorDomain::Pki, "ocsp_bad_signature"},
    ErrcInfo{Errc::OcspUntrustedSigner, ErrorDomain::Pki, "ocsp_untrusted_signer"},
    ErrcInfo{Errc::OcspCertIdMismatch, ErrorDomain::Pki, "ocsp_cert_id_mismatch"},
    ErrcInfo{Errc::OcspStale, ErrorDomain::Pki, "ocsp_stale"},
    ErrcInfo{Errc::RevocationStale, ErrorDomain::Pki, "revocation_stale"},
    ErrcInfo{Errc::SuccessionCycle, ErrorDomain::Pki, "succession_cycle"},
    ErrcInfo{Errc::SuccessionConflict, ErrorDomain::Pki, "succession_conflict"},
    ErrcInfo{Errc::PermissionDenied, ErrorDomain::General, "permission_denied"},
    ErrcInfo{Errc::AuthenticationFailed, ErrorDomain::General, "authentication_failed"},
    ErrcInfo{Errc::AccountLocked, ErrorDomain::General, "account_locked"},
    ErrcInfo{Errc::DiskFull, ErrorDomain::Store, "disk_full"},
    ErrcInfo{Errc::CardNotBound, ErrorDomain::General, "card_not_bound"},
};

const ErrcInfo* infoOf(Errc code) noexcept
{
    for (const auto& info : ErrcTable) {
        if (info.code == code) {
            return &info;
        }
    }
    return nullptr;
}

} // namespace

ErrorDomain domainOf(Errc code) noexcept
{
    const auto* info = infoOf(code);
    return info ? info->domain : ErrorDomain::General;
}

QString errcName(Errc code)
{
    const auto* info = infoOf(code);
    return info ? QString::fromLatin1(info->name) : QStringLiteral("unknown_%1").arg(static_cast<int>(code));
}

QString Error::toString() const
{
    QString text = errcName(code);
    if (!detail.isEmpty()) {
        text += QStringLiteral(": ") + detail;
    }
    if (nativeCode != 0) {
        text += QStringLiteral(" (0x%1)").arg(static_cast<quint64>(nativeCode), 0, 16);
    }
    return text;
}

} // namespace madoguchi::core
