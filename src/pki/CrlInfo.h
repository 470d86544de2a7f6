#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <cstdint>
#include <optional>

namespace madoguchi::pki {

// CRLReason (RFC 5280 §5.3.1), the one definition for CRLs, OCSP and the revocation service; the values
// J-LIS uses are in jpki-card.md §6. `NotGiven` = the entry carries no reasonCode extension.
enum class CrlReason : quint8
{
    Unspecified = 0,
    KeyCompromise = 1,
    CaCompromise = 2,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
    CertificateHold = 6,
    RemoveFromCrl = 8,
    PrivilegeWithdrawn = 9,
    AaCompromise = 10,
    NotGiven = 0xFF,
};

[[nodiscard]] const char* crlReasonName(CrlReason reason);

// A reasonCode held as an int (RevocationStatus, the platform feed) as a CrlReason: only the RFC 5280 values
// 0..10 (7 unused) are; a plain cast of anything else to this 8-bit enum would wrap (257 → keyCompromise).
[[nodiscard]] constexpr std::optional<CrlReason> crlReasonFromCode(int code)
{
    if (code < 0 || code > 10 || code == 7) {
        return std::nullopt;
    }
    return static_cast<CrlReason>(code);
}

// Signature algorithms accepted for CRLs (RFC 4055 §5, RFC 5758 §3.2). SHA-1 is refused.
enum class CrlSignatureAlgorithm : quint8
{
    Sha256WithRsa,
    Sha384WithRsa,
    Sha512WithRsa,
    EcdsaWithSha256,
    EcdsaWithSha384,
};

// Where a revocation stands: the answer of a lookup.
struct CrlRevocation
{
    CrlReason reason = CrlReason::NotGiven;
    qint64 revocationDate = 0; // seconds since 1970-01-01 UTC
};

// One revoked-certificate entry as the walker sees it: the serial stays in the mapped file.
struct CrlRawEntry
{
    qint64 serialOffset = 0; // absolute offset of the serial's magnitude (leading 0x00 stripped)
    int serialLength = 0;    // 1..20 octets (RFC 5280 §4.1.2.2)
    CrlReason reason = CrlReason::NotGiven;
    qint64 revocationDate = 0;
};

// Everything a CRL says besides its entries (RFC 5280 §5.1, §5.2), with offsets into the file.
struct CrlInfo
{
    qint64 tbsOffset = 0; // the whole TBSCertList TLV: the bytes the signature covers
    qint64 tbsLength = 0;
    qint64 signatureOffset = 0; // BIT STRING content after the unused-bits octet
    qint64 signatureLength = 0;
    qint64 algorithmOffset = 0; // outer signatureAlgorithm TLV, compared with the TBS copy
    qint64 algorithmLength = 0;
    CrlSignatureAlgorithm algorithm = CrlSignatureAlgorithm::Sha256WithRsa;
    QByteArray issuerDer; // the issuer Name TLV, compared byte for byte with the CA's subject
    QByteArray authorityKeyId;
    qint64 thisUpdate = 0;
    std::optional<qint64> nextUpdate;
    std::optional<quint64> crlNumber;
    std::optional<quint64> deltaBaseCrlNumber; // set = this is a delta CRL (§5.2.4)
    QByteArray issuingDistributionPoint;       // raw extnValue content; scope must match for deltas
    qint64 entryCount = 0;
    qint64 removeFromCrlCount = 0;

    [[nodiscard]] bool isDelta() const { return deltaBaseCrlNumber.has_value(); }
};

} // namespace madoguchi::pki
