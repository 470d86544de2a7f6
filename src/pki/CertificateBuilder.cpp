#include "pki/CertificateBuilder.h"

namespace madoguchi::pki {

CertificateBuilder::CertificateBuilder() : m_cert(X509_new())
{
    if (!m_cert || X509_set_version(m_cert.get(), X509_VERSION_3) != 1) {
        setError(QStringLiteral("X509_new"));
    }
}

void CertificateBuilder::setError(const QString& what)
{
    if (!m_error) {
        m_error = ossl::error(core::Errc::CryptoFailure, QStringLiteral("certificate builder: ") + what);
    }
}

ossl::X509NamePtr CertificateBuilder::makeName(const DistinguishedName& dn)
{
    ossl::X509NamePtr name(X509_NAME_new());
    for (const auto& entry : dn) {
        const QByteArray value = entry.value.toUtf8();
        if (!name || X509_NAME_add_entry_by_txt(name.get(), entry.field, MBSTRING_UTF8,
                                                reinterpret_cast<const unsigned char*>(value.constData()),
                                                static_cast<int>(value.size()), -1, 0) != 1) {
            return nullptr;
        }
    }
    return name;
}

CertificateBuilder& CertificateBuilder::serial(const QByteArray& bigEndian)
{
    ossl::BignumPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(bigEndian.constData()),
                                 static_cast<int>(bigEndian.size()), nullptr));
    ossl::Asn1IntegerPtr integer(bn ? BN_to_ASN1_INTEGER(bn.get(), nullptr) : nullptr);
    if (!integer || X509_set_serialNumber(m_cert.get(), integer.get()) != 1) {
        setError(QStringLiteral("serial"));
    }
    return *this;
}

CertificateBuilder& CertificateBuilder::subject(const DistinguishedName& dn)
{
    const ossl::X509NamePtr name = makeName(dn);
    if (!name || X509_set_subject_name(m_cert.get(), name.get()) != 1) {
        setError(QStringLiteral("subject"));
    }
    return *this;
}

CertificateBuilder& CertificateBuilder::validity(const QDateTime& notBefore, const QDateTime& notAfter)
{
    const ossl::Asn1TimePtr from = ossl::toAsn1Time(notBefore);
    const ossl::Asn1TimePtr to = ossl::toAsn1Time(notAfter);
    if (!from || !to || X509_set1_notBefore(m_cert.get(), from.get()) != 1 ||
        X509_set1_notAfter(m_cert.get(), to.get()) != 1) {
        setError(QStringLiteral("validity"));
    }
    return *this;
}

CertificateBuilder& CertificateBuilder::publicKey(EVP_PKEY* key)
{
    if (X509_set_pubkey(m_cert.get(), key) != 1) {
        setError(QStringLiteral("public key"));
    }
    return *this;
}

CertificateBuilder& CertificateBuilder::extension(const char* name, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, m_cert.get(), m_cert.get(), nullptr, nullptr, 0);
    ossl::X509ExtensionPtr ext(X509V3_EXT_nconf(nullptr, &ctx, name, value));
    if (!ext || X509_add_ext(m_cert.get(), ext.get(), -1) != 1) {
        setError(QString::fromLatin1(name));
    }
    return *this;
}

CertificateBuilder& CertificateBuilder::rawExtension(const char* oid, bool critical, const QByteArray& valueDer)
{
    ossl::Asn1ObjectPtr object(OBJ_txt2obj(oid, 1));
    ossl::Asn1OctetStringPtr value(ASN1_OCTET_STRING_new());
    if (!object || !value ||
        ASN1_OCTET_STRING_set(value.get(), reinterpret_cast<const unsigned char*>(valueDer.constData()),
                              static_cast<int>(valueDer.size())) != 1) {
        setError(QString::fromLatin1(oid));
        return *this;
    }
    ossl::X509ExtensionPtr ext(X509_EXTENSION_create_by_OBJ(nullptr, object.get(), critical ? 1 : 0, value.get()));
    if (!ext || X509_add_ext(m_cert.get(), ext.get(), -1) != 1) {
        setError(QString::fromLatin1(oid));
    }
    return *this;
}

CertificateBuilder& CertificateBuilder::subjectKeyIdentifier()
{
    const QByteArray keyId = ossl::publicKeySha1(m_cert.get());
    ossl::Asn1OctetStringPtr value(ASN1_OCTET_STRING_new());
    if (keyId.isEmpty() || !value ||
        ASN1_OCTET_STRING_set(value.get(), reinterpret_cast<const unsigned char*>(keyId.constData()),
                              static_cast<int>(keyId.size())) != 1 ||
        X509_add1_ext_i2d(m_cert.get(), NID_subject_key_identifier, value.get(), 0, X509V3_ADD_DEFAULT) != 1) {
        setError(QStringLiteral("subjectKeyIdentifier"));
    }
    return *this;
}

