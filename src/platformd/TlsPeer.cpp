#include "platformd/TlsPeer.h"

#include <openssl/bn.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace madoguchi::platformd {

namespace {

QString nameEntry(X509_NAME* name, int nid)
{
    char buffer[256] = {};
    const int length = X509_NAME_get_text_by_NID(name, nid, buffer, sizeof buffer);
    return length > 0 ? QString::fromUtf8(buffer, length) : QString();
}

} // namespace

PeerIdentity TlsPeer::identity(ssl_st* ssl)
{
    PeerIdentity peer;
    X509* cert = SSL_get0_peer_certificate(ssl);
    if (cert == nullptr) {
        return peer;
    }
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    if (length > 0) {
        peer.certDer = QByteArray(reinterpret_cast<const char*>(der), length);
        OPENSSL_free(der);
    }
    peer.commonName = nameEntry(X509_get_subject_name(cert), NID_commonName);
    peer.organizationalUnit = nameEntry(X509_get_subject_name(cert), NID_organizationalUnitName);
    if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)) {
        char* hex = BN_bn2hex(bn);
        peer.serialHex = QString::fromLatin1(hex).toLower();
        OPENSSL_free(hex);
        BN_free(bn);
    }
    return peer;
}

} // namespace madoguchi::platformd
