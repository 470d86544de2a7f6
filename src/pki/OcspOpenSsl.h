#pragma once

// Private to the Ocsp*.cpp files: RAII owners for the OpenSSL handles they use (style.md) and the
// conversions between OpenSSL and Qt types. Not part of the pki interface; never include it from
// another header.

#include "core/Result.h"
#include "pki/OpenSsl.h"

#include <QByteArray>
#include <QDateTime>

#include <openssl/asn1.h>
#include <openssl/ocsp.h>
#include <openssl/x509.h>

#include <memory>

namespace madoguchi::pki::ocsp_detail {

// The deleter and X509Ptr are pki's shared RAII types (OpenSsl.h); only the OCSP handles are added here.
template <auto Free>
using Deleter = ossl::Deleter<Free>;
using X509Ptr = ossl::X509Ptr;
using OcspRequestPtr = std::unique_ptr<OCSP_REQUEST, Deleter<OCSP_REQUEST_free>>;
using OcspResponsePtr = std::unique_ptr<OCSP_RESPONSE, Deleter<OCSP_RESPONSE_free>>;
using OcspBasicPtr = std::unique_ptr<OCSP_BASICRESP, Deleter<OCSP_BASICRESP_free>>;
using OcspCertIdPtr = std::unique_ptr<OCSP_CERTID, Deleter<OCSP_CERTID_free>>;

struct X509StackFree
{
    void operator()(STACK_OF(X509) * stack) const noexcept { sk_X509_pop_free(stack, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackFree>;

// DER → X509; the whole input must be one certificate.
[[nodiscard]] core::Result<X509Ptr> parseCertificate(const QByteArray& der, const char* what);
// Takes the first error from OpenSSL's queue (and clears the queue) for an Error's native code.
[[nodiscard]] qint64 takeOpenSslError();
// GeneralizedTime → UTC QDateTime; null for a null input.
[[nodiscard]] QDateTime toDateTime(const ASN1_GENERALIZEDTIME* time);

} // namespace madoguchi::pki::ocsp_detail
