#include "pki/ResponderIndex.h"

#include "pki/OpenSsl.h"

namespace madoguchi::pki {

namespace {

// The names `openssl ca` writes after the revocation date (apps/ca.c crl_reasons).
QByteArray reasonName(int reason)
{
    switch (reason) {
    case 0:
        return "unspecified";
    case 1:
        return "keyCompromise";
    case 2:
        return "CACompromise";
    case 3:
        return "affiliationChanged";
    case 4:
        return "superseded";
    case 5:
        return "cessationOfOperation";
    case 6:
        return "certificateHold";
    default:
        return {};
    }
}

QByteArray revocationField(X509_REVOKED* revoked)
{
    QByteArray field = ossl::toBytes(X509_REVOKED_get0_revocationDate(revoked));
    int critical = 0;
    std::unique_ptr<ASN1_ENUMERATED, ossl::Deleter<ASN1_ENUMERATED_free>> reason(
        static_cast<ASN1_ENUMERATED*>(X509_REVOKED_get_ext_d2i(revoked, NID_crl_reason, &critical, nullptr)));
    const QByteArray name = reason ? reasonName(static_cast<int>(ASN1_ENUMERATED_get(reason.get()))) : QByteArray();
    if (!name.isEmpty()) {
        field += ',' + name;
    }
    return field;
}

} // namespace

core::Result<QByteArray> makeResponderIndex(const std::vector<QByteArray>& certsDer, const QByteArray& crlDer)
{
    auto crl = ossl::crlFromDer(crlDer);
    if (!crl) {
        return core::fail(crl.error());
    }
    QByteArray index;
    for (const auto& der : certsDer) {
        auto cert = ossl::certFromDer(der);
        if (!cert) {
            return core::fail(cert.error());
        }
        X509_REVOKED* revoked = nullptr;
        const bool isRevoked =
            X509_CRL_get0_by_serial(crl->get(), &revoked, X509_get0_serialNumber(cert->get())) == 1 && revoked;
        char* subject = X509_NAME_oneline(X509_get_subject_name(cert->get()), nullptr, 0);
        index += (isRevoked ? "R\t" : "V\t") + ossl::toBytes(X509_get0_notAfter(cert->get())) + '\t' +
                 (isRevoked ? revocationField(revoked) : QByteArray()) + '\t' +
                 ossl::serialBytes(cert->get()).toHex().toUpper() + "\tunknown\t" + QByteArray(subject) + '\n';
        OPENSSL_free(subject);
    }
    return index;
}

} // namespace madoguchi::pki
