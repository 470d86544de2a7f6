#pragma once

#include "core/Result.h"
#include "pki/CrlInfo.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct x509_st;
struct evp_pkey_st;

namespace madoguchi::pki {

// Synthetic CRLs for tests, benchmarks and fuzz seeds (issue 3 "Measure"): a throw-away CA (RSA-2048 or
// P-256) and a TBS written directly as DER, then signed with EVP_DigestSign. 10^7 entries take seconds,
// where python-cryptography needs hours (toolchain.md).
class CrlGenerator final
{
public:
    struct Entry
    {
        QByteArray serial; // magnitude, big-endian, 1..20 octets (a 0x00 is prepended when needed)
        CrlReason reason = CrlReason::NotGiven;
        qint64 date = 0;
    };
    struct Spec
    {
        std::vector<Entry> entries; // written first, in this order
        qint64 randomEntries = 0;   // then this many: 16-byte serials, reasons 1,3,4,5,6, seeded
        quint64 seed = 1;
        qint64 thisUpdate = 1767225600; // 2026-01-01
        std::optional<qint64> nextUpdate = qint64(1767225600) + 86400;
        std::optional<quint64> crlNumber = 1;
        std::optional<quint64> deltaBase;         // set = delta CRL (critical deltaCRLIndicator)
        QByteArray issuingDistributionPoint;      // raw IDP SEQUENCE, empty = none
        std::optional<QByteArray> authorityKeyId; // default: this CA's key id; empty = no AKI
        QByteArray issuerDer;                     // default: this CA's subject
    };

    // A fresh self-signed CA "CN=<commonName>, O=JPKI Test, C=JP" with a SHA-1 subjectKeyIdentifier.
    [[nodiscard]] static core::Result<CrlGenerator> create(const QString& commonName, bool ecdsa = false);

    [[nodiscard]] QByteArray certificatePem() const;
    [[nodiscard]] const QByteArray& subjectKeyId() const { return m_keyId; }
    [[nodiscard]] const QByteArray& subjectDer() const { return m_subjectDer; }

    [[nodiscard]] core::Result<QByteArray> generate(const Spec& spec) const;
    [[nodiscard]] core::Result<void> generateToFile(const Spec& spec, const QString& path) const;

    // The serials and reasons the random part of `spec` produces (entry i of generate()'s random block).
    [[nodiscard]] static Entry randomEntry(quint64 seed, qint64 i, qint64 thisUpdate);
    // DER Time (UTCTime up to 2049, GeneralizedTime after, RFC 5280 §5.1.2.4).
    static void appendTime(QByteArray& out, qint64 seconds);

private:
    std::shared_ptr<evp_pkey_st> m_key;
    std::shared_ptr<x509_st> m_cert;
    QByteArray m_keyId;
    QByteArray m_subjectDer;
    bool m_ecdsa = false;
};

} // namespace madoguchi::pki
