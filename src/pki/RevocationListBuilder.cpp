#include "pki/RevocationListBuilder.h"

namespace madoguchi::pki {

namespace {

core::Error crlError(const char* what)
{
    return ossl::error(core::Errc::CryptoFailure, QStringLiteral("CRL builder: ") + QString::fromLatin1(what));
}

bool addEntry(X509_CRL* crl, const RevocationEntry& entry)
{
    ossl::X509RevokedPtr revoked(X509_REVOKED_new());
    ossl::BignumPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(entry.serial.constData()),
                                 static_cast<int>(entry.serial.size()), nullptr));
    ossl::Asn1IntegerPtr serial(bn ? BN_to_ASN1_INTEGER(bn.get(), nullptr) : nullptr);
    const ossl::Asn1TimePtr when = ossl::toAsn1Time(entry.revokedAt);
    if (!revoked || !serial || !when || X509_REVOKED_set_serialNumber(revoked.get(), serial.get()) != 1 ||
        X509_REVOKED_set_revocationDate(revoked.get(), when.get()) != 1) {
        return false;
    }
    if (entry.reason >= 0) {
        std::unique_ptr<ASN1_ENUMERATED, ossl::Deleter<ASN1_ENUMERATED_free>> reason(ASN1_ENUMERATED_new());
        if (!reason || ASN1_ENUMERATED_set(reason.get(), entry.reason) != 1 ||
            X509_REVOKED_add1_ext_i2d(revoked.get(), NID_crl_reason, reason.get(), 0, 0) != 1) {
            return false;
        }
    }
    if (X509_CRL_add0_revoked(crl, revoked.get()) != 1) {
        return false;
    }
    revoked.release(); // the CRL owns it now
    return true;
}

bool addCrlExtensions(X509_CRL* crl, const X509* issuer, quint64 crlNumber)
{
    ossl::Asn1IntegerPtr number(ASN1_INTEGER_new());
    if (!number || ASN1_INTEGER_set_uint64(number.get(), crlNumber) != 1 ||
        X509_CRL_add1_ext_i2d(crl, NID_crl_number, number.get(), 0, X509V3_ADD_DEFAULT) != 1) {
        return false;
    }
    const QByteArray keyId = ossl::subjectKeyId(issuer);
    ossl::AuthorityKeyIdPtr akid(AUTHORITY_KEYID_new());
    if (!akid || keyId.isEmpty() || (akid->keyid = ASN1_OCTET_STRING_new()) == nullptr) {
        return false;
    }
    return ASN1_OCTET_STRING_set(akid->keyid, reinterpret_cast<const unsigned char*>(keyId.constData()),
                                 static_cast<int>(keyId.size())) == 1 &&
           X509_CRL_add1_ext_i2d(crl, NID_authority_key_identifier, akid.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

} // namespace

core::Result<ossl::X509CrlPtr> buildRevocationList(const X509* issuer, EVP_PKEY* issuerKey,
                                                   const std::vector<RevocationEntry>& entries,
                                                   const QDateTime& thisUpdate, const QDateTime& nextUpdate,
                                                   quint64 crlNumber)
{
    ossl::X509CrlPtr crl(X509_CRL_new());
    const ossl::Asn1TimePtr last = ossl::toAsn1Time(thisUpdate);
    const ossl::Asn1TimePtr next = ossl::toAsn1Time(nextUpdate);
    if (!crl || !last || !next || X509_CRL_set_version(crl.get(), X509_CRL_VERSION_2) != 1 ||
        X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(issuer)) != 1 ||
        X509_CRL_set1_lastUpdate(crl.get(), last.get()) != 1 || X509_CRL_set1_nextUpdate(crl.get(), next.get()) != 1) {
        return core::fail(crlError("header"));
    }
    for (const auto& entry : entries) {
        if (!addEntry(crl.get(), entry)) {
            return core::fail(crlError("entry"));
        }
    }
    if (!addCrlExtensions(crl.get(), issuer, crlNumber)) {
        return core::fail(crlError("extensions"));
    }
    if (X509_CRL_sort(crl.get()) != 1 || X509_CRL_sign(crl.get(), issuerKey, EVP_sha256()) <= 0) {
        return core::fail(crlError("sign"));
    }
    return crl;
}

} // namespace madoguchi::pki
