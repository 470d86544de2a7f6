#include "audit/AuditSigner.h"

#include "audit/MerkleHash.h"

#include <QFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace madoguchi::audit {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
struct BioDeleter
{
    void operator()(BIO* bio) const noexcept { BIO_free_all(bio); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

core::Error cryptoError(const QString& what)
{
    return core::Error{core::Errc::CryptoFailure, what};
}

PkeyPtr publicKeyFrom(QByteArrayView bytes)
{
    if (bytes.startsWith("-----BEGIN")) {
        BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
        return PkeyPtr(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    }
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    return PkeyPtr(d2i_PUBKEY(nullptr, &p, static_cast<long>(bytes.size())));
}

QByteArray derOf(EVP_PKEY* key)
{
    const int length = i2d_PUBKEY(key, nullptr);
    if (length <= 0) {
        return {};
    }
    QByteArray der(length, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(der.data());
    i2d_PUBKEY(key, &p);
    return der;
}

} // namespace

struct AuditSigner::Key
{
    PkeyPtr pkey;
};

AuditSigner::AuditSigner() = default;
AuditSigner::~AuditSigner() = default;
AuditSigner::AuditSigner(AuditSigner&&) noexcept = default;
AuditSigner& AuditSigner::operator=(AuditSigner&&) noexcept = default;

core::Result<AuditSigner> AuditSigner::generate()
{
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key) {
        return core::fail(cryptoError(QStringLiteral("Ed25519 key generation failed")));
    }
    AuditSigner signer;
    signer.m_key = std::make_unique<Key>(Key{std::move(key)});
    return signer;
}

core::Result<AuditSigner> AuditSigner::loadOrCreate(const QString& path)
{
    QFile file(path);
    if (!file.exists()) {
        auto fresh = generate();
        if (!fresh) {
            return fresh;
        }
        if (auto saved = fresh->save(path); !saved) {
            return core::fail(saved.error());
        }
        return fresh;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read audit key %1").arg(path));
    }
    const QByteArray pem = file.readAll();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) {
        return core::fail(cryptoError(QStringLiteral("%1 is not an Ed25519 private key").arg(path)));
    }
    AuditSigner signer;
    signer.m_key = std::make_unique<Key>(Key{std::move(key)});
    return signer;
}

core::Result<void> AuditSigner::save(const QString& path) const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!m_key || PEM_write_bio_PrivateKey(bio.get(), m_key->pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return core::fail(cryptoError(QStringLiteral("cannot encode the audit key")));
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    QFile file(path);
    // Owner-only from the first byte: the key must never be readable by others, not even briefly.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(data, length) != length || !file.flush()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write audit key %1").arg(path));
    }
    return {};
}

core::Result<QByteArray> AuditSigner::sign(QByteArrayView message) const
{
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    // Ed25519 is "pure": no digest parameter (RFC 8032 §5.1; OpenSSL EVP_DigestSign one-shot only).
    if (!m_key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key->pkey.get()) != 1) {
        return core::fail(cryptoError(QStringLiteral("cannot start an Ed25519 signature")));
    }
    std::size_t length = 64;
    QByteArray signature(64, Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(message.data()),
                       static_cast<std::size_t>(message.size())) != 1) {
        return core::fail(cryptoError(QStringLiteral("Ed25519 signing failed")));
    }
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

QByteArray AuditSigner::publicKeyDer() const
{
    return m_key ? derOf(m_key->pkey.get()) : QByteArray();
}

bool AuditSigner::verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    PkeyPtr key = publicKeyFrom(publicKey);
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        return false;
    }
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                            static_cast<std::size_t>(signature.size()),
                            reinterpret_cast<const unsigned char*>(message.data()),
                            static_cast<std::size_t>(message.size())) == 1;
}

QByteArray AuditSigner::publicKeyPem(QByteArrayView der)
{
    PkeyPtr key = publicKeyFrom(der);
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!key || PEM_write_bio_PUBKEY(bio.get(), key.get()) != 1) {
        return {};
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

QString AuditSigner::fingerprint(QByteArrayView publicKeyDerOrPem)
{
    PkeyPtr key = publicKeyFrom(publicKeyDerOrPem);
    return key ? QString::fromLatin1(toBytes(sha256(derOf(key.get()))).toHex()) : QString();
}

} // namespace madoguchi::audit
