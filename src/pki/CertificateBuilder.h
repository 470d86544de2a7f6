#pragma once

#include "pki/OpenSsl.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace madoguchi::pki {

// One attribute of a distinguished name, in order: {"C", "JP"}, {"OU", "TEST"}, {"L", "東京都"}.
struct DnEntry
{
    const char* field;
    QString value;
};
using DistinguishedName = std::vector<DnEntry>;

// One SAN otherName: `type-id` and `[0] EXPLICIT value` of the given ASN.1 string type. Tests use
// other types than UTF8String to build broken certificates.
struct OtherNameSpec
{
    QByteArray oid;
    QByteArray value;
    int asn1Type = V_ASN1_UTF8STRING;
};

// Builds and signs one X.509 v3 certificate (test PKI and tests only: production never issues).
// Errors are collected and reported by sign(), so a chain of calls needs one check.
class CertificateBuilder final
{
public:
    CertificateBuilder();

    CertificateBuilder& serial(const QByteArray& bigEndian);
    CertificateBuilder& subject(const DistinguishedName& dn);
    CertificateBuilder& validity(const QDateTime& notBefore, const QDateTime& notAfter);
    CertificateBuilder& publicKey(EVP_PKEY* key);
    // An extension in OpenSSL's configuration syntax, e.g. ("keyUsage", "critical,digitalSignature").
    CertificateBuilder& extension(const char* name, const char* value);
    // Any extension by dotted OID with its DER value (for unknown critical extensions in tests).
    CertificateBuilder& rawExtension(const char* oid, bool critical, const QByteArray& valueDer);
    // RFC 5280 §4.2.1.2 method (1); call after publicKey().
    CertificateBuilder& subjectKeyIdentifier();
    CertificateBuilder& authorityKeyIdentifier(const QByteArray& keyId);
    // certificatePolicies with bare policy OIDs (no qualifiers, as JPKI's).
    CertificateBuilder& policies(const std::vector<QByteArray>& oids);
    CertificateBuilder& otherNames(const std::vector<OtherNameSpec>& names);

    // Signs with sha256WithRSAEncryption. issuer == nullptr: self-signed (issuer name = subject).
    [[nodiscard]] core::Result<ossl::X509Ptr> sign(const X509* issuer, EVP_PKEY* issuerKey);

    [[nodiscard]] static ossl::X509NamePtr makeName(const DistinguishedName& dn);

private:
    void setError(const QString& what);

    ossl::X509Ptr m_cert;
    std::optional<core::Error> m_error;
};

} // namespace madoguchi::pki
