#include "pki/OcspResponseVerifier.h"

#include "pki/OcspOpenSsl.h"

#include <openssl/x509v3.h>

#include <ctime>

namespace madoguchi::pki {

using namespace ocsp_detail;
using core::Errc;

namespace {

QString subjectOf(X509* cert)
{
    char buffer[256] = {};
    X509_NAME_oneline(X509_get_subject_name(cert), buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

core::Result<OcspBasicPtr> parseBasic(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    OcspResponsePtr response(d2i_OCSP_RESPONSE(nullptr, &p, der.size()));
    if (!response) {
        return core::fail(Errc::MalformedDer, QStringLiteral("not a DER OCSPResponse"), takeOpenSslError());
    }
    const int status = OCSP_response_status(response.get());
    if (status != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
        return core::fail(
            Errc::OcspResponderError,
            QStringLiteral("responder said %1").arg(QString::fromLatin1(OCSP_response_status_str(status))), status);
    }
    OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
    if (!basic) {
        return core::fail(Errc::MalformedDer, QStringLiteral("response is not id-pkix-ocsp-basic"), takeOpenSslError());
    }
    return basic;
}

// RFC 6960 §4.2.2.2: the CA itself, or a certificate issued directly by the CA that carries
// id-kp-OCSPSigning and is valid now.
core::Result<QString> authoriseSigner(X509* signer, X509* issuer, const OcspExpectation& expected)
{
    if (X509_cmp(signer, issuer) == 0) {
        return QStringLiteral("signed by the issuing CA itself");
    }
    const QString who = subjectOf(signer);
    if (X509_check_issued(issuer, signer) != X509_V_OK || X509_verify(signer, X509_get0_pubkey(issuer)) != 1) {
        static_cast<void>(takeOpenSslError()); // leave the queue clean for the next call
        return core::fail(Errc::OcspUntrustedSigner,
                          QStringLiteral("responder certificate %1 is not issued by the CA").arg(who));
    }
    if ((X509_get_extension_flags(signer) & EXFLAG_XKUSAGE) == 0 ||
        (X509_get_extended_key_usage(signer) & XKU_OCSP_SIGN) == 0) {
        return core::fail(Errc::OcspUntrustedSigner,
                          QStringLiteral("responder certificate %1 lacks id-kp-OCSPSigning").arg(who));
    }
    std::time_t now = expected.clock->now().toSecsSinceEpoch();
    if (X509_cmp_time(X509_get0_notBefore(signer), &now) >= 0 || X509_cmp_time(X509_get0_notAfter(signer), &now) <= 0) {
        return core::fail(Errc::OcspUntrustedSigner,
                          QStringLiteral("responder certificate %1 is not valid now").arg(who));
    }
    return QStringLiteral("signed by delegated responder %1 (issued by the CA, id-kp-OCSPSigning)").arg(who);
}

core::Result<QString> checkSigner(OCSP_BASICRESP* basic, X509* issuer, const OcspExpectation& expected)
{
    X509StackPtr extra(sk_X509_new_null());
    for (const QByteArray& der : expected.signerCandidates) {
        auto cert = parseCertificate(der, "responder certificate");
        if (!cert) {
            return core::fail(cert.error());
        }
        sk_X509_push(extra.get(), cert->release());
    }
    X509_up_ref(issuer);
    sk_X509_push(extra.get(), issuer);
    X509* signer = nullptr;
    if (OCSP_resp_get0_signer(basic, &signer, extra.get()) != 1 || signer == nullptr) {
        return core::fail(Errc::OcspUntrustedSigner, QStringLiteral("responder certificate not found"));
    }
    auto how = authoriseSigner(signer, issuer, expected);
    if (!how) {
        return how;
    }
    const int ok =
        ASN1_item_verify(ASN1_ITEM_rptr(OCSP_RESPDATA), OCSP_resp_get0_tbs_sigalg(basic),
                         OCSP_resp_get0_signature(basic), OCSP_resp_get0_respdata(basic), X509_get0_pubkey(signer));
    if (ok != 1) {
        return core::fail(Errc::OcspBadSignature, QStringLiteral("response signature does not verify"),
                          takeOpenSslError());
    }
    return how;
}

core::Result<void> checkNonce(OCSP_BASICRESP* basic, const QByteArray& requestDer)
{
    const auto* p = reinterpret_cast<const unsigned char*>(requestDer.constData());
    OcspRequestPtr request(d2i_OCSP_REQUEST(nullptr, &p, requestDer.size()));
    if (!request) {
        return core::fail(Errc::Internal, QStringLiteral("own OCSP request does not parse"));
    }
    // 1: present in both and equal. -1: the response has none; 0: they differ (a replay).
    const int result = OCSP_check_nonce(request.get(), basic);
    if (result == -1) {
        return core::fail(Errc::OcspNonceMismatch, QStringLiteral("response carries no nonce"));
    }
    if (result != 1) {
        return core::fail(Errc::OcspNonceMismatch, QStringLiteral("response nonce differs from the request's"));
    }
    return {};
}

core::Result<void> checkTimes(const RevocationStatus& status, const OcspExpectation& expected)
{
    const QDateTime now = expected.clock->now();
    if (!status.thisUpdate.isValid()) {
        return core::fail(Errc::MalformedDer, QStringLiteral("thisUpdate missing"));
    }
    if (status.thisUpdate > now.addSecs(expected.allowedSkewSeconds)) {
        return core::fail(
            Errc::OcspStale,
            QStringLiteral("thisUpdate %1 is in the future").arg(status.thisUpdate.toString(Qt::ISODate)));
    }
    if (status.nextUpdate.isValid() && status.nextUpdate < now.addSecs(-expected.allowedSkewSeconds)) {
        return core::fail(Errc::OcspStale,
                          QStringLiteral("nextUpdate %1 has passed").arg(status.nextUpdate.toString(Qt::ISODate)));
    }
    return {};
}

core::Result<RevocationStatus> readSingle(OCSP_BASICRESP* basic, const QByteArray& certIdDer)
{
    const auto* p = reinterpret_cast<const unsigned char*>(certIdDer.constData());
    OcspCertIdPtr id(d2i_OCSP_CERTID(nullptr, &p, certIdDer.size()));
    const int index = id ? OCSP_resp_find(basic, id.get(), -1) : -1;
    if (index < 0) {
        return core::fail(Errc::OcspCertIdMismatch, QStringLiteral("no answer for the certificate asked about"));
    }
    int reason = -1;
    ASN1_GENERALIZEDTIME* revoked = nullptr;
    ASN1_GENERALIZEDTIME* thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME* nextUpdate = nullptr;
    const int state =
        OCSP_single_get0_status(OCSP_resp_get0(basic, index), &reason, &revoked, &thisUpdate, &nextUpdate);
    RevocationStatus status;
    status.source = RevocationSourceKind::Ocsp;
    status.thisUpdate = toDateTime(thisUpdate);
    status.nextUpdate = toDateTime(nextUpdate);
    status.producedAt = toDateTime(OCSP_resp_get0_produced_at(basic));
    if (state == V_OCSP_CERTSTATUS_GOOD) {
        status.status = CertStatus::Good;
    } else if (state == V_OCSP_CERTSTATUS_REVOKED) {
        status.status = CertStatus::Revoked;
        status.revocationTime = toDateTime(revoked);
        // OCSP_REVOKED_STATUS_NOSTATUS (-1): no reasonCode, i.e. unspecified (RFC 5280 §5.3.1).
        if (reason >= 0) {
            status.reasonCode = reason;
        }
    } else {
        status.status = CertStatus::Unknown;
    }
    return status;
}

} // namespace

core::Result<RevocationStatus> OcspResponseVerifier::verify(const QByteArray& responseDer,
                                                            const OcspExpectation& expected)
{
    if (expected.clock == nullptr) {
        return core::fail(Errc::Internal, QStringLiteral("OCSP verification without a clock"));
    }
    auto issuer = parseCertificate(expected.issuerDer, "issuer certificate");
    if (!issuer) {
        return core::fail(issuer.error());
    }
    auto basic = parseBasic(responseDer);
    if (!basic) {
        return core::fail(basic.error());
    }
    QStringList checks{QStringLiteral("response status successful")};
    auto signer = checkSigner(basic->get(), issuer->get(), expected);
    if (!signer) {
        return core::fail(signer.error());
    }
    checks << *signer << QStringLiteral("signature verified");
    if (!expected.requestDer.isEmpty()) {
        if (auto nonce = checkNonce(basic->get(), expected.requestDer); !nonce) {
            return core::fail(nonce.error());
        }
        checks << QStringLiteral("nonce matches");
    }
    auto status = readSingle(basic->get(), expected.certIdDer);
    if (!status) {
        return status;
    }
    checks << QStringLiteral("CertID matches");
    if (auto times = checkTimes(*status, expected); !times) {
        return core::fail(times.error());
    }
    checks << QStringLiteral("thisUpdate/nextUpdate current (skew %1 s)").arg(expected.allowedSkewSeconds);
    status->checks = checks;
    return status;
}

} // namespace madoguchi::pki
