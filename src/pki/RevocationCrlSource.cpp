#include "pki/RevocationCrlSource.h"

#include "pki/OcspOpenSsl.h"

#include <openssl/x509v3.h>

namespace madoguchi::pki {

using namespace ocsp_detail;

core::Result<SuccessionKey> RevocationCrlSource::keyOf(const QByteArray& certDer, const QByteArray& issuerDer)
{
    auto cert = parseCertificate(certDer, "certificate");
    if (!cert) {
        return core::fail(cert.error());
    }
    const ASN1_OCTET_STRING* keyId = X509_get0_authority_key_id(cert->get());
    X509Ptr issuer;
    if (keyId == nullptr && !issuerDer.isEmpty()) {
        auto parsed = parseCertificate(issuerDer, "issuer certificate");
        if (!parsed) {
            return core::fail(parsed.error());
        }
        issuer = std::move(*parsed);
        keyId = X509_get0_subject_key_id(issuer.get());
    }
    if (keyId == nullptr) {
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("no authority or issuer key identifier"));
    }
    const ASN1_INTEGER* serial = X509_get0_serialNumber(cert->get());
    SuccessionKey key;
    key.issuerKeyId =
        QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(keyId)), ASN1_STRING_length(keyId));
    key.serial = SuccessionKey::normalizedSerial(
        QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(serial)), ASN1_STRING_length(serial)));
    return key;
}

core::Result<RevocationStatus> RevocationCrlSource::statusOf(const RevocationQuery& query)
{
    const auto key = keyOf(query.certDer, query.issuerDer);
    if (!key) {
        return core::fail(key.error());
    }
    const auto answer = m_index.lookup(key->issuerKeyId, key->serial);
    if (!answer) {
        return core::fail(answer.error());
    }
    RevocationStatus status;
    status.source = RevocationSourceKind::Crl;
    status.status = answer->listed ? CertStatus::Revoked : CertStatus::Good;
    status.reasonCode = answer->reasonCode;
    status.revocationTime = answer->revocationTime;
    status.sourceName = answer->crlName;
    status.crlNumber = answer->crlNumber;
    status.thisUpdate = answer->thisUpdate;
    status.nextUpdate = answer->nextUpdate;
    status.checks << QStringLiteral("serial %1 looked up in CRL %2").arg(key->toString(), answer->crlName);
    return status;
}

} // namespace madoguchi::pki
