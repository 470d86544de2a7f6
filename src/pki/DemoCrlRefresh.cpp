#include "pki/DemoCrlRefresh.h"

#include "pki/DemoSet.h"
#include "pki/OpenSsl.h"
#include "pki/RevocationListBuilder.h"

#include <openssl/x509v3.h>

namespace madoguchi::pki {
namespace {

// RFC 5280 §5.3.1: the entry's reasonCode extension, -1 when it has none.
int reasonOf(X509_REVOKED* revoked)
{
    int critical = 0;
    auto* reason = static_cast<ASN1_ENUMERATED*>(X509_REVOKED_get_ext_d2i(revoked, NID_crl_reason, &critical, nullptr));
    if (reason == nullptr) {
        return -1;
    }
    const auto code = static_cast<int>(ASN1_ENUMERATED_get(reason));
    ASN1_ENUMERATED_free(reason);
    return code;
}

core::Result<std::vector<RevocationEntry>> entriesOf(const QByteArray& crlDer)
{
    auto crl = ossl::crlFromDer(crlDer);
    if (!crl) {
        return core::fail(crl.error());
    }
    std::vector<RevocationEntry> entries;
    STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(crl->get());
    for (int i = 0; i < sk_X509_REVOKED_num(revoked); ++i) {
        X509_REVOKED* entry = sk_X509_REVOKED_value(revoked, i);
        entries.push_back({ossl::toBytes(X509_REVOKED_get0_serialNumber(entry)),
                           ossl::fromAsn1Time(X509_REVOKED_get0_revocationDate(entry)), reasonOf(entry)});
    }
    return entries;
}

core::Result<QByteArray> reissue(const QByteArray& crlDer, const QByteArray& caCertDer, const QByteArray& caKeyDer,
                                 const QDateTime& now)
{
    auto entries = entriesOf(crlDer);
    auto ca = ossl::certFromDer(caCertDer);
    auto key = ossl::privateKeyFromPkcs8Der(caKeyDer);
    if (!entries || !ca || !key) {
        return core::fail(!entries ? entries.error() : !ca ? ca.error() : key.error());
    }
    const auto crlNumber = static_cast<quint64>(now.toSecsSinceEpoch() / 86400);
    auto crl = buildRevocationList(ca->get(), key->get(), *entries, now.addSecs(-3600), now.addDays(1), crlNumber);
    if (!crl) {
        return core::fail(crl.error());
    }
    return ossl::toDer(crl->get());
}

} // namespace

core::Result<DemoCrls> reissueDemoCrls(const DemoSet& set, const QDateTime& now)
{
    auto auth = reissue(set.authCrlDer, set.authCaCertDer, set.authCaKeyPkcs8Der, now);
    auto sign = reissue(set.signCrlDer, set.signCaCertDer, set.signCaKeyPkcs8Der, now);
    if (!auth || !sign) {
        return core::fail(!auth ? auth.error() : sign.error());
    }
    return DemoCrls{*auth, *sign};
}

} // namespace madoguchi::pki