CertificateBuilder& CertificateBuilder::authorityKeyIdentifier(const QByteArray& keyId)
{
    ossl::AuthorityKeyIdPtr akid(AUTHORITY_KEYID_new());
    if (!akid || keyId.isEmpty()) {
        setError(QStringLiteral("authorityKeyIdentifier"));
        return *this;
    }
    akid->keyid = ASN1_OCTET_STRING_new();
    if (akid->keyid == nullptr ||
        ASN1_OCTET_STRING_set(akid->keyid, reinterpret_cast<const unsigned char*>(keyId.constData()),
                              static_cast<int>(keyId.size())) != 1 ||
        X509_add1_ext_i2d(m_cert.get(), NID_authority_key_identifier, akid.get(), 0, X509V3_ADD_DEFAULT) != 1) {
        setError(QStringLiteral("authorityKeyIdentifier"));
    }
    return *this;
}

namespace {

GENERAL_NAME* makeOtherName(const OtherNameSpec& spec)
{
    ossl::Asn1ObjectPtr object(OBJ_txt2obj(spec.oid.constData(), 1));
    ASN1_STRING* string = ASN1_STRING_type_new(spec.asn1Type);
    ASN1_TYPE* value = ASN1_TYPE_new();
    GENERAL_NAME* name = GENERAL_NAME_new();
    if (!object || string == nullptr || value == nullptr || name == nullptr ||
        ASN1_STRING_set(string, spec.value.constData(), static_cast<int>(spec.value.size())) != 1) {
        ASN1_STRING_free(string);
        ASN1_TYPE_free(value);
        GENERAL_NAME_free(name);
        return nullptr;
    }
    ASN1_TYPE_set(value, spec.asn1Type, string); // value owns string now
    GENERAL_NAME_set0_othername(name, object.release(), value);
    return name;
}

} // namespace

CertificateBuilder& CertificateBuilder::otherNames(const std::vector<OtherNameSpec>& names)
{
    ossl::GeneralNamesPtr san(sk_GENERAL_NAME_new_null());
    for (const auto& spec : names) {
        GENERAL_NAME* name = makeOtherName(spec);
        if (!san || name == nullptr || sk_GENERAL_NAME_push(san.get(), name) == 0) {
            GENERAL_NAME_free(name);
            setError(QStringLiteral("subjectAltName otherName ") + QString::fromLatin1(spec.oid));
            return *this;
        }
    }
    if (X509_add1_ext_i2d(m_cert.get(), NID_subject_alt_name, san.get(), 0, X509V3_ADD_DEFAULT) != 1) {
        setError(QStringLiteral("subjectAltName"));
    }
    return *this;
}

CertificateBuilder& CertificateBuilder::policies(const std::vector<QByteArray>& oids)
{
    ossl::CertificatePoliciesPtr list(sk_POLICYINFO_new_null());
    for (const auto& oid : oids) {
        POLICYINFO* info = POLICYINFO_new();
        if (!list || info == nullptr || (info->policyid = OBJ_txt2obj(oid.constData(), 1)) == nullptr ||
            sk_POLICYINFO_push(list.get(), info) == 0) {
            POLICYINFO_free(info);
            setError(QStringLiteral("certificatePolicies ") + QString::fromLatin1(oid));
            return *this;
        }
    }
    if (X509_add1_ext_i2d(m_cert.get(), NID_certificate_policies, list.get(), 0, X509V3_ADD_DEFAULT) != 1) {
        setError(QStringLiteral("certificatePolicies"));
    }
    return *this;
}

core::Result<ossl::X509Ptr> CertificateBuilder::sign(const X509* issuer, EVP_PKEY* issuerKey)
{
    const X509_NAME* issuerName = X509_get_subject_name(issuer != nullptr ? issuer : m_cert.get());
    if (!m_error && X509_set_issuer_name(m_cert.get(), issuerName) != 1) {
        setError(QStringLiteral("issuer"));
    }
    if (!m_error && X509_sign(m_cert.get(), issuerKey, EVP_sha256()) <= 0) {
        setError(QStringLiteral("sign"));
    }
    if (m_error) {
        return core::fail(*m_error);
    }
    return std::move(m_cert);
}

} // namespace madoguchi::pki
