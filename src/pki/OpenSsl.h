#pragma once

// RAII for OpenSSL handles (style.md: "RAII wrappers for every OpenSSL handle") and the few helpers
// every pki file needs. Internal to madoguchi_pki and its tests: public pki headers speak DER bytes,
// so no other layer sees an OpenSSL type.

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace madoguchi::pki::ossl {

template <auto Fn>
struct Deleter
{
    template <typename T>
    void operator()(T* p) const noexcept
    {
        Fn(p);
    }
};

using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL_free>>;
using X509RevokedPtr = std::unique_ptr<X509_REVOKED, Deleter<X509_REVOKED_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_clear_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, Deleter<BN_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using Asn1TimePtr = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME_free>>;
using Asn1ObjectPtr = std::unique_ptr<ASN1_OBJECT, Deleter<ASN1_OBJECT_free>>;
using Asn1OctetStringPtr = std::unique_ptr<ASN1_OCTET_STRING, Deleter<ASN1_OCTET_STRING_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;
using AuthorityKeyIdPtr = std::unique_ptr<AUTHORITY_KEYID, Deleter<AUTHORITY_KEYID_free>>;
using CertificatePoliciesPtr = std::unique_ptr<CERTIFICATEPOLICIES, Deleter<CERTIFICATEPOLICIES_free>>;
using OsslParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD_free>>;
using OsslParamPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM_free>>;

// Drains the OpenSSL error queue into one core::Error (the queue's first code becomes nativeCode).
[[nodiscard]] core::Error error(core::Errc code, const QString& what);

[[nodiscard]] QByteArray toDer(const X509* cert);
[[nodiscard]] QByteArray toDer(const X509_CRL* crl);
[[nodiscard]] core::Result<QByteArray> privateKeyToPkcs8Der(const EVP_PKEY* key);
[[nodiscard]] core::Result<X509Ptr> certFromDer(const QByteArray& der);
[[nodiscard]] core::Result<X509CrlPtr> crlFromDer(const QByteArray& der);
[[nodiscard]] core::Result<EvpPkeyPtr> privateKeyFromPkcs8Der(const QByteArray& der);
// Accepts DER or PEM ("-----BEGIN CERTIFICATE-----").
[[nodiscard]] core::Result<X509Ptr> certFromDerOrPem(const QByteArray& bytes);
[[nodiscard]] QByteArray certToPem(const X509* cert);
[[nodiscard]] core::Result<QByteArray> privateKeyToPem(const EVP_PKEY* key);
[[nodiscard]] core::Result<QByteArray> publicKeyToPem(const EVP_PKEY* key); // SubjectPublicKeyInfo

[[nodiscard]] QByteArray toBytes(const ASN1_STRING* string);
[[nodiscard]] QByteArray serialBytes(const X509* cert);    // big-endian magnitude, as in the DER
[[nodiscard]] QByteArray subjectKeyId(const X509* cert);   // empty when absent
[[nodiscard]] QByteArray authorityKeyId(const X509* cert); // empty when absent
// SHA-1 of the subjectPublicKey BIT STRING: RFC 5280 §4.2.1.2 method (1).
[[nodiscard]] QByteArray publicKeySha1(const X509* cert);

// RFC 4514 text with UTF-8 kept as is ("CN=…,L=東京都,C=JP").
[[nodiscard]] QString nameToString(const X509_NAME* name);
// Dotted text of an OID.
[[nodiscard]] QString oidText(const ASN1_OBJECT* object);

// RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime after (ASN1_TIME_set picks that).
[[nodiscard]] Asn1TimePtr toAsn1Time(const QDateTime& at);
[[nodiscard]] QDateTime fromAsn1Time(const ASN1_TIME* time);

} // namespace madoguchi::pki::ossl
