#pragma once

// Test fixtures for the simulator: RSA-2048 keys and self-signed certificates made with the OpenSSL API
// inside the test, so these tests do not depend on the test PKI (src/pki).

#include "pki/DemoResident.h"

#include <QByteArray>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

namespace madoguchi::sim::test {

struct KeyAndCert
{
    QByteArray pkcs8;
    QByteArray certDer;
};

inline QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

inline KeyAndCert makeKeyAndCert(const char* commonName)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 4242);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600L * 24 * 365);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("JP"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_set_pubkey(cert.get(), key.get());
    X509_sign(cert.get(), key.get(), EVP_sha256());

    KeyAndCert out;
    unsigned char* der = nullptr;
    const int len = i2d_X509(cert.get(), &der);
    out.certDer = QByteArray(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    i2d_PKCS8PrivateKey_bio(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    out.pkcs8 = bioBytes(bio.get());
    return out;
}

// Generated once per test process: RSA key generation takes a noticeable fraction of a second.
inline const KeyAndCert& authPair()
{
    static const KeyAndCert pair = makeKeyAndCert("TEST auth 0001");
    return pair;
}
inline const KeyAndCert& signPair()
{
    static const KeyAndCert pair = makeKeyAndCert("TEST sign 0001");
    return pair;
}
inline const KeyAndCert& caPair()
{
    static const KeyAndCert pair = makeKeyAndCert("TEST CA");
    return pair;
}

inline const KeyAndCert& signCaPair()
{
    static const KeyAndCert pair = makeKeyAndCert("TEST sign CA");
    return pair;
}

inline pki::DemoResident makeResident(pki::DemoCardKind kind = pki::DemoCardKind::MyNumberCard)
{
    pki::DemoResident r;
    r.id = QStringLiteral("fixture");
    r.description = QStringLiteral("test fixture");
    r.kind = kind;
    r.authCertDer = authPair().certDer;
    r.authKeyPkcs8Der = authPair().pkcs8;
    r.authCaCertDer = caPair().certDer;
    r.signCaCertDer = signCaPair().certDer;
    r.testIndividualNumber = QByteArrayLiteral("123456789018");
    r.facts = {QStringLiteral("試験　花子"), QStringLiteral("東京都千代田区霞が関2-1-2"), QStringLiteral("19800401"),
               QStringLiteral("2")};
    if (kind == pki::DemoCardKind::FaceAuthCard) {
        return r;
    }
    r.signCertDer = signPair().certDer;
    r.signKeyPkcs8Der = signPair().pkcs8;
    r.authPin = pki::DemoPin{QByteArrayLiteral("1234"), 3, 3};
    r.signPin = pki::DemoPin{QByteArrayLiteral("ABC123"), 5, 5};
    r.textPin = pki::DemoPin{QByteArrayLiteral("1234"), 3, 3};
    return r;
}

} // namespace madoguchi::sim::test
