#include "pki/CertificateValidator.h"

#include "pki/JpkiOids.h"
#include "pki/OpenSsl.h"

namespace madoguchi::pki {

namespace {

// Critical extensions a JPKI end-entity certificate may carry and we process.
bool isProcessedExtension(int nid)
{
    switch (nid) {
    case NID_key_usage:
    case NID_basic_constraints:
    case NID_certificate_policies:
    case NID_subject_alt_name:
    case NID_ext_key_usage:
    case NID_subject_key_identifier:
    case NID_authority_key_identifier:
        return true;
    default:
        return false;
    }
}

core::Result<void> checkCriticalExtensions(const X509* cert)
{
    for (int i = 0; i < X509_get_ext_count(cert); ++i) {
        X509_EXTENSION* ext = X509_get_ext(cert, i);
        const ASN1_OBJECT* object = X509_EXTENSION_get_object(ext);
        if (X509_EXTENSION_get_critical(ext) && !isProcessedExtension(OBJ_obj2nid(object))) {
            return core::fail(core::Errc::UnknownCriticalExtension,
                              QStringLiteral("critical extension %1 is not understood").arg(ossl::oidText(object)));
        }
    }
    return {};
}

core::Result<void> checkValidity(const QDateTime& notBefore, const QDateTime& notAfter, const QDateTime& now,
                                 const QString& what)
{
    if (!notBefore.isValid() || !notAfter.isValid()) {
        return core::fail(core::Errc::CertificateInvalid, what + QStringLiteral(": validity does not decode"));
    }
    if (now < notBefore) {
        return core::fail(core::Errc::NotYetValid,
                          what + QStringLiteral(" valid from %1").arg(notBefore.toString(Qt::ISODate)));
    }
    if (now > notAfter) {
        return core::fail(core::Errc::Expired,
                          what + QStringLiteral(" expired %1").arg(notAfter.toString(Qt::ISODate)));
    }
    return {};
}

core::Result<void> checkKeyUsage(X509* cert, JpkiCertificateKind kind)
{
    // basicConstraints cA itself, not X509_check_ca(), which also needs keyCertSign to say "CA".
    if ((X509_get_extension_flags(cert) & EXFLAG_CA) != 0 || X509_check_ca(cert) != 0) {
        return core::fail(core::Errc::KeyUsageInvalid, QStringLiteral("end-entity certificate is a CA certificate"));
    }
    const quint32 usage = X509_get_key_usage(cert); // UINT32_MAX when the extension is absent
    if (usage == UINT32_MAX || (usage & KU_DIGITAL_SIGNATURE) == 0) {
        return core::fail(core::Errc::KeyUsageInvalid, QStringLiteral("keyUsage lacks digitalSignature"));
    }
    if (kind == JpkiCertificateKind::Sign && (usage & KU_NON_REPUDIATION) == 0) {
        return core::fail(core::Errc::KeyUsageInvalid, QStringLiteral("signing certificate lacks nonRepudiation"));
    }
    if ((usage & (KU_KEY_CERT_SIGN | KU_CRL_SIGN)) != 0) {
        return core::fail(core::Errc::KeyUsageInvalid,
                          QStringLiteral("end-entity keyUsage allows certificate signing"));
    }
    return {};
}

core::Result<void> checkTimes(const X509* cert, const X509* anchor, const QDateTime& now)
{
    if (auto own = checkValidity(ossl::fromAsn1Time(X509_get0_notBefore(cert)),
                                 ossl::fromAsn1Time(X509_get0_notAfter(cert)), now, QStringLiteral("certificate"));
        !own) {
        return own;
    }
    return checkValidity(ossl::fromAsn1Time(X509_get0_notBefore(anchor)),
                         ossl::fromAsn1Time(X509_get0_notAfter(anchor)), now, QStringLiteral("trust anchor"));
}

struct PolicyOutcome
{
    JpkiCertificateKind kind;
    bool testEnvironment;
};

// Finds the policy by itself (not through JpkiCertificate) so that a missing policy is PolicyInvalid.
core::Result<PolicyOutcome> checkPolicy(X509* cert, std::optional<JpkiCertificateKind> expected, TrustMode mode)
{
    ossl::CertificatePoliciesPtr list(
        static_cast<CERTIFICATEPOLICIES*>(X509_get_ext_d2i(cert, NID_certificate_policies, nullptr, nullptr)));
    ERR_clear_error();
    std::optional<JpkiCertificateKind> kind;
    bool testEnvironment = false;
    for (int i = 0; list && i < sk_POLICYINFO_num(list.get()); ++i) {
        const QString oid = ossl::oidText(sk_POLICYINFO_value(list.get(), i)->policyid);
        testEnvironment = testEnvironment || oid.startsWith(QLatin1String(oid::TestPolicyArc));
        if (oid == QLatin1String(oid::AuthPolicy) || oid == QLatin1String(oid::TestAuthPolicy)) {
            kind = JpkiCertificateKind::Auth;
        } else if (oid == QLatin1String(oid::SignPolicy) || oid == QLatin1String(oid::TestSignPolicy)) {
            kind = JpkiCertificateKind::Sign;
        }
    }
    if (!kind) {
        return core::fail(core::Errc::PolicyInvalid, QStringLiteral("no JPKI certificate policy"));
    }
    if (expected && *expected != *kind) {
        return core::fail(core::Errc::PolicyInvalid, QStringLiteral("certificate is of the other kind (auth vs sign)"));
    }
    if (testEnvironment && mode != TrustMode::Training) {
        return core::fail(core::Errc::PolicyInvalid,
                          QStringLiteral("J-LIS test-environment policy in production mode"));
    }
    return PolicyOutcome{*kind, testEnvironment};
}

} // namespace

core::Result<ValidatedCertificate> CertificateValidator::validate(const QByteArray& certDer,
                                                                  std::optional<JpkiCertificateKind> expectedKind) const
{
    auto cert = ossl::certFromDerOrPem(certDer);
    if (!cert) {
        return core::fail(cert.error());
    }
    X509* x = cert->get();
    if (auto critical = checkCriticalExtensions(x); !critical) {
        return core::fail(critical.error());
    }
    const QByteArray issuerKeyId = ossl::authorityKeyId(x);
    const TrustAnchor* anchor = issuerKeyId.isEmpty() ? nullptr : m_store.findByKeyId(issuerKeyId);
    if (anchor == nullptr) {
        return core::fail(
            core::Errc::UntrustedIssuer,
            QStringLiteral("no trust anchor with key id %1").arg(QString::fromLatin1(issuerKeyId.toHex())));
    }
    auto anchorCert = ossl::certFromDer(anchor->certDer);
    if (!anchorCert || X509_verify(x, X509_get0_pubkey(anchorCert->get())) != 1) {
        ERR_clear_error();
        return core::fail(core::Errc::SignatureInvalid,
                          QStringLiteral("signature does not verify with the anchor's key"));
    }
    if (auto times = checkTimes(x, anchorCert->get(), m_clock.now()); !times) {
        return core::fail(times.error());
    }
    auto policy = checkPolicy(x, expectedKind, m_store.mode());
    if (!policy) {
        return core::fail(policy.error());
    }
    const JpkiCertificateKind kind = policy->kind;
    const bool testEnvironment = policy->testEnvironment;
    if (auto usage = checkKeyUsage(x, kind); !usage) {
        return core::fail(usage.error());
    }
    auto model = JpkiCertificate::parse(ossl::toDer(x));
    if (!model) {
        return core::fail(model.error());
    }
    return ValidatedCertificate{std::move(*model), *anchor, anchor->isTest, testEnvironment};
}

} // namespace madoguchi::pki
