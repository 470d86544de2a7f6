#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace madoguchi::audit {

// The terminal's tree-head key: Ed25519 (RFC 8032) through OpenSSL EVP. It lives in its own PEM file
// (mode 0600) beside the database, NOT in the database: someone holding the database key must not be
// able to re-sign a rewritten log (issue 5). Auditors get only publicKeyDer().
class AuditSigner final
{
public:
    // Loads the PKCS#8 PEM key at `path`, creating a fresh key there first if the file is missing.
    [[nodiscard]] static core::Result<AuditSigner> loadOrCreate(const QString& path);
    [[nodiscard]] static core::Result<AuditSigner> generate();

    AuditSigner();
    ~AuditSigner();
    AuditSigner(AuditSigner&&) noexcept;
    AuditSigner& operator=(AuditSigner&&) noexcept;

    [[nodiscard]] core::Result<QByteArray> sign(QByteArrayView message) const;
    // SubjectPublicKeyInfo DER.
    [[nodiscard]] QByteArray publicKeyDer() const;
    [[nodiscard]] core::Result<void> save(const QString& path) const;

    // Verifies with a SubjectPublicKeyInfo (DER or PEM).
    [[nodiscard]] static bool verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);
    [[nodiscard]] static QByteArray publicKeyPem(QByteArrayView der);
    // SHA-256 of the SubjectPublicKeyInfo DER, hex: how people compare terminal keys.
    [[nodiscard]] static QString fingerprint(QByteArrayView publicKeyDerOrPem);

private:
    struct Key;
    std::unique_ptr<Key> m_key;
};

} // namespace madoguchi::audit
