#include "pki/OcspRequestBuilder.h"

#include "pki/OcspOpenSsl.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace madoguchi::pki {

using namespace ocsp_detail;

namespace {

core::Result<OcspCertIdPtr> makeCertId(const QByteArray& certDer, const QByteArray& issuerDer)
{
    auto cert = parseCertificate(certDer, "certificate");
    if (!cert) {
        return core::fail(cert.error());
    }
    auto issuer = parseCertificate(issuerDer, "issuer certificate");
    if (!issuer) {
        return core::fail(issuer.error());
    }
    OcspCertIdPtr id(OCSP_cert_to_id(EVP_sha1(), cert->get(), issuer->get()));
    if (!id) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("OCSP_cert_to_id failed"), takeOpenSslError());
    }
    return id;
}

QByteArray certIdDerOf(const OCSP_CERTID* id)
{
    unsigned char* out = nullptr;
    const int len = i2d_OCSP_CERTID(const_cast<OCSP_CERTID*>(id), &out);
    if (len <= 0) {
        return {};
    }
    QByteArray der(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    return der;
}

} // namespace

core::Result<QByteArray> OcspRequestBuilder::certIdFor(const QByteArray& certDer, const QByteArray& issuerDer)
{
    auto id = makeCertId(certDer, issuerDer);
    if (!id) {
        return core::fail(id.error());
    }
    return certIdDerOf(id->get());
}

core::Result<OcspRequest> OcspRequestBuilder::build(const QByteArray& certDer, const QByteArray& issuerDer)
{
    auto id = makeCertId(certDer, issuerDer);
    if (!id) {
        return core::fail(id.error());
    }
    OcspRequest request;
    request.certIdDer = certIdDerOf(id->get());
    OcspRequestPtr req(OCSP_REQUEST_new());
    // OCSP_request_add0_id takes ownership of the CertID only on success.
    if (!req || OCSP_request_add0_id(req.get(), id->get()) == nullptr) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("cannot build OCSP request"), takeOpenSslError());
    }
    id->release();
    request.nonce.resize(NonceBytes);
    auto* nonce = reinterpret_cast<unsigned char*>(request.nonce.data());
    if (RAND_bytes(nonce, NonceBytes) != 1 || OCSP_request_add1_nonce(req.get(), nonce, NonceBytes) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("cannot add OCSP nonce"), takeOpenSslError());
    }
    unsigned char* out = nullptr;
    const int len = i2d_OCSP_REQUEST(req.get(), &out);
    if (len <= 0) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("cannot encode OCSP request"), takeOpenSslError());
    }
    request.der = QByteArray(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    return request;
}

} // namespace madoguchi::pki
